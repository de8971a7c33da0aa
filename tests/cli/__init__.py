"""Tests of the runner (tf1compat/cli/)."""
