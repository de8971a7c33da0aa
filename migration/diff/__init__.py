"""``python -m migration.diff NAME``: a worked pair side by side (``side_by_side``), its idiom map and check (``cli``)."""
from migration.diff.cli import main

__all__ = ["main"]
