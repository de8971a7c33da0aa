"""TF1's private ``_linear`` helper that RNN code imported, in each release's form (variable names differ).

* TF 0.12 ``tf.nn.rnn_cell._linear(args, output_size, bias, bias_start=0.0, scope=None)``: variables
  ``Matrix`` and ``Bias`` under ``scope`` (default ``Linear``).
* TF 1.0-1.2 ``core_rnn_cell_impl._linear(args, output_size, bias, bias_start=0.0)``: ``weights`` and
  ``biases`` in the current scope.
* TF 1.3+ ``core_rnn_cell._linear``: legacy_seq2seq's ``linear`` (``kernel`` / ``bias``).
"""
import tensorflow

from tf1compat.shims.contrib.legacy_seq2seq.linear import linear as _linear  # noqa: F401  (TF 1.3+)

_v1 = tensorflow.compat.v1


def _affine(args, output_size, bias, bias_start, weights_name, bias_name):
    """``concat(args, 1) @ weights (+ bias)`` with variables named as the caller's TF release named them."""
    args = list(args) if tensorflow.nest.is_nested(args) else [args]
    if not args or any(arg.get_shape().ndims != 2 for arg in args):
        raise ValueError(f"`_linear` expects 2-D arguments [batch, n]; got shapes {[a.get_shape() for a in args]}")
    widths = [tensorflow.compat.dimension_value(arg.get_shape()[1]) for arg in args]
    if None in widths:
        raise ValueError(f"`_linear` needs the last dimension of every argument; got widths {widths}")
    dtype = args[0].dtype
    weights = _v1.get_variable(weights_name, [sum(widths), output_size], dtype=dtype)
    result = _v1.matmul(args[0] if len(args) == 1 else _v1.concat(args, 1), weights)
    if not bias:
        return result
    initializer = _v1.constant_initializer(bias_start, dtype=dtype)
    return _v1.nn.bias_add(result, _v1.get_variable(bias_name, [output_size], dtype=dtype, initializer=initializer))


def linear_tf1_0(args, output_size, bias, bias_start=0.0):
    """TF 1.0-1.2's ``_linear``: ``weights`` / ``biases`` in the current variable scope."""
    return _affine(args, output_size, bias, bias_start, "weights", "biases")


def linear_tf0_12(args, output_size, bias, bias_start=0.0, scope=None):
    """TF 0.12's ``tf.nn.rnn_cell._linear``: ``Matrix`` / ``Bias`` under ``scope`` (default ``Linear``)."""
    with _v1.variable_scope(scope or "Linear"):
        return _affine(args, output_size, bias, bias_start, "Matrix", "Bias")
