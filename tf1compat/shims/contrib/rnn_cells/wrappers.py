"""TF 1.15's contrib.rnn wrappers: Attention-, Highway-, InputProjection-, Embedding- and CompiledWrapper."""
import logging
import math

import tensorflow
from tensorflow.python.framework import op_def_registry  # stateful-op test of CompiledWrapper, as in TF1

from tf1compat.shims.contrib.rnn_cells.layers import RNNCell, linear

_v1 = tensorflow.compat.v1
_LOG = logging.getLogger(__name__)


def _is_cell(cell):
    return all(hasattr(cell, name) for name in ("output_size", "state_size", "zero_state")) and callable(cell)


class _DelegatingWrapper(RNNCell):
    """A wrapper whose state and zero state are those of the wrapped cell."""

    @property
    def state_size(self):
        return self._cell.state_size

    @property
    def output_size(self):
        return self._cell.output_size

    def zero_state(self, batch_size, dtype):
        with _v1.name_scope(type(self).__name__ + "ZeroState", values=[batch_size]):
            return self._cell.zero_state(batch_size, dtype)


class InputProjectionWrapper(_DelegatingWrapper):
    """Projects the inputs to ``num_proj`` units (``kernel``, ``bias``) before the wrapped cell."""

    def __init__(self, cell, num_proj, activation=None, input_size=None, reuse=None):
        super().__init__(_reuse=reuse)
        if input_size is not None:
            _LOG.warning("%s: The input_size parameter is deprecated.", self)
        self._cell, self._num_proj, self._activation = cell, num_proj, activation

    def call(self, inputs, state):
        projected = linear(inputs, self._num_proj, True)
        if self._activation:
            projected = self._activation(projected)
        return self._cell(projected, state)


class EmbeddingWrapper(_DelegatingWrapper):
    """Embeds [batch] integer ids (variable ``embedding`` [classes, size]) before the wrapped cell.

    TF 1.15's legacy_seq2seq encoders use this same class (scope ``embedding_wrapper``). The default
    initialiser is uniform in ±sqrt(3) (variance 1), unless the scope has one.
    """

    def __init__(self, cell, embedding_classes, embedding_size, initializer=None, reuse=None):
        super().__init__(_reuse=reuse)
        if not _is_cell(cell):
            raise TypeError(f"`EmbeddingWrapper` cell must be an RNNCell; got {type(cell).__name__}")
        if embedding_classes <= 0 or embedding_size <= 0:
            raise ValueError(f"Both embedding_classes and embedding_size must be > 0: "
                             f"{embedding_classes}, {embedding_size}.")
        self._cell, self._embedding_classes = cell, embedding_classes
        self._embedding_size, self._initializer = embedding_size, initializer

    def call(self, inputs, state):
        with _v1.device("/cpu:0"):
            initializer = (self._initializer or _v1.get_variable_scope().initializer
                           or _v1.random_uniform_initializer(-math.sqrt(3), math.sqrt(3)))
            dtype = tensorflow.nest.flatten(state)[0].dtype  # also for nested (multi-layer LSTM) states
            embedding = _v1.get_variable("embedding", [self._embedding_classes, self._embedding_size],
                                         initializer=initializer, dtype=dtype)
            embedded = _v1.nn.embedding_lookup(embedding, _v1.reshape(inputs, [-1]))
            return self._cell(embedded, state)


class HighwayWrapper(_DelegatingWrapper):
    """Adds a highway connection from the cell's inputs to its outputs (Srivastava et al., 2015).

    As in TF 1.15 it opens no scope of its own: ``carry_w``/``carry_b`` (and ``transform_w``/``transform_b``
    when the gates are not coupled) sit in the enclosing scope, beside the wrapped cell's scope.
    """

    def __init__(self, cell, couple_carry_transform_gates=True, carry_bias_init=1.0):
        super().__init__()
        self._cell = cell
        self._couple_carry_transform_gates = couple_carry_transform_gates
        self._carry_bias_init = carry_bias_init

    def _highway(self, inp, out):
        size = _v1.dimension_value(inp.get_shape().with_rank(2)[1])
        carry_w = _v1.get_variable("carry_w", [size, size])
        carry_b = _v1.get_variable("carry_b", [size], initializer=_v1.constant_initializer(self._carry_bias_init))
        carry = _v1.sigmoid(_v1.nn.xw_plus_b(inp, carry_w, carry_b))
        if self._couple_carry_transform_gates:
            transform = 1 - carry
        else:
            transform_w = _v1.get_variable("transform_w", [size, size])
            transform_b = _v1.get_variable("transform_b", [size],
                                           initializer=_v1.constant_initializer(-self._carry_bias_init))
            transform = _v1.sigmoid(_v1.nn.xw_plus_b(inp, transform_w, transform_b))
        return inp * carry + out * transform

    def __call__(self, inputs, state, scope=None):
        outputs, new_state = self._cell(inputs, state, scope=scope)
        tensorflow.nest.assert_same_structure(inputs, outputs)
        tensorflow.nest.map_structure(lambda i, o: i.get_shape().assert_is_compatible_with(o.get_shape()),
                                      inputs, outputs)
        return tensorflow.nest.map_structure(self._highway, inputs, outputs), new_state


