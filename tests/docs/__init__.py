"""Tests of README and docs/ stay true."""
