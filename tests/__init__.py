"""The test suite: one folder per package or tool, mirroring the code."""
