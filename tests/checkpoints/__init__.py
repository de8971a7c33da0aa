"""Tests of python -m migration.checkpoints."""
