"""Scan TF1 code for the idioms a TF2 port must change: ``python -m migration.scan PATH...`` (see ``cli``).

Parts: ``sources`` (files and notebook cells), ``bindings`` (how TensorFlow is bound),
``idioms`` (the finder), ``rules`` (call shapes, as data), ``engine``, ``report``, ``cli``.
"""
from migration.scan.cli import main
from migration.scan.engine import DEFAULT_TARGET, scan_file, scan_paths, scan_text
from migration.scan.sources import ScanInputError

__all__ = ["main", "scan_paths", "scan_file", "scan_text", "ScanInputError", "DEFAULT_TARGET"]
