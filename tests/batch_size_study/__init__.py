"""Tests of python -m migration.batch_size_study."""
