"""TF1's ``linear`` map of legacy_seq2seq: concatenated 2-D inputs times ``kernel`` plus ``bias``, in the current scope."""
import tensorflow

_v1 = tensorflow.compat.v1


def _total_width(args):
    total = 0
    for arg in args:
        shape = arg.get_shape()
        if shape.ndims != 2:
            raise ValueError(f"`linear` expects 2-D arguments [batch, n]; got shapes {[a.get_shape() for a in args]}")
        width = tensorflow.compat.dimension_value(shape[1])
        if width is None:
            raise ValueError(f"`linear` needs the last dimension of every argument; got shape {shape}")
        total += width
    return total


def linear(args, output_size, bias, bias_initializer=None, kernel_initializer=None):
    """``concat(args, 1) @ kernel (+ bias)`` with variables ``kernel`` [sum of widths, output_size] and ``bias``.

    The variables are created (or reused) directly in the current variable scope, with TF 1.15's
    names and defaults: the kernel takes the scope's initializer, the bias starts at 0.

    Raises:
        ValueError: no arguments, an argument that is not 2-D, or one whose width is unknown.
    """
    if args is None or (tensorflow.nest.is_nested(args) and not args):
        raise ValueError("`linear` needs at least one argument tensor")
    if not tensorflow.nest.is_nested(args):
        args = [args]
    width = _total_width(args)
    dtype = args[0].dtype
    with _v1.variable_scope(_v1.get_variable_scope()) as outer_scope:
        kernel = _v1.get_variable("kernel", [width, output_size], dtype=dtype, initializer=kernel_initializer)
        joined = args[0] if len(args) == 1 else _v1.concat(args, 1)
        result = _v1.matmul(joined, kernel)
        if not bias:
            return result
        with _v1.variable_scope(outer_scope) as inner_scope:
            inner_scope.set_partitioner(None)  # TF1 never partitioned the bias
            initializer = bias_initializer or _v1.constant_initializer(0.0, dtype=dtype)
            biases = _v1.get_variable("bias", [output_size], dtype=dtype, initializer=initializer)
        return _v1.nn.bias_add(result, biases)
