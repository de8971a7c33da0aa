"""Side-by-side benchmarks of the legacy TF1 programs and their TF2 rewrites: ``python -m benchmarks``."""
