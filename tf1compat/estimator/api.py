"""The TF1 ``tf.estimator`` module, loaded on first use: patches TensorFlow, imports the v1 API, adds the guards.

``api_table`` maps ``tf.estimator`` to ``estimator`` here; the legacy scope imports this
module only when a script first touches ``tf.estimator`` (or a contrib module built on it).
"""
from tf1compat.estimator import patches

APPLIED = tuple(patches.apply_all())  # the names of the patches this TensorFlow needed

# pylint: disable=wrong-import-position  (the v1 API imports what the patches put back)
from tensorflow_estimator.python.estimator.api._v1 import estimator  # noqa: E402

from tf1compat.estimator import checkpoint_guard, pandas_strings, tpu_guard  # noqa: E402

tpu_guard.refuse_use_tpu_without_tpu(estimator.tpu.TPUEstimator)
checkpoint_guard.guard_foreign_checkpoints(estimator.Estimator)
pandas_strings.accept_pandas_string_columns()
