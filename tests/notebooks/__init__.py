"""Tests of TF1 notebooks: the runner, %load_ext, the kernel (tf1compat/notebooks/, tf1compat/kernel/)."""
