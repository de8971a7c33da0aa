"""One beam-search step as TF 1.15 scored it: log-probs, length and coverage penalties, top-k, gathers."""
import collections

import numpy as np
import tensorflow

from tf1compat.shims.contrib.seq2seq.attention_wrapper import AttentionWrapperState
from tf1compat.shims.contrib.seq2seq.structure import static_value

_v1 = tensorflow.compat.v1
nest = tensorflow.nest


class BeamSearchDecoderState(collections.namedtuple(
        "BeamSearchDecoderState", ("cell_state", "log_probs", "finished", "lengths", "accumulated_attention_probs"))):
    """The loop state of a ``BeamSearchDecoder``; every field is [batch_size, beam_width, ...]."""


class BeamSearchDecoderOutput(collections.namedtuple(
        "BeamSearchDecoderOutput", ("scores", "predicted_ids", "parent_ids"))):
    """One step's beams: their scores, the ids chosen and the beams they extend."""


def _mean_over_last(probabilities):
    return _v1.reduce_mean(_v1.concat([_v1.expand_dims(p, -1) for p in probabilities], -1), -1)


def _alignments(state):
    alignments = state.alignments
    return _mean_over_last(alignments) if isinstance(alignments, tuple) else alignments


def attention_probs(cell_state, coverage_penalty_weight):
    """The (averaged) alignments of the attentional cells in ``cell_state``, or None without coverage."""
    if coverage_penalty_weight == 0.0:
        return None
    per_layer = []
    if isinstance(cell_state, AttentionWrapperState):
        per_layer = [_alignments(cell_state)]
    elif isinstance(cell_state, tuple):
        per_layer = [_alignments(state) for state in cell_state if isinstance(state, AttentionWrapperState)]
    if not per_layer:
        raise ValueError("coverage_penalty_weight must be 0.0 if no cell is attentional.")
    return per_layer[0] if len(per_layer) == 1 else _mean_over_last(per_layer)


def length_penalty(sequence_lengths, penalty_factor):
    """GNMT's length penalty ((5 + length) / 6) ** penalty_factor; exactly 1.0 when the factor is 0."""
    penalty_factor = _v1.convert_to_tensor(penalty_factor, name="penalty_factor")
    penalty_factor.set_shape(())
    constant = static_value(penalty_factor)
    if constant is not None and constant == 0:
        return 1.0
    return _v1.div((5. + _v1.cast(sequence_lengths, _v1.float32)) ** penalty_factor, (5. + 1.) ** penalty_factor)


def _coverage_penalty(accumulated, finished, weight):
    # Unattended source positions (accumulated 0) are padding: they do not count.
    accumulated = _v1.where(_v1.equal(accumulated, 0.0), _v1.ones_like(accumulated), accumulated)
    penalty = _v1.reduce_sum(_v1.log(_v1.minimum(accumulated, 1.0)), 2)
    penalty *= _v1.cast(finished, _v1.float32)
    return _v1.expand_dims(penalty * weight, 2)


def scores(log_probs, sequence_lengths, length_penalty_weight, coverage_penalty_weight, finished=None,
           accumulated_attention_probs=None):
    """Beam scores: log_probs / length penalty, plus the weighted coverage penalty of finished beams."""
    penalty = _v1.cast(length_penalty(sequence_lengths, length_penalty_weight), dtype=log_probs.dtype)
    result = log_probs / penalty
    weight = _v1.convert_to_tensor(coverage_penalty_weight, name="coverage_penalty_weight")
    if weight.shape.ndims != 0:
        raise ValueError("coverage_penalty_weight should be a scalar, but saw shape: %s" % weight.shape)
    if static_value(weight) == 0.0:
        return result
    if accumulated_attention_probs is None:
        raise ValueError("accumulated_attention_probs can be None only if coverage penalty is disabled.")
    return result + _coverage_penalty(accumulated_attention_probs, finished, weight)


def mask_finished(log_probs, end_token, finished):
    """Finished beams may only emit ``end_token``, at no cost (log-prob 0; dtype.min elsewhere)."""
    vocab_size = _v1.shape(log_probs)[2]
    finished_row = _v1.one_hot(end_token, vocab_size, dtype=log_probs.dtype,
                               on_value=_v1.constant(0., dtype=log_probs.dtype), off_value=log_probs.dtype.min)
    finished_probs = _v1.tile(_v1.reshape(finished_row, [1, 1, -1]), _v1.concat([_v1.shape(finished), [1]], 0))
    finished_mask = _v1.tile(_v1.expand_dims(finished, 2), [1, 1, vocab_size])
    return _v1.where(finished_mask, finished_probs, log_probs)


