"""Scan fixture: a helper module that re-exports the TF1 API."""
import tensorflow.compat.v1 as tf
