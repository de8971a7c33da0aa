"""Scan fixture: TensorFlow reached through a sibling module's re-export."""
from tfutil import tf


def session():
    return tf.InteractiveSession()
