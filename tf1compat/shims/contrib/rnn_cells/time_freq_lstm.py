"""TF 1.15's TimeFreqLSTMCell: one LSTM stepping along frequency slices of each input frame (Sainath & Li).

Variables ``W_0`` [feature_size + 2 * units, 4 * units] (gates i, j, f, o; ``W_<k>`` shards), ``B``,
and with peepholes ``W_F_diag``, ``W_I_diag``, ``W_O_diag``. As in TF 1.15, ``state_size`` is
``2 * num_units`` although the state holds ``[c, m]`` for every slice (pass a state of
``2 * num_units * slices`` columns when there is more than one slice).
"""
import tensorflow

from tf1compat.shims.contrib.rnn_cells.layers import RNNCell, input_width, sharded_matrix
from tf1compat.shims.contrib.rnn_cells.lstm_parts import StoredSizes

_v1 = tensorflow.compat.v1


class TimeFreqLSTMCell(StoredSizes, RNNCell):
    """Time-frequency LSTM; output [batch, units * slices], state [batch, 2 * units * slices]."""

    def __init__(self, num_units, use_peepholes=False, cell_clip=None, initializer=None, num_unit_shards=1,
                 forget_bias=1.0, feature_size=None, frequency_skip=1, reuse=None):
        super().__init__(_reuse=reuse)
        self._num_units, self._use_peepholes, self._cell_clip = num_units, use_peepholes, cell_clip
        self._initializer, self._num_unit_shards, self._forget_bias = initializer, num_unit_shards, forget_bias
        self._feature_size, self._frequency_skip = feature_size, frequency_skip
        self._state_size = 2 * num_units
        self._output_size = num_units

    def _slices(self, inputs):
        input_size = _v1.dimension_value(inputs.get_shape().with_rank(2)[-1])
        if input_size is None:
            raise ValueError("Cannot infer input_size from static shape inference.")
        count = int((input_size - self._feature_size) / self._frequency_skip) + 1
        return [_v1.slice(inputs, [0, f * self._frequency_skip], [-1, self._feature_size]) for f in range(count)]

    def _step(self, weights, bias, peepholes, cell_inputs, c_prev):
        i, j, f, o = _v1.split(value=_v1.nn.bias_add(_v1.matmul(cell_inputs, weights), bias),
                               num_or_size_splits=4, axis=1)
        if peepholes:
            w_f, w_i, w_o = peepholes
            f, i = f + w_f * c_prev, i + w_i * c_prev
        c = _v1.sigmoid(f + self._forget_bias) * c_prev + _v1.sigmoid(i) * _v1.tanh(j)
        if self._cell_clip is not None:
            c = _v1.clip_by_value(c, -self._cell_clip, self._cell_clip)
        return c, _v1.sigmoid(o + peepholes[2] * c if peepholes else o) * _v1.tanh(c)

    def call(self, inputs, state):
        slices, dtype, units = self._slices(inputs), inputs.dtype, self._num_units
        weights = sharded_matrix("W", [input_width(slices[0]) + 2 * units, 4 * units], dtype, self._num_unit_shards)
        bias = _v1.get_variable("B", shape=[4 * units], initializer=_v1.zeros_initializer(), dtype=dtype)
        peepholes = [_v1.get_variable(name, shape=[units], dtype=dtype)
                     for name in ("W_F_diag", "W_I_diag", "W_O_diag")] if self._use_peepholes else None
        batch_size = _v1.dimension_value(inputs.get_shape()[0]) or _v1.shape(inputs)[0]
        m_prev_freq = _v1.zeros([batch_size, units], dtype)
        states, outputs = [], []
        for index, piece in enumerate(slices):
            c_prev = _v1.slice(state, [0, 2 * index * units], [-1, units])
            m_prev = _v1.slice(state, [0, (2 * index + 1) * units], [-1, units])
            c, m_prev_freq = self._step(weights, bias, peepholes, _v1.concat([piece, m_prev, m_prev_freq], 1), c_prev)
            states += [c, m_prev_freq]
            outputs.append(m_prev_freq)
        return _v1.concat(outputs, 1), _v1.concat(states, 1)
