"""``BeamSearchDecoder``: beam search over an RNN cell for ``dynamic_decode`` (TF 1.15 semantics)."""
import collections

import numpy as np
import tensorflow

from tf1compat.shims.contrib.seq2seq.beam_search_step import (BeamSearchDecoderOutput, BeamSearchDecoderState,
                                                             attention_probs, beam_search_step)
from tf1compat.shims.contrib.seq2seq.beam_tree import gather_tree, gather_tree_from_array
from tf1compat.shims.contrib.seq2seq.decoder import Decoder
from tf1compat.shims.contrib.seq2seq.structure import (check_cell, check_layer, embedding_function,
                                                       layer_output_size, static_value)

_v1 = tensorflow.compat.v1
nest = tensorflow.nest


class FinalBeamSearchDecoderOutput(collections.namedtuple(
        "FinalBeamDecoderOutput", ["predicted_ids", "beam_search_decoder_output"])):
    """The result of a beam search: the backtracked ``predicted_ids`` and the raw per-step outputs."""


def _check_ndims(tensor):
    if tensor.shape.ndims is None:
        raise ValueError("Expected tensor (%s) to have known rank, but ndims == None." % tensor)


def _as_shape(size):
    # A state size may be a tensor, e.g. an attention's alignments_size when the memory length is dynamic.
    if isinstance(size, tensorflow.Tensor):
        value = static_value(size)
        if size.shape.ndims == 0:
            return _v1.TensorShape([None if value is None else int(value)])
        return _v1.TensorShape(None if value is None else value.tolist())
    return _v1.TensorShape(size)


