"""TF 0.12's argument orders where TF 1.0 reordered them, told apart by argument types (tf_upgrade.py's reorders).

``tf.concat(0, [a, b])`` (0.12: ``concat_dim`` first) and ``tf.concat([a, b], 0)`` (1.x) both run: an
integer where 1.x takes the values means the 0.12 order. Each call in the 0.12 order is counted for
``--report`` under its 0.12 form; a 1.x call goes to ``tf.compat.v1`` unchanged.
"""
import numbers

import numpy as np
import tensorflow

from tf1compat.api import table as api_table, usage_report
from tf1compat.api import tf0_12

_v1 = tensorflow.compat.v1


def _old_form(name):
    """``(report name, entry)`` of a call of ``name`` in its 0.12 order. Each shim passes them to
    ``usage_report.record`` itself: the report takes the call site two frames up from ``record``."""
    return tf0_12.REORDERED[name][1], tf0_12.old_form_entry(api_table.Entry, name)


def _is_int(value):
    """An axis as TF 0.12 wrote it: a Python/NumPy integer (not a bool) or a 0-d integer tensor."""
    if isinstance(value, (bool, np.bool_)):
        return False
    if isinstance(value, (numbers.Integral, np.integer)):
        return True
    return tensorflow.is_tensor(value) and value.dtype.is_integer and value.shape.ndims == 0


def concat(*args, **kwargs):
    """``tf.concat``: ``(values, axis)`` as TF 1.x, or ``(concat_dim, values)`` as TF 0.12."""
    if "concat_dim" in kwargs or (len(args) >= 2 and _is_int(args[0]) and not _is_int(args[1])):
        usage_report.record(*_old_form("concat"))
        concat_dim = kwargs.pop("concat_dim") if "concat_dim" in kwargs else args[0]
        values = kwargs.pop("values") if "values" in kwargs else args[1]
        return _v1.concat(values, concat_dim, *args[2:], **kwargs)
    return _v1.concat(*args, **kwargs)


def split(*args, **kwargs):
    """``tf.split``: ``(value, num_or_size_splits, axis)`` as TF 1.x, or ``(split_dim, num_split, value)`` as 0.12."""
    if {"split_dim", "num_split"} & set(kwargs) or (len(args) >= 3 and _is_int(args[0]) and not _is_int(args[2])):
        usage_report.record(*_old_form("split"))
        named = dict(zip(("split_dim", "num_split", "value", "name"), args))
        named.update(kwargs)
        return _v1.split(named["value"], named["num_split"], axis=named["split_dim"], name=named.get("name"))
    return _v1.split(*args, **kwargs)


def sparse_split(*args, **kwargs):
    """``tf.sparse_split``: keyword-only as TF 1.x, or positional ``(split_dim, num_split, sp_input)`` as 0.12."""
    if args:
        usage_report.record(*_old_form("sparse_split"))
        named = dict(zip(("split_dim", "num_split", "sp_input", "name"), args))
        named.update(kwargs)
        return _v1.sparse_split(sp_input=named["sp_input"], num_split=named["num_split"],
                                axis=named["split_dim"], name=named.get("name"))
    return _v1.sparse_split(**kwargs)


def _bool_mask(dims):
    if isinstance(dims, np.ndarray):
        return dims.dtype == np.bool_ and dims.ndim == 1
    return isinstance(dims, (list, tuple)) and bool(dims) and all(isinstance(d, (bool, np.bool_)) for d in dims)


def reverse(tensor, axis=None, name=None, dims=None):
    """``tf.reverse``: axis indices as TF 1.x, or (0.12) one bool per dimension saying which to reverse."""
    mask = dims if dims is not None else axis
    if _bool_mask(mask):
        usage_report.record(*_old_form("reverse"))
        return _v1.reverse(tensor, [index for index, flip in enumerate(mask) if flip], name=name)
    return _v1.reverse(tensor, axis, name=name)


def _xent_arguments(name, args, kwargs, second="labels"):
    """Keyword arguments of a cross-entropy call; TF 1.0 made these keyword-only, so positional ones are 0.12's."""
    if len(args) > 2:
        raise TypeError(f"`tf.{name}` takes at most (logits, {second}) positionally, as TF 0.12 did; "
                        f"got {len(args)} positional arguments; pass dim= / name= by keyword")
    named = dict(zip(("logits", second), args))
    named.update(kwargs)
    if second in named and second != "labels":
        named["labels"] = named.pop(second)
    return named


def softmax_cross_entropy_with_logits(*args, **kwargs):
    """TF 1.x's keyword call, or TF 0.12's positional ``(logits, labels)``."""
    name = "nn.softmax_cross_entropy_with_logits"
    if args:
        usage_report.record(*_old_form(name))
    return _v1.nn.softmax_cross_entropy_with_logits(**_xent_arguments(name, args, kwargs))


def sparse_softmax_cross_entropy_with_logits(*args, **kwargs):
    """TF 1.x's keyword call, or TF 0.12's positional ``(logits, labels)``."""
    name = "nn.sparse_softmax_cross_entropy_with_logits"
    if args:
        usage_report.record(*_old_form(name))
    return _v1.nn.sparse_softmax_cross_entropy_with_logits(**_xent_arguments(name, args, kwargs))


def sigmoid_cross_entropy_with_logits(*args, **kwargs):
    """TF 1.x's keyword call, or TF 0.12's ``(logits, targets)`` (positional, or ``targets=``)."""
    name = "nn.sigmoid_cross_entropy_with_logits"
    if args or "targets" in kwargs:
        usage_report.record(*_old_form(name))
    return _v1.nn.sigmoid_cross_entropy_with_logits(**_xent_arguments(name, args, kwargs, second="targets"))


def batch_matmul(x, y, adj_x=False, adj_y=False, name=None):
    """TF 0.12's ``tf.batch_matmul``: ``tf.matmul`` with ``adj_x``/``adj_y`` as ``adjoint_a``/``adjoint_b``."""
    return _v1.matmul(x, y, adjoint_a=adj_x, adjoint_b=adj_y, name=name)
