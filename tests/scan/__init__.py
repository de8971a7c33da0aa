"""Tests of python -m migration.scan."""
