"""Monotonic attention (Raffel et al. 2017) of TF 1.15's seq2seq: the recurrence and its two mechanisms."""
import functools

import numpy as np
import tensorflow

from tf1compat.shims.contrib.seq2seq.attention_mechanism import _BaseAttentionMechanism, bahdanau_score, luong_score
from tf1compat.shims.contrib.seq2seq.structure import dimension

_v1 = tensorflow.compat.v1


def safe_cumprod(x, *args, **kwargs):
    """cumprod computed as exp(cumsum(log(clip(x, tiny, 1)))); ``args`` / ``kwargs`` go to cumsum."""
    with _v1.name_scope(None, "SafeCumprod", [x]):
        x = _v1.convert_to_tensor(x, name="x")
        tiny = np.finfo(x.dtype.as_numpy_dtype).tiny
        return _v1.exp(_v1.cumsum(_v1.log(_v1.clip_by_value(x, tiny, 1)), *args, **kwargs))


def _recursive(p_choose_i, previous_attention):
    # q[i] = (1 - p[i - 1]) q[i - 1] + previous[i]; attention[i] = p[i] q[i].
    batch_size = dimension(p_choose_i, 0)
    shifted = _v1.concat([_v1.ones((batch_size, 1)), 1 - p_choose_i[:, :-1]], 1)
    q = _v1.scan(lambda x, yz: _v1.reshape(yz[0] * x + yz[1], (batch_size,)),
                 [_v1.transpose(shifted), _v1.transpose(previous_attention)], _v1.zeros((batch_size,)))
    return p_choose_i * _v1.transpose(q)


def monotonic_attention(p_choose_i, previous_attention, mode):
    """The expected monotonic alignment given choosing probabilities and the previous alignment.

    ``mode`` is "recursive" (a scan), "parallel" (closed form with cumprod / cumsum) or "hard"
    (``p_choose_i`` and ``previous_attention`` are 0/1).

    Raises:
        ValueError: unknown ``mode``.
    """
    p_choose_i = _v1.convert_to_tensor(p_choose_i, name="p_choose_i")
    previous_attention = _v1.convert_to_tensor(previous_attention, name="previous_attention")
    if mode == "recursive":
        return _recursive(p_choose_i, previous_attention)
    if mode == "parallel":
        cumprod_1mp = safe_cumprod(1 - p_choose_i, axis=1, exclusive=True)
        return p_choose_i * cumprod_1mp * _v1.cumsum(
            previous_attention / _v1.clip_by_value(cumprod_1mp, 1e-10, 1.), axis=1)
    if mode == "hard":
        p_choose_i *= _v1.cumsum(previous_attention, axis=1)
        return p_choose_i * _v1.cumprod(1 - p_choose_i, axis=1, exclusive=True)
    raise ValueError("mode must be 'recursive', 'parallel', or 'hard'.")


def monotonic_probability_fn(score, previous_alignments, sigmoid_noise, mode, seed=None):
    """Alignments from scores: sigmoid(score + noise) choosing probabilities through ``monotonic_attention``."""
    if sigmoid_noise > 0:
        score += sigmoid_noise * _v1.random_normal(_v1.shape(score), dtype=score.dtype, seed=seed)
    if mode == "hard":
        p_choose_i = _v1.cast(score > 0, score.dtype)
    else:
        p_choose_i = _v1.sigmoid(score)
    return monotonic_attention(p_choose_i, previous_alignments, mode)


class _BaseMonotonicAttentionMechanism(_BaseAttentionMechanism):
    """Monotonic mechanisms start with all attention on the first memory entry."""

    def initial_alignments(self, batch_size, dtype):
        return _v1.one_hot(_v1.zeros((batch_size,), dtype=_v1.int32), self._alignments_size, dtype=dtype)


def _monotonic_probability(sigmoid_noise, seed, mode):
    return functools.partial(monotonic_probability_fn, sigmoid_noise=sigmoid_noise, mode=mode, seed=seed)


def _score_bias(score, dtype, initial_value):
    bias = _v1.get_variable("attention_score_bias", dtype=dtype, initializer=initial_value)
    return score + bias


class BahdanauMonotonicAttention(_BaseMonotonicAttentionMechanism):
    """Monotonic attention on Bahdanau's additive score plus a learned scalar ``attention_score_bias``."""

    def __init__(self, num_units, memory, memory_sequence_length=None, normalize=False, score_mask_value=None,
                 sigmoid_noise=0., sigmoid_noise_seed=None, score_bias_init=0., mode="parallel", dtype=None,
                 name="BahdanauMonotonicAttention"):
        self._normalize, self._score_bias_init = normalize, score_bias_init
        self._init_projected(num_units, memory, dtype, name, True, memory_sequence_length=memory_sequence_length,
                             probability_fn=_monotonic_probability(sigmoid_noise, sigmoid_noise_seed, mode),
                             score_mask_value=score_mask_value)

    def __call__(self, query, state):
        def biased_score(query):
            processed_query = self._processed(query)
            score = bahdanau_score(processed_query, self._keys, self._normalize)
            return _score_bias(score, processed_query.dtype, self._score_bias_init)
        return self._alignments(query, state, "bahdanau_monotonic_attention", biased_score)


class LuongMonotonicAttention(_BaseMonotonicAttentionMechanism):
    """Monotonic attention on Luong's multiplicative score plus a learned scalar ``attention_score_bias``."""

    def __init__(self, num_units, memory, memory_sequence_length=None, scale=False, score_mask_value=None,
                 sigmoid_noise=0., sigmoid_noise_seed=None, score_bias_init=0., mode="parallel", dtype=None,
                 name="LuongMonotonicAttention"):
        self._scale, self._score_bias_init = scale, score_bias_init
        self._init_projected(num_units, memory, dtype, name, False, memory_sequence_length=memory_sequence_length,
                             probability_fn=_monotonic_probability(sigmoid_noise, sigmoid_noise_seed, mode),
                             score_mask_value=score_mask_value)

    def __call__(self, query, state):
        return self._alignments(query, state, "luong_monotonic_attention", lambda q: _score_bias(
            luong_score(q, self._keys, self._scale), q.dtype, self._score_bias_init))
