"""A package run with python -m: its modules get the NumPy 1.x view too."""
