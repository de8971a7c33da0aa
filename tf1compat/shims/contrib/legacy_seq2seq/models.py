"""legacy_seq2seq's full encoder-decoder models, with TF 1.15's scopes (so TF1 checkpoints load)."""
import copy

import tensorflow

from tf1compat.shims.contrib.legacy_seq2seq.attention import embedding_attention_decoder
from tf1compat.shims.contrib.legacy_seq2seq.decoders import (check_output_projection, embedding_rnn_decoder,
                                                              extract_argmax_and_embed, rnn_decoder)
from tf1compat.shims.contrib.legacy_seq2seq.feed_previous import decode_either_way
from tf1compat.shims.contrib.rnn import OutputProjectionWrapper
from tf1compat.shims.contrib.rnn_cells.wrappers import EmbeddingWrapper

_v1 = tensorflow.compat.v1


def basic_rnn_seq2seq(encoder_inputs, decoder_inputs, cell, dtype=tensorflow.float32, scope=None):
    """Encode with a copy of ``cell`` (``static_rnn``), decode with ``cell`` from the encoder's final state.

    Variables: ``<scope>/rnn/<cell>`` and ``<scope>/rnn_decoder/<cell>`` (scope ``basic_rnn_seq2seq``).
    """
    with _v1.variable_scope(scope or "basic_rnn_seq2seq"):
        _, encoder_state = _v1.nn.static_rnn(copy.deepcopy(cell), encoder_inputs, dtype=dtype)
        return rnn_decoder(decoder_inputs, encoder_state, cell)


def tied_rnn_seq2seq(encoder_inputs, decoder_inputs, cell, loop_function=None, dtype=tensorflow.float32,
                     scope=None):
    """``basic_rnn_seq2seq`` with one set of weights for encoder and decoder.

    Variables: ``combined_tied_rnn_seq2seq/<scope>/<cell>`` (scope ``tied_rnn_seq2seq``).
    """
    with _v1.variable_scope("combined_tied_rnn_seq2seq"):
        scope = scope or "tied_rnn_seq2seq"
        _, encoder_state = _v1.nn.static_rnn(cell, encoder_inputs, dtype=dtype, scope=scope)
        _v1.get_variable_scope().reuse_variables()
        return rnn_decoder(decoder_inputs, encoder_state, cell, loop_function=loop_function, scope=scope)


def _embedding_encoder(cell, num_symbols, embedding_size, encoder_inputs, dtype):
    wrapped = EmbeddingWrapper(cell, embedding_classes=num_symbols, embedding_size=embedding_size)
    return _v1.nn.static_rnn(wrapped, encoder_inputs, dtype=dtype)


def embedding_rnn_seq2seq(encoder_inputs, decoder_inputs, cell, num_encoder_symbols, num_decoder_symbols,
                          embedding_size, output_projection=None, feed_previous=False, dtype=None, scope=None):
    """Embedded-id encoder (a copy of ``cell``) and ``embedding_rnn_decoder``; ``feed_previous`` bool or tensor.

    Without ``output_projection`` the decoder cell gets an ``OutputProjectionWrapper`` to
    ``num_decoder_symbols``. Variables under ``embedding_rnn_seq2seq``: ``rnn/embedding_wrapper/...``
    and ``embedding_rnn_decoder/...``.
    """
    with _v1.variable_scope(scope or "embedding_rnn_seq2seq") as variable_scope:
        if dtype is not None:
            variable_scope.set_dtype(dtype)
        dtype = variable_scope.dtype
        _, encoder_state = _embedding_encoder(copy.deepcopy(cell), num_encoder_symbols, embedding_size,
                                              encoder_inputs, dtype)
        if output_projection is None:
            cell = OutputProjectionWrapper(cell, num_decoder_symbols)

        def decode(feed, update_embedding=True):
            return embedding_rnn_decoder(decoder_inputs, encoder_state, cell, num_decoder_symbols,
                                         embedding_size, output_projection=output_projection,
                                         feed_previous=feed, update_embedding_for_previous=update_embedding)

        if isinstance(feed_previous, bool):
            return decode(feed_previous)
        return decode_either_way(feed_previous, lambda feed: decode(feed, update_embedding=False),
                                 len(decoder_inputs), encoder_state)


