"""``feed_previous`` given as a boolean tensor: build the decoder both ways and choose with ``tf.cond`` (as TF 1.15)."""
import tensorflow

_v1 = tensorflow.compat.v1


def decode_either_way(feed_previous, decode, num_outputs, state_structure):
    """``decode(True)`` where ``feed_previous`` is true at run time, else ``decode(False)``.

    ``decode(feed)`` returns ``(outputs, state)``; the feeding branch is built first and creates the
    variables, the other reuses them. ``state_structure`` (e.g. the encoder state) gives the nesting
    of the returned state.

    Returns:
        ``(outputs, state)``: ``num_outputs`` tensors and the state packed like ``state_structure``.
    """

    def branch(feed):
        with _v1.variable_scope(_v1.get_variable_scope(), reuse=None if feed else True):
            outputs, state = decode(feed)
            return list(outputs) + tensorflow.nest.flatten(state)

    chosen = _v1.cond(feed_previous, lambda: branch(True), lambda: branch(False))
    state_parts = chosen[num_outputs:]
    state = state_parts[0]
    if tensorflow.nest.is_nested(state_structure):
        state = tensorflow.nest.pack_sequence_as(state_structure, state_parts)
    return chosen[:num_outputs], state
