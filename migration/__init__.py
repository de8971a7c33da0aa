"""Idiomatic TF2 rewrites of the legacy examples, and tools for porting TF1 code (scan, equivalence, checkpoints)."""
