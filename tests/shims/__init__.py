"""Tests of the removed-module shims (tf1compat/shims/)."""
