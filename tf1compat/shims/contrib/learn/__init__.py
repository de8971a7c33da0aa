"""The parts of ``tf.contrib.learn`` that run on TF 2: text preprocessing, CSV dataset loaders, ``ModeKeys``."""