class BeamSearchDecoder(Decoder):
    """Beam search decoder; ``initial_state`` and the attention memory must be tiled by ``tile_batch``."""

    def __init__(self, cell, embedding, start_tokens, end_token, initial_state, beam_width, output_layer=None,
                 length_penalty_weight=0.0, coverage_penalty_weight=0.0, reorder_tensor_arrays=True):
        check_cell("cell", cell)
        check_layer("output_layer", output_layer)
        self._cell = cell
        self._output_layer = output_layer
        self._reorder_tensor_arrays = reorder_tensor_arrays
        self._embedding_fn = embedding_function(embedding)
        self._start_tokens = _v1.convert_to_tensor(start_tokens, dtype=_v1.int32, name="start_tokens")
        if self._start_tokens.get_shape().ndims != 1:
            raise ValueError("start_tokens must be a vector")
        self._end_token = _v1.convert_to_tensor(end_token, dtype=_v1.int32, name="end_token")
        if self._end_token.get_shape().ndims != 0:
            raise ValueError("end_token must be a scalar")
        self._batch_size = _v1.size(start_tokens)
        self._beam_width = beam_width
        self._length_penalty_weight = length_penalty_weight
        self._coverage_penalty_weight = coverage_penalty_weight
        self._initial_cell_state = nest.map_structure(self._maybe_split_batch_beams, initial_state,
                                                      self._cell.state_size)
        self._start_tokens = _v1.tile(_v1.expand_dims(self._start_tokens, 1), [1, self._beam_width])
        self._start_inputs = self._embedding_fn(self._start_tokens)
        # Only beam 0 is live at the start: the others are finished (and score -inf).
        self._finished = _v1.one_hot(_v1.zeros([self._batch_size], dtype=_v1.int32), depth=self._beam_width,
                                     on_value=False, off_value=True, dtype=_v1.bool)

    @property
    def batch_size(self):
        return self._batch_size

    @property
    def tracks_own_finished(self):
        return True

    def _rnn_output_size(self):
        return layer_output_size(self._output_layer, self._cell.output_size)

    @property
    def output_size(self):
        beams = _v1.TensorShape([self._beam_width])
        return BeamSearchDecoderOutput(scores=beams, predicted_ids=beams, parent_ids=beams)

    @property
    def output_dtype(self):
        dtype = nest.flatten(self._initial_cell_state)[0].dtype
        return BeamSearchDecoderOutput(scores=nest.map_structure(lambda _: dtype, self._rnn_output_size()),
                                       predicted_ids=_v1.int32, parent_ids=_v1.int32)

    def initialize(self, name=None):
        """Returns ``(finished, start_inputs, initial_state)``."""
        dtype = nest.flatten(self._initial_cell_state)[0].dtype
        log_probs = _v1.one_hot(_v1.zeros([self._batch_size], dtype=_v1.int32), depth=self._beam_width,
                                on_value=_v1.constant(0.0, dtype=dtype),
                                off_value=_v1.constant(-np.inf, dtype=dtype), dtype=dtype)
        initial_probs = attention_probs(self._initial_cell_state, self._coverage_penalty_weight)
        state = BeamSearchDecoderState(
            cell_state=self._initial_cell_state, log_probs=log_probs, finished=self._finished,
            lengths=_v1.zeros([self._batch_size, self._beam_width], dtype=_v1.int64),
            accumulated_attention_probs=() if initial_probs is None else initial_probs)
        return self._finished, self._start_inputs, state

    def finalize(self, outputs, final_state, sequence_lengths):
        """Backtrack the beams into ``FinalBeamSearchDecoderOutput.predicted_ids`` [time, batch, beam]."""
        del sequence_lengths  # the beams' own lengths are in the final state
        longest = _v1.cast(_v1.reduce_max(final_state.lengths, axis=1), _v1.int32)
        predicted_ids = gather_tree(outputs.predicted_ids, outputs.parent_ids, max_sequence_lengths=longest,
                                    end_token=self._end_token)
        if self._reorder_tensor_arrays:
            final_state = final_state._replace(cell_state=nest.map_structure(
                lambda t: self._maybe_sort_array_beams(t, outputs.parent_ids, final_state.lengths),
                final_state.cell_state))
        return FinalBeamSearchDecoderOutput(beam_search_decoder_output=outputs, predicted_ids=predicted_ids), final_state

    def _merge_batch_beams(self, t, s=None):
        """[batch_size, beam_width, s] -> [batch_size * beam_width, s]."""
        s = _as_shape(s)
        static_batch = static_value(self._batch_size)
        merged = _v1.reshape(t, _v1.concat(([self._batch_size * self._beam_width], _v1.shape(t)[2:]), 0))
        merged.set_shape(_v1.TensorShape([None if static_batch is None else static_batch * self._beam_width])
                         .concatenate(s))
        return merged

    def _split_batch_beams(self, t, s=None):
        """[batch_size * beam_width, s] -> [batch_size, beam_width, s]."""
        s = _as_shape(s)
        split = _v1.reshape(t, _v1.concat(([self._batch_size, self._beam_width], _v1.shape(t)[1:]), 0))
        expected = _v1.TensorShape([static_value(self._batch_size), self._beam_width]).concatenate(s)
        if not split.shape.is_compatible_with(expected):
            raise ValueError("Unexpected behavior when reshaping between beam width and batch size.  The reshaped "
                             "tensor has shape: %s.  We expected it to have shape (batch_size, beam_width, depth) "
                             "== %s.  Perhaps you forgot to create a zero_state with "
                             "batch_size=encoder_batch_size * beam_width?" % (split.shape, expected))
        split.set_shape(expected)
        return split

    def _maybe_split_batch_beams(self, t, s):
        if isinstance(t, _v1.TensorArray):
            return t
        _check_ndims(t)
        return self._split_batch_beams(t, s) if t.shape.ndims >= 1 else t

    def _maybe_merge_batch_beams(self, t, s):
        if isinstance(t, _v1.TensorArray):
            return t
        _check_ndims(t)
        return self._merge_batch_beams(t, s) if t.shape.ndims >= 2 else t

    def _maybe_sort_array_beams(self, t, parent_ids, sequence_length):
        """A TensorArray state (e.g. alignment_history), stacked and put in the final beams' order."""
        if not isinstance(t, _v1.TensorArray):
            return t
        if t.element_shape.ndims is None or t.element_shape.ndims < 1:
            _v1.logging.warn("The TensorArray %s in the cell state is not amenable to sorting based on the "
                             "beam search result. For a TensorArray to be sorted, its elements shape must be "
                             "defined and have at least a rank of 1, but saw shape: %s" % (t.handle.name,
                                                                                          t.element_shape))
            return t
        return gather_tree_from_array(t.stack(), parent_ids, sequence_length)

    def step(self, time, inputs, state, name=None):
        """Returns ``(outputs, next_state, next_inputs, finished)``."""
        with _v1.name_scope(name, "BeamSearchDecoderStep", (time, inputs, state)):
            inputs = nest.map_structure(lambda inp: self._merge_batch_beams(inp, s=inp.shape[2:]), inputs)
            cell_state = nest.map_structure(self._maybe_merge_batch_beams, state.cell_state, self._cell.state_size)
            cell_outputs, next_cell_state = self._cell(inputs, cell_state)
            cell_outputs = nest.map_structure(lambda out: self._split_batch_beams(out, out.shape[1:]), cell_outputs)
            next_cell_state = nest.map_structure(self._maybe_split_batch_beams, next_cell_state,
                                                 self._cell.state_size)
            if self._output_layer is not None:
                cell_outputs = self._output_layer(cell_outputs)
            output, next_state = beam_search_step(
                time=time, logits=cell_outputs, next_cell_state=next_cell_state, beam_state=state,
                batch_size=self._batch_size, beam_width=self._beam_width, end_token=self._end_token,
                length_penalty_weight=self._length_penalty_weight,
                coverage_penalty_weight=self._coverage_penalty_weight)
            finished = next_state.finished
            next_inputs = _v1.cond(_v1.reduce_all(finished), lambda: self._start_inputs,
                                   lambda: self._embedding_fn(output.predicted_ids))
        return output, next_state, next_inputs, finished
