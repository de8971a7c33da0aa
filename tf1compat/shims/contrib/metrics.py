"""``tf.contrib.metrics`` for TF1 scripts: tf-slim's metrics (contrib.metrics moved out of TensorFlow) plus core aliases.

The ``streaming_*`` functions keep TF1's argument order (``predictions`` first) and return
``(value, update_op)`` backed by local variables, exactly as contrib.metrics did.
"""
import tensorflow

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks
from tf1compat.shims.contrib import tf_slim_aliases  # noqa: F401  (first: restores the aliases tf_slim needs)
from tf_slim.metrics import classification, histogram_ops, metric_ops

_v1 = tensorflow.compat.v1
_SLIM_MODULES = (metric_ops, classification, histogram_ops)
# contrib.metrics re-exported these core functions.
_CORE = {
    "confusion_matrix": _v1.confusion_matrix,
    "set_difference": _v1.sets.set_difference,
    "set_intersection": _v1.sets.set_intersection,
    "set_size": _v1.sets.set_size,
    "set_union": _v1.sets.set_union,
}
_PUBLIC = sorted({name for module in _SLIM_MODULES for name in vars(module)
                  if not name.startswith("_") and callable(getattr(module, name))
                  and getattr(getattr(module, name), "__module__", "") == module.__name__})
__all__ = sorted(set(_PUBLIC) | set(_CORE))
globals().update({name: getattr(module, name) for module in _SLIM_MODULES for name in _PUBLIC
                  if hasattr(module, name)})
globals().update(_CORE)

__getattr__, __dir__ = contrib_module_hooks("contrib.metrics", __name__, __all__)
