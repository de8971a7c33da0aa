"""Tests of python -m migration.diff."""
