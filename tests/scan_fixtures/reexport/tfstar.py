"""Scan fixture: a helper module that star-imports the TF1 API."""
from tensorflow.compat.v1 import *  # noqa: F401,F403
