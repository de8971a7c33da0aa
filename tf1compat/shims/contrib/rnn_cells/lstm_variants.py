"""LSTM variants of TF 1.15's contrib.rnn: layer-normalised (two kinds), coupled-gate and NAS cells."""
import logging

import tensorflow

from tf1compat.shims.contrib.rnn_cells.layers import (LSTMStateTuple, RNNCell, input_width, layer_norm,
                                                      sharded_matrix)
from tf1compat.shims.contrib.rnn_cells.lstm_parts import (LSTMUnitSizes, StoredSizes, clip, peephole_lstm_update,
                                                          peepholes, projected_sizes)

_v1 = tensorflow.compat.v1
_LOG = logging.getLogger(__name__)


class LayerNormBasicLSTMCell(LSTMUnitSizes, RNNCell):
    """LSTM with layer normalisation of each gate and of the cell, and recurrent dropout on the candidate.

    Variables: ``kernel`` [input + units, 4 * units] (gates i, j, f, o), ``bias`` only without
    layer norm, and ``{input,transform,forget,output,state}/{gamma,beta}``.
    """

    def __init__(self, num_units, forget_bias=1.0, input_size=None, activation=_v1.tanh, layer_norm=True,
                 norm_gain=1.0, norm_shift=0.0, dropout_keep_prob=1.0, dropout_prob_seed=None, reuse=None):
        super().__init__(_reuse=reuse)
        if input_size is not None:
            _LOG.warning("%s: The input_size parameter is deprecated.", self)
        self._num_units = num_units
        self._activation = activation
        self._forget_bias = forget_bias
        self._keep_prob = dropout_keep_prob
        self._seed = dropout_prob_seed
        self._layer_norm = layer_norm
        self._norm_gain = norm_gain
        self._norm_shift = norm_shift

    def _norm(self, value, scope):
        return layer_norm(value, scope, self._norm_gain, self._norm_shift) if self._layer_norm else value

    def call(self, inputs, state):
        c, h = state
        args = _v1.concat([inputs, h], 1)
        kernel = _v1.get_variable("kernel", [args.get_shape()[-1], 4 * self._num_units], dtype=args.dtype)
        gates = _v1.matmul(args, kernel)
        if not self._layer_norm:
            gates = _v1.nn.bias_add(gates, _v1.get_variable("bias", [4 * self._num_units], dtype=args.dtype))
        i, j, f, o = _v1.split(value=gates, num_or_size_splits=4, axis=1)
        i, j, f, o = (self._norm(g, name) for g, name in zip((i, j, f, o), ("input", "transform", "forget", "output")))
        g = self._activation(j)
        if not isinstance(self._keep_prob, float) or self._keep_prob < 1:
            g = _v1.nn.dropout(g, self._keep_prob, seed=self._seed)
        new_c = self._norm(c * _v1.sigmoid(f + self._forget_bias) + _v1.sigmoid(i) * g, "state")
        new_h = self._activation(new_c) * _v1.sigmoid(o)
        return new_h, LSTMStateTuple(new_c, new_h)