def gather_beams(indices, source, batch_size, range_size, gather_shape, name=None):
    """Row ``indices[b, k]`` of ``source``'s batch entry b, for each (b, k), keeping trailing axes."""
    with _v1.name_scope(name, "tensor_gather_helper"):
        offsets = _v1.expand_dims(_v1.range(batch_size) * range_size, 1)
        flat_indices = _v1.reshape(indices + offsets, [-1])
        output = _v1.gather(_v1.reshape(source, gather_shape), flat_indices)
        final_shape = _v1.shape(source)[:1 + len(gather_shape)]
        static_shape = _v1.TensorShape([static_value(batch_size)]).concatenate(source.shape[1:1 + len(gather_shape)])
        output = _v1.reshape(output, final_shape, name="output")
        output.set_shape(static_shape)
        return output


def maybe_gather_beams(indices, source, batch_size, range_size, gather_shape):
    """``gather_beams`` for tensors of enough rank; TensorArrays and lower ranks pass through."""
    if isinstance(source, _v1.TensorArray):
        return source
    if source.shape.ndims is None:
        raise ValueError("Expected tensor (%s) to have known rank, but ndims == None." % source)
    if source.shape.ndims >= len(gather_shape):
        return gather_beams(indices, source, batch_size, range_size, gather_shape)
    return source


def _continuation_lengths(lengths, not_finished, end_token, batch_size, beam_width, vocab_size):
    to_add = _v1.one_hot(_v1.fill([batch_size, beam_width], end_token), depth=vocab_size,
                         on_value=np.int64(0), off_value=np.int64(1), dtype=_v1.int64)
    to_add *= _v1.expand_dims(_v1.cast(not_finished, _v1.int64), 2)
    return to_add + _v1.expand_dims(lengths, 2)


def _follow_parents(parent_ids, beam_state, cell_state, accumulated, batch_size, beam_width):
    """The state of each new beam taken from its parent; ``finished`` is the parent's, lengths + 1 if live."""
    parent_finished = gather_beams(parent_ids, beam_state.finished, batch_size, beam_width, [-1])
    lengths = gather_beams(parent_ids, beam_state.lengths, batch_size, beam_width, [-1])
    lengths += _v1.cast(_v1.logical_not(parent_finished), _v1.int64)
    state_shape = [batch_size * beam_width, -1]
    if accumulated is not None:
        accumulated = gather_beams(parent_ids, accumulated, batch_size, beam_width, state_shape,
                                   name="next_accumulated_attention_probs")
    cell_state = nest.map_structure(
        lambda source: maybe_gather_beams(parent_ids, source, batch_size, beam_width, state_shape), cell_state)
    return BeamSearchDecoderState(cell_state=cell_state, log_probs=None, finished=parent_finished, lengths=lengths,
                                  accumulated_attention_probs=() if accumulated is None else accumulated)


def beam_search_step(time, logits, next_cell_state, beam_state, batch_size, beam_width, end_token,
                     length_penalty_weight, coverage_penalty_weight):
    """Extend every beam by every id, keep the ``beam_width`` best per batch entry.

    Returns ``(BeamSearchDecoderOutput, BeamSearchDecoderState)`` for the step.
    """
    static_batch = static_value(batch_size)
    previously_finished = beam_state.finished
    not_finished = _v1.logical_not(previously_finished)
    step_log_probs = mask_finished(_v1.nn.log_softmax(logits), end_token, previously_finished)
    total_probs = _v1.expand_dims(beam_state.log_probs, 2) + step_log_probs
    vocab_size = tensorflow.compat.dimension_value(logits.shape[-1]) or _v1.shape(logits)[-1]
    new_lengths = _continuation_lengths(beam_state.lengths, not_finished, end_token, batch_size, beam_width,
                                        vocab_size)
    accumulated = None
    probs = attention_probs(next_cell_state, coverage_penalty_weight)
    if probs is not None:
        probs *= _v1.expand_dims(_v1.cast(not_finished, probs.dtype), 2)
        accumulated = beam_state.accumulated_attention_probs + probs
    beam_scores = scores(total_probs, new_lengths, length_penalty_weight, coverage_penalty_weight,
                         previously_finished, accumulated)
    flat_scores = _v1.reshape(beam_scores, [batch_size, -1])
    next_scores, word_indices = _v1.nn.top_k(flat_scores, k=_v1.convert_to_tensor(beam_width, name="beam_width"))
    next_scores.set_shape([static_batch, beam_width])
    word_indices.set_shape([static_batch, beam_width])
    next_log_probs = gather_beams(word_indices, total_probs, batch_size, beam_width * vocab_size, [-1],
                                  name="next_beam_probs")
    next_word_ids = _v1.cast(_v1.mod(word_indices, vocab_size, name="next_beam_word_ids"), _v1.int32)
    next_beam_ids = _v1.cast(word_indices / vocab_size, _v1.int32, name="next_beam_parent_ids")
    next_state = _follow_parents(next_beam_ids, beam_state, next_cell_state, accumulated, batch_size, beam_width)
    next_state = next_state._replace(log_probs=next_log_probs, finished=_v1.logical_or(
        next_state.finished, _v1.equal(next_word_ids, end_token), name="next_beam_finished"))
    output = BeamSearchDecoderOutput(scores=next_scores, predicted_ids=next_word_ids, parent_ids=next_beam_ids)
    return output, next_state
