"""legacy_seq2seq's attention decoders (Bahdanau-style attention over encoder states, TF 1.15 variable names)."""
import tensorflow

from tf1compat.shims.contrib.legacy_seq2seq.decoders import extract_argmax_and_embed
from tf1compat.shims.contrib.legacy_seq2seq.linear import linear

_v1 = tensorflow.compat.v1


class _AttentionReader:
    """The heads that read ``attention_states``: ``softmax(v . tanh(W h_j + U q + b))``-weighted sums of h_j."""

    def __init__(self, attention_states, num_heads):
        self.length = tensorflow.compat.dimension_value(attention_states.get_shape()[1])
        if self.length is None:
            self.length = _v1.shape(attention_states)[1]
        self.size = tensorflow.compat.dimension_value(attention_states.get_shape()[2])
        self.num_heads = num_heads
        # [batch, length, 1, size], so that W h_j for all j is one 1x1 convolution.
        self.hidden = _v1.reshape(attention_states, [-1, self.length, 1, self.size])
        self.features, self.vectors = [], []
        for head in range(num_heads):
            kernel = _v1.get_variable(f"AttnW_{head}", [1, 1, self.size, self.size])
            self.features.append(_v1.nn.conv2d(self.hidden, kernel, [1, 1, 1, 1], "SAME"))
            self.vectors.append(_v1.get_variable(f"AttnV_{head}", [self.size]))

    def zero_reads(self, batch_size, dtype):
        """The reads before the first step: zeros [batch, size] per head."""
        reads = [_v1.zeros(_v1.stack([batch_size, self.size]), dtype=dtype) for _ in range(self.num_heads)]
        for read in reads:
            read.set_shape([None, self.size])
        return reads

    def read(self, query):
        """One [batch, size] read per head for ``query`` (a state; nested states are concatenated)."""
        if tensorflow.nest.is_nested(query):
            parts = tensorflow.nest.flatten(query)
            for part in parts:
                if part.get_shape().ndims and part.get_shape().ndims != 2:
                    raise ValueError(f"`attention_decoder` query parts must be 2-D; got shape {part.get_shape()}")
            query = _v1.concat(parts, 1)
        reads = []
        for head in range(self.num_heads):
            with _v1.variable_scope(f"Attention_{head}"):
                projected = _v1.reshape(linear(query, self.size, True), [-1, 1, 1, self.size])
                scores = _v1.reduce_sum(self.vectors[head] * _v1.tanh(self.features[head] + projected), [2, 3])
                weights = _v1.nn.softmax(scores)
                context = _v1.reduce_sum(_v1.reshape(weights, [-1, self.length, 1, 1]) * self.hidden, [1, 2])
                reads.append(_v1.reshape(context, [-1, self.size]))
        return reads


def _check_attention_arguments(decoder_inputs, num_heads, attention_states):
    if not decoder_inputs:
        raise ValueError("`attention_decoder` decoder_inputs is empty; give at least one input tensor")
    if num_heads < 1:
        raise ValueError(f"`attention_decoder` num_heads must be >= 1 (got {num_heads}); "
                         "use rnn_decoder for a decoder without attention")
    if tensorflow.compat.dimension_value(attention_states.get_shape()[2]) is None:
        raise ValueError(f"`attention_decoder` needs shape[2] of attention_states; got {attention_states.get_shape()}")


def _input_width(step_input):
    width = tensorflow.compat.dimension_value(step_input.get_shape().with_rank(2)[1])
    if width is None:
        raise ValueError(f"`attention_decoder` could not infer the input size from {step_input.name}")
    return width


def attention_decoder(decoder_inputs, initial_state, attention_states, cell, output_size=None, num_heads=1,
                      loop_function=None, dtype=None, scope=None, initial_state_attention=False):
    """RNN decoder that reads ``attention_states`` [batch, length, size] through ``num_heads`` heads.

    Step i: ``x = linear([input_i] + reads)``; ``cell_output, state = cell(x, state)``; new reads
    from ``state``; ``output_i = linear([cell_output] + reads)`` (scope ``AttnOutputProjection``).
    Reads start at zero, or from ``initial_state`` if ``initial_state_attention``. Variables under
    ``scope`` (default ``attention_decoder``): ``AttnW_<h>``, ``AttnV_<h>``, ``kernel``/``bias``
    (input merge), the cell's, ``Attention_<h>/kernel|bias``, ``AttnOutputProjection/kernel|bias``.

    Returns:
        ``(outputs, state)``: a list of [batch, output_size] tensors and the final cell state.

    Raises:
        ValueError: no inputs, ``num_heads < 1``, or an unknown attention or input size.
    """
    _check_attention_arguments(decoder_inputs, num_heads, attention_states)
    output_size = cell.output_size if output_size is None else output_size
    with _v1.variable_scope(scope or "attention_decoder", dtype=dtype) as variable_scope:
        reader = _AttentionReader(attention_states, num_heads)
        reads = (reader.read(initial_state) if initial_state_attention
                 else reader.zero_reads(_v1.shape(decoder_inputs[0])[0], variable_scope.dtype))
        state, outputs, previous = initial_state, [], None
        for step, step_input in enumerate(decoder_inputs):
            if step > 0:
                _v1.get_variable_scope().reuse_variables()
            if loop_function is not None and previous is not None:
                with _v1.variable_scope("loop_function", reuse=True):
                    step_input = loop_function(previous, step)
            merged = linear([step_input] + reads, _input_width(step_input), True)
            cell_output, state = cell(merged, state)
            if step == 0 and initial_state_attention:
                with _v1.variable_scope(_v1.get_variable_scope(), reuse=True):
                    reads = reader.read(state)
            else:
                reads = reader.read(state)
            with _v1.variable_scope("AttnOutputProjection"):
                output = linear([cell_output] + reads, output_size, True)
            if loop_function is not None:
                previous = output
            outputs.append(output)
    return outputs, state


def embedding_attention_decoder(decoder_inputs, initial_state, attention_states, cell, num_symbols,
                                embedding_size, num_heads=1, output_size=None, output_projection=None,
                                feed_previous=False, update_embedding_for_previous=True, dtype=None,
                                scope=None, initial_state_attention=False):
    """``attention_decoder`` on embedded int ids (``embedding`` [num_symbols, embedding_size]).

    ``feed_previous=True`` decodes greedily (see ``embedding_rnn_decoder``). Variables under
    ``scope`` (default ``embedding_attention_decoder``): ``embedding`` and ``attention_decoder/...``.

    Raises:
        ValueError: ``output_projection``'s bias is not [num_symbols].
    """
    output_size = cell.output_size if output_size is None else output_size
    if output_projection is not None:
        biases = _v1.convert_to_tensor(output_projection[1], dtype=dtype)
        biases.get_shape().assert_is_compatible_with([num_symbols])
    with _v1.variable_scope(scope or "embedding_attention_decoder", dtype=dtype):
        embedding = _v1.get_variable("embedding", [num_symbols, embedding_size])
        loop_function = (extract_argmax_and_embed(embedding, output_projection, update_embedding_for_previous)
                         if feed_previous else None)
        embedded = [_v1.nn.embedding_lookup(embedding, ids) for ids in decoder_inputs]
        return attention_decoder(embedded, initial_state, attention_states, cell, output_size=output_size,
                                 num_heads=num_heads, loop_function=loop_function,
                                 initial_state_attention=initial_state_attention)
