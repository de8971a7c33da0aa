"""Tests of the legacy scope (tf1compat/scope/)."""
