"""Stand-ins for ``tf.contrib`` modules that TensorFlow 2 removed: one file per contrib module."""
