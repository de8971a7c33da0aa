"""Tests of the legacy views of the 2018 stack (tf1compat/views/)."""
