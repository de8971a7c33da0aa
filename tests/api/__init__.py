"""Tests of the TF1 API knowledge (tf1compat/api/)."""