class CoupledInputForgetGateLSTMCell(StoredSizes, RNNCell):
    """LSTM whose input gate is one minus the forget gate (Greff et al.).

    Variables: ``W_0`` [input + proj, 3 * units] (gates j, f, o; ``W_<k>`` shards), ``B``,
    peepholes ``W_F_diag``/``W_O_diag``, projection ``W_P_0``, layer norm ``{transform,forget,output,state}/..``.
    """

    def __init__(self, num_units, use_peepholes=False, initializer=None, num_proj=None, proj_clip=None,
                 num_unit_shards=1, num_proj_shards=1, forget_bias=1.0, state_is_tuple=True,
                 activation=_v1.tanh, reuse=None, layer_norm=False, norm_gain=1.0, norm_shift=0.0):
        super().__init__(_reuse=reuse)
        if not state_is_tuple:
            _LOG.warning("%s: Using a concatenated state is slower and will soon be deprecated.  "
                         "Use state_is_tuple=True.", self)
        self._num_units, self._use_peepholes, self._initializer = num_units, use_peepholes, initializer
        self._num_proj, self._proj_clip = num_proj, proj_clip
        self._num_unit_shards, self._num_proj_shards = num_unit_shards, num_proj_shards
        self._forget_bias, self._state_is_tuple, self._activation = forget_bias, state_is_tuple, activation
        self._layer_norm, self._norm_gain, self._norm_shift = layer_norm, norm_gain, norm_shift
        width = num_proj or num_units
        self._state_size = LSTMStateTuple(num_units, width) if state_is_tuple else num_units + width
        self._output_size = width

    def _norm(self, value, scope):
        return layer_norm(value, scope, self._norm_gain, self._norm_shift) if self._layer_norm else value

    def call(self, inputs, state):
        num_proj = self._num_proj or self._num_units
        if self._state_is_tuple:
            c_prev, m_prev = state
        else:
            c_prev = _v1.slice(state, [0, 0], [-1, self._num_units])
            m_prev = _v1.slice(state, [0, self._num_units], [-1, num_proj])
        dtype = inputs.dtype
        weights = sharded_matrix("W", [input_width(inputs) + num_proj, 3 * self._num_units], dtype,
                                 self._num_unit_shards)
        bias = _v1.get_variable("B", shape=[3 * self._num_units], initializer=_v1.zeros_initializer(), dtype=dtype)
        matrix = _v1.matmul(_v1.concat([inputs, m_prev], 1), weights)
        if not self._layer_norm:
            matrix = _v1.nn.bias_add(matrix, bias)
        j, f, o = _v1.split(value=matrix, num_or_size_splits=3, axis=1)
        j, f, o = self._norm(j, "transform"), self._norm(f, "forget"), self._norm(o, "output")
        if self._use_peepholes:
            w_f_diag = _v1.get_variable("W_F_diag", shape=[self._num_units], dtype=dtype)
            w_o_diag = _v1.get_variable("W_O_diag", shape=[self._num_units], dtype=dtype)
            f_act = _v1.sigmoid(f + self._forget_bias + w_f_diag * c_prev)
        else:
            f_act = _v1.sigmoid(f + self._forget_bias)
        c = self._norm(f_act * c_prev + (1 - f_act) * self._activation(j), "state")
        o_act = _v1.sigmoid(o + w_o_diag * c) if self._use_peepholes else _v1.sigmoid(o)
        m = o_act * self._activation(c)
        if self._num_proj is not None:
            m = _v1.matmul(m, sharded_matrix("W_P", [self._num_units, self._num_proj], dtype, self._num_proj_shards))
            m = clip(m, self._proj_clip)
        new_state = LSTMStateTuple(c, m) if self._state_is_tuple else _v1.concat([c, m], 1)
        return m, new_state


class NASCell(StoredSizes, RNNCell):
    """The recurrent cell found by Neural Architecture Search (Zoph & Le, 2017).

    Variables: ``recurrent_kernel`` [proj, 8 * units], ``kernel`` [input, 8 * units], ``bias``
    (only with ``use_biases``), ``projection_weights`` (only with ``num_proj``).
    """

    def __init__(self, num_units, num_proj=None, use_biases=False, reuse=None):
        super().__init__(_reuse=reuse)
        self._num_units, self._num_proj, self._use_biases = num_units, num_proj, use_biases
        self._state_size, self._output_size = projected_sizes(num_units, num_proj)

    def call(self, inputs, state):
        sigmoid, tanh, relu = _v1.sigmoid, _v1.tanh, _v1.nn.relu
        num_proj = self._num_proj or self._num_units
        c_prev, m_prev = state
        dtype = inputs.dtype
        w_m = _v1.get_variable("recurrent_kernel", [num_proj, 8 * self._num_units], dtype)
        w_inputs = _v1.get_variable("kernel", [input_width(inputs), 8 * self._num_units], dtype)
        m_matrix = _v1.matmul(m_prev, w_m)
        if self._use_biases:
            bias = _v1.get_variable("bias", shape=[8 * self._num_units], initializer=_v1.zeros_initializer(),
                                    dtype=dtype)
            m_matrix = _v1.nn.bias_add(m_matrix, bias)
        m = _v1.split(axis=1, num_or_size_splits=8, value=m_matrix)
        x = _v1.split(axis=1, num_or_size_splits=8, value=_v1.matmul(inputs, w_inputs))
        layer1 = [sigmoid(x[0] + m[0]), relu(x[1] + m[1]), sigmoid(x[2] + m[2]), relu(x[3] * m[3]),
                  tanh(x[4] + m[4]), sigmoid(x[5] + m[5]), tanh(x[6] + m[6]), sigmoid(x[7] + m[7])]
        l2_0 = tanh(tanh(layer1[0] * layer1[1]) + c_prev)
        l2_1 = tanh(layer1[2] + layer1[3])
        l2_2 = tanh(layer1[4] * layer1[5])
        l2_3 = sigmoid(layer1[6] + layer1[7])
        new_c = l2_0 * l2_1
        new_m = tanh(new_c * tanh(l2_2 + l2_3))
        if self._num_proj is not None:
            new_m = _v1.matmul(new_m, _v1.get_variable("projection_weights", [self._num_units, self._num_proj], dtype))
        return new_m, LSTMStateTuple(new_c, new_m)


