"""Attention mechanisms of TF 1.15's seq2seq: the base class, Luong (multiplicative), Bahdanau (additive)."""
import math

import numpy as np
import tensorflow

from tf1compat.shims.contrib.seq2seq.structure import check_layer, dimension, zero_tensors

_v1 = tensorflow.compat.v1
nest = tensorflow.nest


class AttentionMechanism:
    """Marker base class of the attention mechanisms an ``AttentionWrapper`` accepts."""

    @property
    def alignments_size(self):
        raise NotImplementedError

    @property
    def state_size(self):
        raise NotImplementedError


def _mask_memory(memory, memory_sequence_length, check_inner_dims_defined):
    # Zero the memory rows past each sequence's length.
    memory = nest.map_structure(lambda m: _v1.convert_to_tensor(m, name="memory"), memory)
    if check_inner_dims_defined:
        for one in nest.flatten(memory):
            if not one.get_shape()[2:].is_fully_defined():
                raise ValueError("Expected memory %s to have fully defined inner dims, but saw shape: %s"
                                 % (one.name, one.get_shape()))
    if memory_sequence_length is None:
        return memory
    lengths = _v1.convert_to_tensor(memory_sequence_length, name="memory_sequence_length")
    first = nest.flatten(memory)[0]
    mask = _v1.sequence_mask(lengths, maxlen=_v1.shape(first)[1], dtype=first.dtype)

    def masked(one):
        check = _v1.assert_equal(dimension(lengths, 0), dimension(one, 0),
                                 message="memory_sequence_length and memory tensor batch sizes do not match.")
        with _v1.control_dependencies([check]):
            extra_ones = _v1.ones(_v1.rank(one) - 2, dtype=_v1.int32)
            return one * _v1.reshape(mask, _v1.concat((_v1.shape(mask), extra_ones), 0))

    return nest.map_structure(masked, memory)


def _mask_score(score, memory_sequence_length, score_mask_value):
    if memory_sequence_length is None:
        return score
    check = _v1.assert_positive(memory_sequence_length,
                                message="All values in memory_sequence_length must greater than zero.")
    with _v1.control_dependencies([check]):
        score_mask = _v1.sequence_mask(memory_sequence_length, maxlen=_v1.shape(score)[1])
        return _v1.where(score_mask, score, score_mask_value * _v1.ones_like(score))


class _BaseAttentionMechanism(AttentionMechanism):
    """Keeps the query and memory layers, the (masked) memory as ``values`` and its projection as ``keys``."""

    def __init__(self, query_layer, memory, probability_fn, memory_sequence_length=None, memory_layer=None,
                 check_inner_dims_defined=True, score_mask_value=None, custom_key_value_fn=None, name=None):
        check_layer("query_layer", query_layer)
        check_layer("memory_layer", memory_layer)
        self._query_layer = query_layer
        self._memory_layer = memory_layer
        self.dtype = memory_layer.dtype
        if not callable(probability_fn):
            raise TypeError("probability_fn must be callable, saw type: %s" % type(probability_fn).__name__)
        if score_mask_value is None:
            score_mask_value = _v1.as_dtype(self._memory_layer.dtype).as_numpy_dtype(-np.inf)
        self._probability_fn = lambda score, prev: probability_fn(
            _mask_score(score, memory_sequence_length, score_mask_value), prev)
        with _v1.name_scope(name, "BaseAttentionMechanismInit", nest.flatten(memory)):
            self._values = _mask_memory(memory, memory_sequence_length, check_inner_dims_defined)
            self._keys = self.memory_layer(self._values) if self.memory_layer else self._values
            if custom_key_value_fn is not None:
                self._keys, self._values = custom_key_value_fn(self._keys, self._values)
            self._batch_size = dimension(self._keys, 0)
            self._alignments_size = dimension(self._keys, 1)

    memory_layer = property(lambda self: self._memory_layer)
    query_layer = property(lambda self: self._query_layer)
    values = property(lambda self: self._values)
    keys = property(lambda self: self._keys)
    batch_size = property(lambda self: self._batch_size)
    alignments_size = property(lambda self: self._alignments_size)
    state_size = property(lambda self: self._alignments_size)

    def initial_alignments(self, batch_size, dtype):
        """All-zero alignments [batch_size, alignments_size]."""
        return zero_tensors(self._alignments_size, batch_size, dtype)

    def initial_state(self, batch_size, dtype):
        """The initial attention state: the initial alignments."""
        return self.initial_alignments(batch_size, dtype)

    def _init_projected(self, num_units, memory, dtype, name, with_query_layer, **options):
        """``__init__`` with bias-free Dense(num_units) ``query_layer`` (if wanted) and ``memory_layer``."""
        _BaseAttentionMechanism.__init__(self, **projection_layers(num_units, dtype, with_query_layer), memory=memory,
                                         name=name, **options)
        self._num_units, self._name = num_units, name

    def _processed(self, query):
        return self.query_layer(query) if self.query_layer else query

    def _alignments(self, query, state, scope_name, score_fn):
        """``(alignments, next_state)``: ``score_fn(query)`` in a new ``scope_name`` scope, then the probability."""
        with _v1.variable_scope(None, scope_name, [query]):
            score = score_fn(query)
        alignments = self._probability_fn(score, state)
        return alignments, alignments