def _static_batch_size(encoder_inputs):
    # As TF 1.15: the first input's static batch size (the others must be compatible), else dynamic.
    size = encoder_inputs[0].get_shape()[0]
    for tensor in encoder_inputs[1:]:
        tensorflow.compat.dimension_at_index(tensor.get_shape(), 0).merge_with(size)
    size = tensorflow.compat.dimension_value(size)
    return _v1.shape(encoder_inputs[0])[0] if size is None else size


def embedding_tied_rnn_seq2seq(encoder_inputs, decoder_inputs, cell, num_symbols, embedding_size,
                               num_decoder_symbols=None, output_projection=None, feed_previous=False,
                               dtype=None, scope=None):
    """``tied_rnn_seq2seq`` on ids embedded by one shared ``embedding`` [num_symbols, embedding_size].

    Outputs cover ``num_decoder_symbols`` (default ``num_symbols``) symbols. Variables under
    ``embedding_tied_rnn_seq2seq``: ``embedding`` and ``combined_tied_rnn_seq2seq/tied_rnn_seq2seq/...``.

    Raises:
        ValueError: ``output_projection`` does not end in ``num_symbols``.
    """
    with _v1.variable_scope(scope or "embedding_tied_rnn_seq2seq", dtype=dtype) as variable_scope:
        dtype = variable_scope.dtype
        if output_projection is not None:
            check_output_projection(output_projection, num_symbols, dtype)
        embedding = _v1.get_variable("embedding", [num_symbols, embedding_size], dtype=dtype)
        embedded_encoder = [_v1.nn.embedding_lookup(embedding, ids) for ids in encoder_inputs]
        embedded_decoder = [_v1.nn.embedding_lookup(embedding, ids) for ids in decoder_inputs]
        if output_projection is None:
            cell = OutputProjectionWrapper(cell, num_decoder_symbols or num_symbols)

        def decode(feed, update_embedding=True):
            loop_function = extract_argmax_and_embed(embedding, output_projection, update_embedding) if feed else None
            return tied_rnn_seq2seq(embedded_encoder, embedded_decoder, cell, loop_function=loop_function,
                                    dtype=dtype)

        if isinstance(feed_previous, bool):
            return decode(feed_previous)
        zero_state = cell.zero_state(_static_batch_size(encoder_inputs), dtype)
        return decode_either_way(feed_previous, lambda feed: decode(feed, update_embedding=False),
                                 len(decoder_inputs), zero_state)


def _attention_states(encoder_outputs, width):
    return _v1.concat([_v1.reshape(output, [-1, 1, width]) for output in encoder_outputs], 1)


