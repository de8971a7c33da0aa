"""The ``tf.contrib.rnn`` cells that tf.compat.v1 lacks, with TF 1.15's math and variable names."""
