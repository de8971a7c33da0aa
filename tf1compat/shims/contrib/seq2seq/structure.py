"""Shape plumbing the seq2seq decoders share: batch/time transposes, zero tensors, argument checks."""
import tensorflow

_v1 = tensorflow.compat.v1
static_value = tensorflow.get_static_value


def dimension(tensor, axis):
    """The static size of ``tensor``'s ``axis`` when known, else its dynamic size."""
    known = tensorflow.compat.dimension_value(tensor.shape[axis])
    return known if known is not None else _v1.shape(tensor)[axis]


def transpose_batch_time(tensor):
    """Swap the first two axes of ``tensor`` ([batch, time, ...] <-> [time, batch, ...])."""
    tensor = _v1.convert_to_tensor(tensor)
    shape = tensor.get_shape()
    if shape.ndims is not None and shape.ndims < 2:
        raise ValueError(f"`{tensor.name}` must have rank at least 2 to swap batch and time; "
                         f"got shape {shape}")
    perm = _v1.concat(([1, 0], _v1.range(2, _v1.rank(tensor))), axis=0)
    swapped = _v1.transpose(tensor, perm)
    if shape.ndims is not None:
        swapped.set_shape([shape[1], shape[0]] + shape[2:].as_list())
    return swapped


def zero_tensors(size, batch_size, dtype):
    """Zeros shaped ``[batch_size] + size`` for every (nested) ``size`` (an int or a TensorShape)."""
    static_batch = static_value(_v1.convert_to_tensor(batch_size))

    def zeros(one_size):
        if isinstance(one_size, tensorflow.Tensor):  # a dynamic size, e.g. the memory's max_time
            tensor = _v1.zeros(_v1.stack([batch_size, one_size]), dtype=dtype)
            tensor.set_shape([static_batch, static_value(one_size)])
            return tensor
        inner = _v1.TensorShape(one_size)
        if not inner.is_fully_defined():
            raise ValueError(f"`{one_size}` is not a fully defined size; zero tensors need one")
        tensor = _v1.zeros([batch_size] + inner.as_list(), dtype=dtype)
        tensor.set_shape(_v1.TensorShape([static_batch]).concatenate(inner))
        return tensor

    return tensorflow.nest.map_structure(zeros, size)


def check_cell(label, cell):
    """Raise TypeError unless ``cell`` looks like an RNNCell (as TF1's assert_like_rnncell did)."""
    missing = [attribute for attribute in ("output_size", "state_size", "zero_state") if not hasattr(cell, attribute)]
    if missing or not callable(cell):
        what = ", ".join(f"'{attribute}' property is missing" for attribute in missing) or "'__call__' is missing"
        raise TypeError(f"The argument {label!r} ({cell}) is not an RNNCell: {what}.")


def check_layer(label, layer):
    """Raise TypeError unless ``layer`` is None or a layer (tf.layers / Keras) that can size its outputs."""
    if layer is not None and not (callable(layer) and hasattr(layer, "compute_output_shape")):
        raise TypeError(f"{label} must be a Layer, received: {type(layer)}")


def layer_output_size(layer, size):
    """The per-example output size of ``layer`` applied to inputs of per-example ``size`` (nested)."""
    if layer is None:
        return size
    with_batch = tensorflow.nest.map_structure(
        lambda one_size: _v1.TensorShape([None]).concatenate(one_size), size)
    output_shape = layer.compute_output_shape(with_batch)
    return tensorflow.nest.map_structure(lambda shape: _v1.TensorShape(shape)[1:], output_shape)


def embedding_function(embedding):
    """``embedding`` if callable, else a look-up of ids in the ``embedding`` params."""
    if callable(embedding):
        return embedding
    return lambda ids: _v1.nn.embedding_lookup(embedding, ids)