def embedding_attention_seq2seq(encoder_inputs, decoder_inputs, cell, num_encoder_symbols, num_decoder_symbols,
                                embedding_size, encoder_cell=None, num_heads=1, output_projection=None,
                                feed_previous=False, dtype=None, scope=None, initial_state_attention=False):
    """Embedded-id encoder whose outputs the ``embedding_attention_decoder`` attends to (the translate model).

    The encoder runs ``encoder_cell`` (default: a copy of ``cell``). Without ``output_projection`` the
    decoder cell gets an ``OutputProjectionWrapper`` to ``num_decoder_symbols`` and outputs have that
    size. Variables under ``embedding_attention_seq2seq``: ``rnn/embedding_wrapper/...`` and
    ``embedding_attention_decoder/{embedding, attention_decoder/...}``.
    """
    with _v1.variable_scope(scope or "embedding_attention_seq2seq", dtype=dtype) as variable_scope:
        dtype = variable_scope.dtype
        encoder_outputs, encoder_state = _embedding_encoder(
            copy.deepcopy(cell) if encoder_cell is None else encoder_cell, num_encoder_symbols, embedding_size,
            encoder_inputs, dtype)
        attention_states = _attention_states(encoder_outputs, cell.output_size)
        output_size = None
        if output_projection is None:
            cell = OutputProjectionWrapper(cell, num_decoder_symbols)
            output_size = num_decoder_symbols

        def decode(feed, update_embedding=True):
            return embedding_attention_decoder(
                decoder_inputs, encoder_state, attention_states, cell, num_decoder_symbols, embedding_size,
                num_heads=num_heads, output_size=output_size, output_projection=output_projection,
                feed_previous=feed, update_embedding_for_previous=update_embedding,
                initial_state_attention=initial_state_attention)

        if isinstance(feed_previous, bool):
            return decode(feed_previous)
        return decode_either_way(feed_previous, lambda feed: decode(feed, update_embedding=False),
                                 len(decoder_inputs), encoder_state)


def _check_one2many_cells(enc_cell, dec_cells_dict, decoder_inputs_dict):
    if not isinstance(enc_cell, _v1.nn.rnn_cell.RNNCell):
        raise TypeError(f"`one2many_rnn_seq2seq` enc_cell must be an RNNCell; got {type(enc_cell)}")
    if set(dec_cells_dict) != set(decoder_inputs_dict):
        raise ValueError("`one2many_rnn_seq2seq` dec_cells_dict and decoder_inputs_dict must have the same keys; "
                         f"got {sorted(dec_cells_dict)} and {sorted(decoder_inputs_dict)}")
    for dec_cell in dec_cells_dict.values():
        if not isinstance(dec_cell, _v1.nn.rnn_cell.RNNCell):
            raise TypeError(f"`one2many_rnn_seq2seq` each decoder cell must be an RNNCell; got {type(dec_cell)}")


def one2many_rnn_seq2seq(encoder_inputs, decoder_inputs_dict, enc_cell, dec_cells_dict, num_encoder_symbols,
                         num_decoder_symbols_dict, embedding_size, feed_previous=False, dtype=None, scope=None):
    """One embedded-id encoder, one ``embedding_rnn_decoder`` per name in ``decoder_inputs_dict`` (multi-task).

    Decoder ``name`` lives under ``one2many_rnn_seq2seq/one2many_decoder_<name>`` with an
    ``OutputProjectionWrapper`` to ``num_decoder_symbols_dict[name]``.

    Returns:
        ``(outputs_dict, state_dict)`` keyed by decoder name.

    Raises:
        TypeError: a cell is not an RNNCell. ValueError: the two dicts' keys differ.
    """
    _check_one2many_cells(enc_cell, dec_cells_dict, decoder_inputs_dict)
    outputs_dict, state_dict = {}, {}
    with _v1.variable_scope(scope or "one2many_rnn_seq2seq", dtype=dtype) as variable_scope:
        dtype = variable_scope.dtype
        _, encoder_state = _embedding_encoder(enc_cell, num_encoder_symbols, embedding_size, encoder_inputs, dtype)
        for name, decoder_inputs in decoder_inputs_dict.items():
            num_symbols = num_decoder_symbols_dict[name]
            with _v1.variable_scope(f"one2many_decoder_{name}"):
                dec_cell = OutputProjectionWrapper(dec_cells_dict[name], num_symbols)

                def decode(feed, inputs=decoder_inputs, cell=dec_cell, symbols=num_symbols):
                    return embedding_rnn_decoder(inputs, encoder_state, cell, symbols, embedding_size,
                                                 feed_previous=feed)

                if isinstance(feed_previous, bool):
                    outputs, state = decode(feed_previous)
                else:
                    outputs, state = decode_either_way(feed_previous, decode, len(decoder_inputs), encoder_state)
            outputs_dict[name], state_dict[name] = outputs, state
    return outputs_dict, state_dict