def luong_score(query, keys, scale):
    """score[b, t] = query[b] . keys[b, t], times the scalar variable ``attention_g`` if ``scale``."""
    depth, key_units = query.get_shape()[-1], keys.get_shape()[-1]
    if depth != key_units:
        raise ValueError(
            "Incompatible or unknown inner dimensions between query and keys.  Query (%s) has units: %s.  "
            "Keys (%s) have units: %s.  Perhaps you need to set num_units to the keys' dimension (%s)?"
            % (query, depth, keys, key_units, key_units))
    score = _v1.squeeze(_v1.matmul(_v1.expand_dims(query, 1), keys, transpose_b=True), [1])
    if scale:
        g = _v1.get_variable("attention_g", dtype=query.dtype, initializer=_v1.ones_initializer, shape=())
        score = g * score
    return score


def bahdanau_score(processed_query, keys, normalize):
    """score[b, t] = v . tanh(keys[b, t] + query[b]); weight-normalised v (and a bias) if ``normalize``."""
    dtype = processed_query.dtype
    num_units = dimension(keys, 2)
    processed_query = _v1.expand_dims(processed_query, 1)
    v = _v1.get_variable("attention_v", [num_units], dtype=dtype)
    if not normalize:
        return _v1.reduce_sum(v * _v1.tanh(keys + processed_query), [2])
    g = _v1.get_variable("attention_g", dtype=dtype, shape=(),
                         initializer=_v1.constant_initializer(math.sqrt(1. / num_units)))
    b = _v1.get_variable("attention_b", [num_units], dtype=dtype, initializer=_v1.zeros_initializer())
    normed_v = g * v * _v1.rsqrt(_v1.reduce_sum(_v1.square(v)))
    return _v1.reduce_sum(normed_v * _v1.tanh(keys + processed_query + b), [2])


def projection_layer(num_units, name, dtype):
    return _v1.layers.Dense(num_units, name=name, use_bias=False, dtype=dtype)


def projection_layers(num_units, dtype, with_query_layer):
    """``query_layer`` (None for Luong's scores) and ``memory_layer``: bias-free Dense(num_units), float32 by default."""
    dtype = dtype or _v1.float32
    query_layer = projection_layer(num_units, "query_layer", dtype) if with_query_layer else None
    return {"query_layer": query_layer, "memory_layer": projection_layer(num_units, "memory_layer", dtype)}


def _stateless(probability_fn):
    """``probability_fn(score)`` (softmax by default) as the ``(score, previous_alignments)`` function."""
    probability_fn = probability_fn or _v1.nn.softmax
    return lambda score, _: probability_fn(score)


class LuongAttention(_BaseAttentionMechanism):
    """Luong's multiplicative attention (``scale=True``: times a learned scalar ``attention_g``)."""

    def __init__(self, num_units, memory, memory_sequence_length=None, scale=False, probability_fn=None,
                 score_mask_value=None, dtype=None, custom_key_value_fn=None, name="LuongAttention"):
        self._scale = scale
        self._init_projected(num_units, memory, dtype, name, False, probability_fn=_stateless(probability_fn),
                             memory_sequence_length=memory_sequence_length, score_mask_value=score_mask_value,
                             custom_key_value_fn=custom_key_value_fn)

    def __call__(self, query, state):
        """Returns ``(alignments, next_state)``, both [batch_size, alignments_size]."""
        return self._alignments(query, state, "luong_attention", lambda q: luong_score(q, self._keys, self._scale))


class BahdanauAttention(_BaseAttentionMechanism):
    """Bahdanau's additive attention (``normalize=True``: weight-normalised, as in Salimans & Kingma)."""

    def __init__(self, num_units, memory, memory_sequence_length=None, normalize=False, probability_fn=None,
                 score_mask_value=None, dtype=None, custom_key_value_fn=None, name="BahdanauAttention"):
        self._normalize = normalize
        self._init_projected(num_units, memory, dtype, name, True, probability_fn=_stateless(probability_fn),
                             memory_sequence_length=memory_sequence_length, score_mask_value=score_mask_value,
                             custom_key_value_fn=custom_key_value_fn)

    def __call__(self, query, state):
        """Returns ``(alignments, next_state)``, both [batch_size, alignments_size]."""
        return self._alignments(query, state, "bahdanau_attention",
                                lambda q: bahdanau_score(self._processed(q), self._keys, self._normalize))
