"""legacy_seq2seq's plain decoders: ``rnn_decoder``, ``embedding_rnn_decoder`` and the greedy loop function."""
import tensorflow

_v1 = tensorflow.compat.v1


def extract_argmax_and_embed(embedding, output_projection=None, update_embedding=True):
    """A ``loop_function(prev, i)`` feeding back ``embedding[argmax(prev @ W + B)]`` (greedy decoding).

    With ``update_embedding=False`` no gradient reaches the embedding through the fed-back symbols.
    """

    def loop_function(prev, _):
        if output_projection is not None:
            prev = _v1.nn.xw_plus_b(prev, output_projection[0], output_projection[1])
        symbols = _v1.argmax(prev, 1)
        embedded = _v1.nn.embedding_lookup(embedding, symbols)
        return embedded if update_embedding else _v1.stop_gradient(embedded)

    return loop_function


def rnn_decoder(decoder_inputs, initial_state, cell, loop_function=None, scope=None):
    """Run ``cell`` over ``decoder_inputs`` (a list of [batch, input_size] tensors) from ``initial_state``.

    With ``loop_function``, only the first input is read; input i is ``loop_function(output i-1, i)``
    (built under the scope ``loop_function`` with reuse). Variables live in ``scope`` (default
    ``rnn_decoder``), shared across steps.

    Returns:
        ``(outputs, state)``: a list of [batch, cell.output_size] tensors, one per input, and the
        final state.
    """
    with _v1.variable_scope(scope or "rnn_decoder"):
        state, outputs, previous = initial_state, [], None
        for step, step_input in enumerate(decoder_inputs):
            if loop_function is not None and previous is not None:
                with _v1.variable_scope("loop_function", reuse=True):
                    step_input = loop_function(previous, step)
            if step > 0:
                _v1.get_variable_scope().reuse_variables()
            output, state = cell(step_input, state)
            outputs.append(output)
            if loop_function is not None:
                previous = output
    return outputs, state


def check_output_projection(output_projection, num_symbols, dtype):
    """Raise ValueError unless ``output_projection`` is ``(W [?, num_symbols], B [num_symbols])``."""
    weights = _v1.convert_to_tensor(output_projection[0], dtype=dtype)
    weights.get_shape().assert_is_compatible_with([None, num_symbols])
    biases = _v1.convert_to_tensor(output_projection[1], dtype=dtype)
    biases.get_shape().assert_is_compatible_with([num_symbols])


def embedding_rnn_decoder(decoder_inputs, initial_state, cell, num_symbols, embedding_size,
                          output_projection=None, feed_previous=False, update_embedding_for_previous=True,
                          scope=None):
    """``rnn_decoder`` on embedded int ids, with an ``embedding`` [num_symbols, embedding_size] variable.

    ``feed_previous=True`` decodes greedily: after the first ("GO") input each input is the embedding
    of the argmax of the previous output (projected by ``output_projection=(W, B)`` if given).
    Variables live under ``scope`` (default ``embedding_rnn_decoder``): ``embedding`` and
    ``rnn_decoder/<cell>``.

    Raises:
        ValueError: ``output_projection`` does not end in ``num_symbols``.
    """
    with _v1.variable_scope(scope or "embedding_rnn_decoder") as variable_scope:
        if output_projection is not None:
            check_output_projection(output_projection, num_symbols, variable_scope.dtype)
        embedding = _v1.get_variable("embedding", [num_symbols, embedding_size])
        loop_function = (extract_argmax_and_embed(embedding, output_projection, update_embedding_for_previous)
                         if feed_previous else None)
        embedded = [_v1.nn.embedding_lookup(embedding, ids) for ids in decoder_inputs]
        return rnn_decoder(embedded, initial_state, cell, loop_function=loop_function)
