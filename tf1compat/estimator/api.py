"""The TF1 ``tf.estimator`` module, loaded on first use: patches TensorFlow, then imports the v1 API."""
import functools
import inspect

import tensorflow

from tf1compat.errors import error_for
from tf1compat.estimator import checkpoint_guard, pandas_strings, patches

APPLIED = tuple(patches.apply_all())  # the names of the patches TensorFlow needed

from tensorflow_estimator.python.estimator.api._v1 import estimator  # noqa: E402  (needs the patches)

_NO_TPU_REASON = ("TensorFlow sees no TPU on this machine, and TPUEstimator on TF 2.21 runs only "
                  "with use_tpu=False (the same model_fn on CPU)")
_NO_TPU_REPLACEMENT = ("use_tpu=False on CPU; on a TPU VM, tf.distribute.TPUStrategy with Keras Model.fit "
                       "(tf.distribute.cluster_resolver.TPUClusterResolver finds the TPU)")


def refuse_use_tpu_without_tpu(tpu_estimator_class):
    """Make ``TPUEstimator(use_tpu=True)`` raise ``UnsupportedTF1APIError`` at once when no TPU is visible.

    Without it the error comes at the first ``train`` call, as a RuntimeError listing devices.
    Idempotent: a class already guarded is left as it is.
    """
    original = tpu_estimator_class.__init__
    if getattr(original, "__tf1compat_guard__", False):
        return False

    signature = inspect.signature(original)

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        use_tpu = signature.bind(self, *args, **kwargs).arguments.get("use_tpu", True)
        if use_tpu and not tensorflow.config.list_physical_devices("TPU"):
            raise error_for("tf.estimator.tpu.TPUEstimator(use_tpu=True)", _NO_TPU_REASON,
                            _NO_TPU_REPLACEMENT, "estimator_mnist", depth=2)
        original(self, *args, **kwargs)

    __init__.__tf1compat_guard__ = True
    tpu_estimator_class.__init__ = __init__
    return True


refuse_use_tpu_without_tpu(estimator.tpu.TPUEstimator)
checkpoint_guard.guard_foreign_checkpoints(estimator.Estimator)
pandas_strings.accept_pandas_string_columns()
