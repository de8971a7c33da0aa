"""``tf.contrib.crf`` for TF1 scripts: a linear-chain CRF with TF 1.15's names, arguments and semantics.

Sequences of length 1 take TF1's shortcut (no recurrence); sequences of length 0 score 0 and
have a log-normaliser of 0, so their log-likelihood is 0, as in TF 1.15.
"""
import numpy as np
import tensorflow

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks

_v1 = tensorflow.compat.v1
__all__ = ["crf_sequence_score", "crf_log_norm", "crf_log_likelihood", "crf_unary_score", "crf_binary_score",
           "CrfForwardRnnCell", "viterbi_decode", "crf_decode", "CrfDecodeForwardRnnCell",
           "CrfDecodeBackwardRnnCell", "crf_multitag_sequence_score"]


def _if_single_step(tensor, single, multi):
    """``single()`` when ``tensor`` (batch, time, ...) has one time step, else ``multi()``.

    Decided in Python when the time dimension is static, by a ``tf.cond`` otherwise (as TF1's smart_cond).
    """
    steps = _v1.dimension_value(tensor.get_shape()[1])
    if steps is not None:
        return single() if steps == 1 else multi()
    return _v1.cond(_v1.equal(_v1.shape(tensor)[1], 1), single, multi)


def _zero_where_empty(values, sequence_lengths):
    return _v1.where(_v1.less_equal(sequence_lengths, 0), _v1.zeros_like(values), values)


def _steps_after_first(sequence_lengths):
    return _v1.maximum(_v1.constant(0, dtype=sequence_lengths.dtype), sequence_lengths - 1)


def crf_sequence_score(inputs, tag_indices, sequence_lengths, transition_params):
    """Unnormalised score of each tag sequence: [batch_size] (unary plus transition scores)."""
    def single():
        batch_size = _v1.shape(inputs, out_type=tag_indices.dtype)[0]
        rows = _v1.reshape(_v1.range(batch_size, dtype=tag_indices.dtype), [-1, 1])
        scores = _v1.gather_nd(_v1.squeeze(inputs, [1]), _v1.concat([rows, tag_indices], axis=1))
        return _zero_where_empty(scores, sequence_lengths)

    def multi():
        return (crf_unary_score(tag_indices, sequence_lengths, inputs)
                + crf_binary_score(tag_indices, sequence_lengths, transition_params))

    return _if_single_step(inputs, single, multi)


def crf_multitag_sequence_score(inputs, tag_bitmap, sequence_lengths, transition_params):
    """Log-sum of the scores of every tag sequence allowed by ``tag_bitmap`` [batch, time, num_tags] (bool)."""
    filtered = _v1.where(tag_bitmap, inputs, _v1.fill(_v1.shape(inputs), float("-inf")))

    def single():
        return _v1.reduce_logsumexp(filtered, axis=[1, 2], keepdims=False)

    def multi():
        return crf_log_norm(filtered, sequence_lengths, transition_params)

    return _if_single_step(inputs, single, multi)


def crf_log_norm(inputs, sequence_lengths, transition_params):
    """Log partition function of each sequence: [batch_size], by the forward algorithm."""
    first_input = _v1.squeeze(_v1.slice(inputs, [0, 0, 0], [-1, 1, -1]), [1])

    def single():
        return _zero_where_empty(_v1.reduce_logsumexp(first_input, [1]), sequence_lengths)

    def multi():
        rest = _v1.slice(inputs, [0, 1, 0], [-1, -1, -1])
        _, alphas = _v1.nn.dynamic_rnn(cell=CrfForwardRnnCell(transition_params), inputs=rest,
                                       sequence_length=_steps_after_first(sequence_lengths),
                                       initial_state=first_input, dtype=_v1.float32)
        return _zero_where_empty(_v1.reduce_logsumexp(alphas, [1]), sequence_lengths)

    return _if_single_step(inputs, single, multi)


def crf_log_likelihood(inputs, tag_indices, sequence_lengths, transition_params=None):
    """``(log_likelihood [batch_size], transition_params)``.

    Without ``transition_params`` it creates the [num_tags, num_tags] variable ``transitions``
    with ``get_variable`` in the current variable scope (TF1's name, so TF1 checkpoints load).
    """
    num_tags = _v1.dimension_value(inputs.get_shape()[2])
    if transition_params is None:
        transition_params = _v1.get_variable("transitions", [num_tags, num_tags])
    sequence_scores = crf_sequence_score(inputs, tag_indices, sequence_lengths, transition_params)
    log_norm = crf_log_norm(inputs, sequence_lengths, transition_params)
    return sequence_scores - log_norm, transition_params


def _length_mask(sequence_lengths, tag_indices):
    return _v1.sequence_mask(sequence_lengths, maxlen=_v1.shape(tag_indices)[1], dtype=_v1.float32)


def crf_unary_score(tag_indices, sequence_lengths, inputs):
    """Sum over the valid time steps of the unary score of each step's tag: [batch_size]."""
    batch_size, max_seq_len, num_tags = (_v1.shape(inputs)[i] for i in range(3))
    offsets = (_v1.expand_dims(_v1.range(batch_size) * max_seq_len * num_tags, 1)
               + _v1.expand_dims(_v1.range(max_seq_len) * num_tags, 0))
    if tag_indices.dtype == _v1.int64:
        offsets = _v1.cast(offsets, _v1.int64)
    flat_indices = _v1.reshape(offsets + tag_indices, [-1])
    scores = _v1.reshape(_v1.gather(_v1.reshape(inputs, [-1]), flat_indices), [batch_size, max_seq_len])
    return _v1.reduce_sum(scores * _length_mask(sequence_lengths, tag_indices), 1)