class AttentionCellWrapper(RNNCell):
    """Attention over the last ``attn_length`` outputs (Bahdanau et al.); state ``(cell state, attns, attn_states)``.

    Variables: ``kernel``/``bias`` (input projection), ``attention/attn_w``, ``attention/attn_v``,
    ``attention/kernel``/``bias`` (query), ``attn_output_projection/kernel``/``bias``.
    """

    def __init__(self, cell, attn_length, attn_size=None, attn_vec_size=None, input_size=None,
                 state_is_tuple=True, reuse=None):
        super().__init__(_reuse=reuse)
        if not _is_cell(cell):
            raise TypeError("The parameter cell is not RNNCell.")
        if tensorflow.nest.is_nested(cell.state_size) and not state_is_tuple:
            raise ValueError("Cell returns tuple of states, but the flag state_is_tuple is not set. "
                             f"State size is: {cell.state_size}")
        if attn_length <= 0:
            raise ValueError(f"attn_length should be greater than zero, got {attn_length}")
        if not state_is_tuple:
            _LOG.warning("%s: Using a concatenated state is slower and will soon be deprecated.  "
                         "Use state_is_tuple=True.", self)
        self._cell, self._attn_length, self._state_is_tuple = cell, attn_length, state_is_tuple
        self._attn_size = attn_size or cell.output_size
        self._attn_vec_size = attn_vec_size or self._attn_size
        self._input_size = input_size

    @property
    def state_size(self):
        size = (self._cell.state_size, self._attn_size, self._attn_size * self._attn_length)
        return size if self._state_is_tuple else sum(size)

    @property
    def output_size(self):
        return self._attn_size

    def _split_state(self, state):
        if self._state_is_tuple:
            return state
        width = self._cell.state_size
        return (_v1.slice(state, [0, 0], [-1, width]), _v1.slice(state, [0, width], [-1, self._attn_size]),
                _v1.slice(state, [0, width + self._attn_size], [-1, self._attn_size * self._attn_length]))

    def call(self, inputs, state):
        state, attns, attn_states = self._split_state(state)
        attn_states = _v1.reshape(attn_states, [-1, self._attn_length, self._attn_size])
        inputs = linear([inputs, attns], self._input_size or inputs.get_shape().as_list()[1], True)
        cell_output, new_state = self._cell(inputs, state)
        query = _v1.concat(tensorflow.nest.flatten(new_state), 1) if self._state_is_tuple else new_state
        new_attns, new_attn_states = self._attention(query, attn_states)
        with _v1.variable_scope("attn_output_projection"):
            output = linear([cell_output, new_attns], self._attn_size, True)
        new_attn_states = _v1.concat([new_attn_states, _v1.expand_dims(output, 1)], 1)
        new_attn_states = _v1.reshape(new_attn_states, [-1, self._attn_length * self._attn_size])
        new_state = (new_state, new_attns, new_attn_states)
        return output, (new_state if self._state_is_tuple else _v1.concat(list(new_state), 1))

    def _attention(self, query, attn_states):
        with _v1.variable_scope("attention"):
            k = _v1.get_variable("attn_w", [1, 1, self._attn_size, self._attn_vec_size])
            v = _v1.get_variable("attn_v", [self._attn_vec_size])
            hidden = _v1.reshape(attn_states, [-1, self._attn_length, 1, self._attn_size])
            hidden_features = _v1.nn.conv2d(hidden, k, [1, 1, 1, 1], "SAME")
            y = _v1.reshape(linear(query, self._attn_vec_size, True), [-1, 1, 1, self._attn_vec_size])
            weights = _v1.nn.softmax(_v1.reduce_sum(v * _v1.tanh(hidden_features + y), [2, 3]))
            context = _v1.reduce_sum(_v1.reshape(weights, [-1, self._attn_length, 1, 1]) * hidden, [1, 2])
            new_attns = _v1.reshape(context, [-1, self._attn_size])
            return new_attns, _v1.slice(attn_states, [0, 1, 0], [-1, -1, -1])


def _stateless(node_def):
    return not op_def_registry.get(node_def.op).is_stateful


class CompiledWrapper(_DelegatingWrapper):
    """Runs the wrapped cell's step inside an XLA JIT scope (stateful ops too if ``compile_stateful``).

    Like TF 1.15 it opens no scope of its own: the wrapped cell's variables keep their names.
    """

    def __init__(self, cell, compile_stateful=False):
        super().__init__()
        self._cell = cell
        self._compile_stateful = compile_stateful

    def __call__(self, inputs, state, scope=None):
        compile_ops = True if self._compile_stateful else _stateless
        with tensorflow.xla.experimental.jit_scope(compile_ops=compile_ops):
            return self._cell(inputs, state, scope=scope)
