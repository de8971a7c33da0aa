"""Tests of the cluster launcher (tf1compat/cluster/)."""
