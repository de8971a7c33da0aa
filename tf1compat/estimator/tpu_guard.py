"""``TPUEstimator(use_tpu=True)`` on a machine without a TPU: ``UnsupportedTF1APIError`` when it is created."""
import functools
import inspect

import tensorflow

from tf1compat.errors import error_for

_REASON = ("TensorFlow sees no TPU on this machine, and TPUEstimator on TF 2.21 runs only "
           "with use_tpu=False (the same model_fn on CPU)")
_REPLACEMENT = ("use_tpu=False on CPU; on a TPU VM, tf.distribute.TPUStrategy with Keras Model.fit "
                "(tf.distribute.cluster_resolver.TPUClusterResolver finds the TPU)")


def refuse_use_tpu_without_tpu(tpu_estimator_class):
    """Make ``TPUEstimator(use_tpu=True)`` raise at once when no TPU is visible; idempotent.

    Without it the error came at the first ``train`` call, as a RuntimeError listing the devices.
    """
    original = tpu_estimator_class.__init__
    if getattr(original, "__tf1compat_guard__", False):
        return False
    signature = inspect.signature(original)

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        use_tpu = signature.bind(self, *args, **kwargs).arguments.get("use_tpu", True)
        if use_tpu and not tensorflow.config.list_physical_devices("TPU"):
            raise error_for("tf.estimator.tpu.TPUEstimator(use_tpu=True)", _REASON, _REPLACEMENT,
                            "estimator_mnist", depth=2)
        original(self, *args, **kwargs)

    __init__.__tf1compat_guard__ = True
    tpu_estimator_class.__init__ = __init__
    return True
