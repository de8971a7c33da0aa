"""``tf.contrib.framework`` for TF1 scripts: tf-slim's arg_scope and variable helpers, plus core aliases."""

import numpy as np
import tensorflow
from tensorflow.python.framework import ops, smart_cond, tensor_spec
from tensorflow.python.ops import confusion_matrix
from tensorflow.python.training import checkpoint_ops
from tensorflow.python.util import deprecation

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks
from tf1compat.shims.contrib import tf_slim_aliases  # noqa: F401  (first: restores the aliases tf_slim needs)
from tf_slim.ops import arg_scope as _arg_scope, variables as _variables

_v1 = tensorflow.compat.v1
_SLIM_MODULES = (_arg_scope, _variables)
# contrib.framework name -> the TF 2.21 object with the same behaviour in graph mode.
_CORE = {
    "nest": tensorflow.nest,
    "is_tensor": tensorflow.is_tensor,
    "list_variables": _v1.train.list_variables,
    "load_variable": _v1.train.load_variable,
    "load_checkpoint": _v1.train.load_checkpoint,
    "init_from_checkpoint": _v1.train.init_from_checkpoint,
    "argsort": tensorflow.argsort,
    "sort": tensorflow.sort,
    "assert_same_float_dtype": _v1.debugging.assert_same_float_dtype,
    "assert_scalar": _v1.debugging.assert_scalar,
    "convert_to_tensor_or_sparse_tensor": _v1.convert_to_tensor_or_sparse_tensor,
    "get_graph_from_inputs": ops._get_graph_from_inputs,  # noqa: SLF001  (what TF1 exported)
    "is_numeric_tensor": _v1.debugging.is_numeric_tensor,
    "is_non_decreasing": _v1.debugging.is_non_decreasing,
    "is_strictly_increasing": _v1.debugging.is_strictly_increasing,
    "deprecated": deprecation.deprecated,
    "deprecated_args": deprecation.deprecated_args,
    "deprecated_arg_values": deprecation.deprecated_arg_values,
    "prepend_name_scope": ops.prepend_name_scope,
    "strip_name_scope": ops.strip_name_scope,
    "py_func": _v1.py_func,
    "smart_cond": smart_cond.smart_cond,
    "smart_constant_value": smart_cond.smart_constant_value,
    "CriticalSection": _v1.CriticalSection,
    "TensorSpec": tensorflow.TensorSpec,
    "BoundedTensorSpec": tensor_spec.BoundedTensorSpec,
    "load_and_remap_matrix_initializer": checkpoint_ops._load_and_remap_matrix_initializer,  # noqa: SLF001
    "load_embedding_initializer": checkpoint_ops._load_embedding_initializer,  # noqa: SLF001
}
_OWN = ("get_name_scope", "with_shape", "with_same_shape", "assert_scalar_int", "reduce_sum_n",
        "remove_squeezable_dimensions", "zero_initializer")

__all__ = sorted({name for module in _SLIM_MODULES for name in module.__all__} | set(_CORE) | set(_OWN))
globals().update({name: getattr(module, name) for module in _SLIM_MODULES for name in module.__all__})
globals().update(_CORE)


def get_name_scope():
    """The current name scope of the default graph, e.g. ``"outer/inner"`` (``""`` at top level)."""
    return _v1.get_default_graph().get_name_scope()


def _static_shape(expected_shape, tensor):
    # TF1 accepted a list/tuple/ndarray of int32 (int64 lists are narrowed) of rank <= 1.
    shape = np.asarray(expected_shape if len(expected_shape) else [], dtype=np.int64)
    if shape.ndim > 1:
        raise ValueError(f"Invalid rank {shape.ndim} for shape {expected_shape} expected of tensor {tensor.name}.")
    return shape.astype(np.int32)


def with_shape(expected_shape, tensor):
    """``tensor`` checked to have ``expected_shape``: statically (ValueError) or by an assert op when unknown."""
    if isinstance(tensor, _v1.SparseTensor):
        raise ValueError("SparseTensor not supported.")
    dynamic = _v1.is_tensor(expected_shape)
    if dynamic and expected_shape.dtype.base_dtype != _v1.int32:
        raise ValueError(f"Invalid dtype {expected_shape.dtype} for shape {expected_shape} expected of tensor "
                         f"{tensor.name}.")
    expected = expected_shape if dynamic else _static_shape(expected_shape, tensor)
    actual = tensor.get_shape()
    if actual.is_fully_defined() and not dynamic:
        if actual.is_compatible_with(expected.tolist()):
            return tensor
        if expected.size == 0 and actual.is_compatible_with([1]):  # TF1's scalar special case
            with _v1.name_scope(f"{tensor.op.name}/", values=[tensor]):
                return _v1.reshape(tensor, [])
        raise ValueError(f"Invalid shape for tensor {tensor.name}, expected {expected}, got {actual}.")
    with _v1.name_scope(f"{tensor.op.name}/", values=[tensor]):
        if not dynamic and expected.size == 0:
            return _v1.reshape(tensor, [])
        check = _v1.debugging.assert_equal(_v1.shape(tensor), expected, data=[expected, _v1.shape(tensor)],
                                           message=f"Wrong shape for {tensor.name} [expected] [actual].")
        with _v1.control_dependencies([check]):
            result = _v1.identity(tensor)
        if not dynamic:
            result.set_shape(expected.tolist())
        return result


def with_same_shape(expected_tensor, tensor):
    """``tensor`` checked to have the shape of ``expected_tensor`` (see ``with_shape``)."""
    with _v1.name_scope(f"{tensor.op.name}/", values=[expected_tensor, tensor]):
        static = expected_tensor.get_shape()
        expected = static.as_list() if static.is_fully_defined() else _v1.shape(expected_tensor, name="expected_shape")
        return with_shape(expected, tensor)


def assert_scalar_int(tensor, name=None):
    """``tensor`` asserted to be an integer scalar; ValueError for a non-integer dtype."""
    with _v1.name_scope(name, "assert_scalar_int", [tensor]) as scope:
        tensor = _v1.convert_to_tensor(tensor)
        if not tensor.dtype.base_dtype.is_integer:
            raise ValueError(f"Expected integer type for {tensor.name}, received type: {tensor.dtype}.")
        return _v1.debugging.assert_scalar(tensor, name=scope)


def reduce_sum_n(tensors, name=None):
    """The sum of all elements of all ``tensors`` (a scalar)."""
    if not tensors:
        raise ValueError("No tensors provided.")
    with _v1.name_scope(name, "reduce_sum_n", tensors) as scope:
        sums = [_v1.reduce_sum(_v1.convert_to_tensor(tensor)) for tensor in tensors]
        return _v1.identity(sums[0], name=scope) if len(sums) == 1 else _v1.add_n(sums, name=scope)


def remove_squeezable_dimensions(predictions, labels, name=None):
    """``(predictions, labels)`` with a trailing size-1 dimension dropped where their ranks differ by one."""
    labels, predictions = confusion_matrix.remove_squeezable_dimensions(labels, predictions, name=name)
    return predictions, labels


def zero_initializer(ref, use_locking=True, name="zero_initializer"):
    """An op assigning zeros to variable ``ref`` (TF1 used it to initialise without an initial value)."""
    return _v1.assign(ref, _v1.zeros(ref.get_shape(), ref.dtype.base_dtype), use_locking=use_locking, name=name)


# TF1's package contrib/framework/python/ops exposed its `variables` module (the implementation paths
# themselves are api_table data: tf1compat/api/deep_paths.py).
variables = _variables

__getattr__, __dir__ = contrib_module_hooks("contrib.framework", __name__, __all__)
