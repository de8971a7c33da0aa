"""``python -m migration.diff [NAME] [--verify]``."""
import os
import sys

from migration.diff.cli import main

try:
    sys.exit(main())
except BrokenPipeError:  # piped into head/less that quit early: not an error worth a traceback
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