class LayerNormLSTMCell(StoredSizes, RNNCell):
    """``LSTMCell`` with optional layer normalisation of the gates and the cell (TF 1.15 contrib).

    Variables ``kernel`` [input + output, 4 * units] (gates i, j, f, o), ``bias`` (created even with
    layer norm, where it is unused, as TF1), peepholes ``w_f_diag``/``w_i_diag``/``w_o_diag``,
    ``projection/kernel``, and ``{input,transform,forget,output,state}/{gamma,beta}``.
    """

    def __init__(self, num_units, use_peepholes=False, cell_clip=None, initializer=None, num_proj=None,
                 proj_clip=None, forget_bias=1.0, activation=None, layer_norm=False, norm_gain=1.0,
                 norm_shift=0.0, reuse=None):
        super().__init__(_reuse=reuse)
        self._num_units, self._use_peepholes, self._cell_clip = num_units, use_peepholes, cell_clip
        self._initializer, self._num_proj, self._proj_clip = initializer, num_proj, proj_clip
        self._forget_bias, self._activation = forget_bias, activation or _v1.tanh
        self._layer_norm, self._norm_gain, self._norm_shift = layer_norm, norm_gain, norm_shift
        self._state_size, self._output_size = projected_sizes(num_units, num_proj)

    def _norm(self, value, scope):
        return layer_norm(value, scope, self._norm_gain, self._norm_shift) if self._layer_norm else value

    def _gates(self, inputs, m_prev):
        dtype = inputs.dtype
        kernel = _v1.get_variable("kernel", [input_width(inputs) + input_width(m_prev), 4 * self._num_units],
                                  dtype=dtype)
        bias = _v1.get_variable("bias", [4 * self._num_units], dtype=dtype,
                                initializer=_v1.constant_initializer(0.0, dtype=dtype))
        matrix = _v1.matmul(_v1.concat([inputs, m_prev], 1), kernel)
        if not self._layer_norm:
            matrix = _v1.nn.bias_add(matrix, bias)
        parts = _v1.split(value=matrix, num_or_size_splits=4, axis=1)
        return [self._norm(p, name) for p, name in zip(parts, ("input", "transform", "forget", "output"))]

    def call(self, inputs, state):
        c_prev, m_prev = state
        dtype = inputs.dtype
        with _v1.variable_scope(_v1.get_variable_scope(), initializer=self._initializer):
            i, j, f, o = self._gates(inputs, m_prev)
            peep = peepholes(self._num_units, dtype, self._use_peepholes)
            c, m = peephole_lstm_update((i, j, f, o), c_prev, peep, self._forget_bias, self._activation,
                                        self._cell_clip, norm=lambda value: self._norm(value, "state"))
            if self._num_proj is not None:
                with _v1.variable_scope("projection"):
                    m = _v1.matmul(m, _v1.get_variable("kernel", [self._num_units, self._num_proj], dtype=dtype))
                m = clip(m, self._proj_clip)
        return m, LSTMStateTuple(c, m)
