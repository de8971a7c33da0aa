"""Tests of the worked pairs (legacy_examples/ <-> migration/NAME.py)."""
