"""Tests of migration.equivalence."""
