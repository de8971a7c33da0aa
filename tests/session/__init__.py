"""Tests of the session adjusters (tf1compat/session/)."""