def crf_binary_score(tag_indices, sequence_lengths, transition_params):
    """Sum of the transition scores between consecutive valid tags: [batch_size]."""
    num_tags = transition_params.get_shape()[0]
    num_transitions = _v1.shape(tag_indices)[1] - 1
    starts = _v1.slice(tag_indices, [0, 0], [-1, num_transitions])
    ends = _v1.slice(tag_indices, [0, 1], [-1, num_transitions])
    scores = _v1.gather(_v1.reshape(transition_params, [-1]), starts * num_tags + ends)
    mask = _v1.slice(_length_mask(sequence_lengths, tag_indices), [0, 1], [-1, -1])
    return _v1.reduce_sum(scores * mask, 1)


class _CrfCell(_v1.nn.rnn_cell.RNNCell):
    """A variable-free CRF recurrence step over [batch, num_tags] scores."""

    def __init__(self, transition_params):
        super().__init__()
        self._transition_params = _v1.expand_dims(transition_params, 0)
        self._num_tags = _v1.dimension_value(transition_params.get_shape()[0])

    @property
    def state_size(self):
        return self._num_tags

    @property
    def output_size(self):
        return self._num_tags


class CrfForwardRnnCell(_CrfCell):
    """One step of the forward algorithm: new alphas = inputs + logsumexp(alphas + transitions)."""

    def __call__(self, inputs, state, scope=None):
        scores = _v1.expand_dims(state, 2) + self._transition_params
        new_alphas = inputs + _v1.reduce_logsumexp(scores, [1])
        return new_alphas, new_alphas


class CrfDecodeForwardRnnCell(_CrfCell):
    """One Viterbi step: ``(backpointers int32 [B, O], new best scores [B, O])``."""

    def __call__(self, inputs, state, scope=None):
        scores = _v1.expand_dims(state, 2) + self._transition_params
        new_state = inputs + _v1.reduce_max(scores, [1])
        backpointers = _v1.cast(_v1.argmax(scores, 1), dtype=_v1.int32)
        return backpointers, new_state


class CrfDecodeBackwardRnnCell(_v1.nn.rnn_cell.RNNCell):
    """One backtracking step: follows the backpointers from the next position's tag ([B, 1] int32)."""

    def __init__(self, num_tags):
        super().__init__()
        self._num_tags = num_tags

    @property
    def state_size(self):
        return 1

    @property
    def output_size(self):
        return 1

    def __call__(self, inputs, state, scope=None):
        state = _v1.squeeze(state, axis=[1])
        rows = _v1.range(_v1.shape(inputs)[0])
        new_tags = _v1.expand_dims(_v1.gather_nd(inputs, _v1.stack([rows, state], axis=1)), axis=-1)
        return new_tags, new_tags


def viterbi_decode(score, transition_params):
    """NumPy Viterbi on one sequence: ``(tag list, best score)`` for score [seq_len, num_tags]."""
    trellis = np.zeros_like(score)
    backpointers = np.zeros_like(score, dtype=np.int32)
    trellis[0] = score[0]
    for t in range(1, score.shape[0]):
        candidates = np.expand_dims(trellis[t - 1], 1) + transition_params
        trellis[t] = score[t] + np.max(candidates, 0)
        backpointers[t] = np.argmax(candidates, 0)
    viterbi = [np.argmax(trellis[-1])]
    for pointers in reversed(backpointers[1:]):
        viterbi.append(pointers[viterbi[-1]])
    viterbi.reverse()
    return viterbi, np.max(trellis[-1])


def crf_decode(potentials, transition_params, sequence_length):
    """Best tag sequences in TensorFlow: ``(decode_tags int32 [B, T], best_score [B])``."""
    def single():
        squeezed = _v1.squeeze(potentials, [1])
        tags = _v1.expand_dims(_v1.argmax(squeezed, axis=1), 1)
        return _v1.cast(tags, dtype=_v1.int32), _v1.reduce_max(squeezed, axis=1)

    def multi():
        num_tags = _v1.dimension_value(potentials.get_shape()[2])
        first = _v1.squeeze(_v1.slice(potentials, [0, 0, 0], [-1, 1, -1]), axis=[1])
        rest = _v1.slice(potentials, [0, 1, 0], [-1, -1, -1])
        lengths_less_one = _steps_after_first(sequence_length)
        backpointers, last_score = _v1.nn.dynamic_rnn(
            CrfDecodeForwardRnnCell(transition_params), inputs=rest, sequence_length=lengths_less_one,
            initial_state=first, time_major=False, dtype=_v1.int32)
        backpointers = _v1.reverse_sequence(backpointers, lengths_less_one, seq_axis=1)
        last_tag = _v1.expand_dims(_v1.cast(_v1.argmax(last_score, axis=1), dtype=_v1.int32), axis=-1)
        tags, _ = _v1.nn.dynamic_rnn(CrfDecodeBackwardRnnCell(num_tags), inputs=backpointers,
                                     sequence_length=lengths_less_one, initial_state=last_tag,
                                     time_major=False, dtype=_v1.int32)
        tags = _v1.concat([last_tag, _v1.squeeze(tags, axis=[2])], axis=1)
        tags = _v1.reverse_sequence(tags, sequence_length, seq_axis=1)
        return tags, _v1.reduce_max(last_score, axis=1)

    return _if_single_step(potentials, single, multi)


__getattr__, __dir__ = contrib_module_hooks("contrib.crf", __name__, __all__)
