"""The ``tf_slim`` package (contrib.layers and slim moved out of TensorFlow), runnable on TensorFlow 2.21."""
import importlib

import tensorflow

_V1 = tensorflow.compat.v1

# tf-slim 1.1.0 refers to TensorFlow-internal names that later releases moved or removed. Each
# missing alias is put back, pointing at the public API object it always meant, and only if
# TensorFlow does not define it itself; nothing else in TensorFlow changes.
# (internal module, missing attribute, what tf_slim means by it)
RESTORED_ALIASES = (
    ("tensorflow.python.framework.ops", "Tensor", tensorflow.Tensor),
    ("tensorflow.python.framework.ops", "IndexedSlices", tensorflow.IndexedSlices),
    ("tensorflow.python.ops.array_ops", "stack", tensorflow.stack),
    ("tensorflow.python.ops.array_ops", "unstack", tensorflow.unstack),
    ("tensorflow.python.ops.control_flow_ops", "cond", _V1.cond),
    ("tensorflow.python.ops.control_flow_ops", "case", _V1.case),
    ("tensorflow.python.ops.control_flow_ops", "while_loop", _V1.while_loop),
    ("tensorflow.python.ops.control_flow_ops", "Assert", _V1.Assert),
    ("tensorflow.python.ops.variable_scope", "variable", _V1.Variable),
)

# tf_slim's batch_norm builds `tensorflow.python.layers.normalization.BatchNormalization`,
# which lazily imports `tf_keras.legacy_tf_layers.normalization`; tf-keras 2.21 keeps that
# module under `tf_keras.src`. `tf.compat.v1.layers` is the public face of the same layers
# (it needs TF_USE_LEGACY_KERAS=1, which the runner sets).
_NORMALIZATION_MODULE = "tensorflow.python.layers.normalization"


def restore_aliases():
    """Add each missing alias of ``RESTORED_ALIASES``; return the ``module.attribute`` names added."""
    added = []
    for module_name, attribute, value in RESTORED_ALIASES:
        module = importlib.import_module(module_name)
        if not hasattr(module, attribute):
            setattr(module, attribute, value)
            added.append(f"{module_name}.{attribute}")
    normalization = importlib.import_module(_NORMALIZATION_MODULE)
    if not _loads(normalization):
        normalization.normalization = _V1.layers
        added.append(f"{_NORMALIZATION_MODULE}.normalization")
    return added


def _loads(normalization):
    try:
        return normalization.normalization.BatchNormalization is not None
    except ImportError:
        return False


RESTORED = restore_aliases()

import tf_slim  # noqa: E402  (must follow the alias restoration)

__all__ = ["tf_slim", "RESTORED", "RESTORED_ALIASES"]
