"""``python -m migration.scan PATH...``."""
import sys

from migration.scan.cli import main

sys.exit(main())
