"""``python -m migration.batch_size_study``."""
import sys

from migration.batch_size_study.cli import main

sys.exit(main())
