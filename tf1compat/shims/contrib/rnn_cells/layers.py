"""The building blocks TF 1.15's contrib cells share: the ``kernel``/``bias`` linear map and layer norm."""
import importlib

import tensorflow

_v1 = tensorflow.compat.v1
RNNCell = _v1.nn.rnn_cell.RNNCell
LSTMStateTuple = _v1.nn.rnn_cell.LSTMStateTuple
# tf.compat.v1's cells live in tf_keras's legacy cell module; LayerRNNCell (cells that build
# their variables in build()) is there too but not exported.
LayerRNNCell = importlib.import_module(RNNCell.__module__).LayerRNNCell


def linear(args, output_size, bias, bias_initializer=None, kernel_initializer=None):
    """``concat(args) @ kernel (+ bias)`` with variables ``kernel`` and ``bias`` in the current scope.

    TF1's ``core_rnn_cell._Linear``: ``bias`` starts at zero unless ``bias_initializer`` says otherwise.
    """
    args = list(args) if isinstance(args, (list, tuple)) else [args]
    if not args:
        raise ValueError("`args` must be specified")
    widths = []
    for arg in args:
        shape = arg.get_shape()
        if shape.ndims != 2 or _v1.dimension_value(shape[1]) is None:
            raise ValueError(f"linear expects 2D arguments with a known last dimension; got {shape}")
        widths.append(_v1.dimension_value(shape[1]))
    dtype = args[0].dtype
    kernel = _v1.get_variable("kernel", [sum(widths), output_size], dtype=dtype, initializer=kernel_initializer)
    joined = args[0] if len(args) == 1 else _v1.concat(args, 1)
    result = _v1.matmul(joined, kernel)
    if not bias:
        return result
    bias_initializer = bias_initializer or _v1.constant_initializer(0.0, dtype=dtype)
    return _v1.nn.bias_add(result, _v1.get_variable("bias", [output_size], dtype=dtype, initializer=bias_initializer))


def layer_norm(inputs, scope, gain=1.0, shift=0.0):
    """TF1 contrib ``layer_norm`` over the last axis, ``gamma``/``beta`` in ``scope`` (epsilon 1e-12)."""
    width = inputs.get_shape()[-1:]
    with _v1.variable_scope(scope):
        gamma = _v1.get_variable("gamma", shape=width, initializer=_v1.constant_initializer(gain),
                                 dtype=inputs.dtype)
        beta = _v1.get_variable("beta", shape=width, initializer=_v1.constant_initializer(shift),
                                dtype=inputs.dtype)
        mean, variance = _v1.nn.moments(inputs, [inputs.get_shape().ndims - 1], keep_dims=True)
        return _v1.nn.batch_normalization(inputs, mean, variance, offset=beta, scale=gamma,
                                          variance_epsilon=1e-12)


def sharded_matrix(name, shape, dtype, num_shards):
    """TF1's ``_get_concat_variable``: ``name_0 .. name_<n-1>`` split by rows, joined into one matrix."""
    if num_shards > shape[0]:
        raise ValueError(f"Too many shards: shape={shape}, num_shards={num_shards}")
    unit, remaining = divmod(shape[0], num_shards)
    shards = [_v1.get_variable(f"{name}_{i}", [unit + (1 if i < remaining else 0)] + list(shape[1:]), dtype=dtype)
              for i in range(num_shards)]
    return shards[0] if len(shards) == 1 else _v1.concat(shards, 0, name=name + "/concat")


def input_width(inputs):
    """The static last dimension of 2-D ``inputs``; ValueError if unknown (as TF1's cells)."""
    width = _v1.dimension_value(inputs.get_shape().with_rank(2)[1])
    if width is None:
        raise ValueError("Could not infer input size from inputs.get_shape()[-1]")
    return width
