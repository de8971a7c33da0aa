"""``python -m migration.checkpoints``: TensorFlow's start-up noise filtered, so an error stays one line."""
import sys

from tf1compat.cli import quiet

quiet.set_native_log_level()
with quiet.filtered_native_stderr():
    from migration.checkpoints.cli import main

sys.exit(main())
