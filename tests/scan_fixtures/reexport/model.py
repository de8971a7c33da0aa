"""Scan fixture: TensorFlow reached through sibling modules' re-exports."""
from tfutil import tf
from . import tfstar as v1
import tfstar


def session():
    return tf.InteractiveSession(), v1.placeholder(v1.float32), tfstar.train.Saver()
