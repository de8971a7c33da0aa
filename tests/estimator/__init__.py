"""Tests of tf.estimator (tf1compat/estimator/)."""
