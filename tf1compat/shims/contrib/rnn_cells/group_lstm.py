"""TF 1.15's GLSTMCell: an LSTM factorised into independent groups (Kuchaiev & Ginsburg, 2017).

Variables ``group<g>/kernel`` [input/groups + output/groups, 4 * units/groups] (no bias; gates
i, j, f, o per group), ``bias_i``, ``bias_j``, ``bias_f``, ``bias_o`` [units], and with
``num_proj`` ``projection/kernel`` [units, num_proj].
"""
import tensorflow

from tf1compat.shims.contrib.rnn_cells.layers import LSTMStateTuple, RNNCell, linear
from tf1compat.shims.contrib.rnn_cells.lstm_parts import StoredSizes, projected_sizes

_v1 = tensorflow.compat.v1


class GLSTMCell(StoredSizes, RNNCell):
    """Group LSTM: group ``g`` reads slice ``g`` of the inputs and of the previous output."""

    def __init__(self, num_units, initializer=None, num_proj=None, number_of_groups=1, forget_bias=1.0,
                 activation=_v1.tanh, reuse=None):
        super().__init__(_reuse=reuse)
        self._num_units, self._initializer, self._num_proj = num_units, initializer, num_proj
        self._forget_bias, self._activation, self._number_of_groups = forget_bias, activation, number_of_groups
        if num_units % number_of_groups != 0:
            raise ValueError("num_units must be divisible by number_of_groups")
        if num_proj and num_proj % number_of_groups != 0:
            raise ValueError("num_proj must be divisible by number_of_groups")
        self._group_shape = [(num_proj or num_units) // number_of_groups, num_units // number_of_groups]
        self._state_size, self._output_size = projected_sizes(num_units, num_proj)

    def _group_gates(self, inputs, m_prev):
        input_size = _v1.dimension_value(inputs.shape[1])
        if input_size is None:
            raise ValueError("input size must be statically known")
        if input_size % self._number_of_groups != 0:
            raise ValueError(f"input size ({input_size}) must be divisible by number_of_groups "
                             f"({self._number_of_groups})")
        input_group, output_group = input_size // self._number_of_groups, self._group_shape[0]
        parts = []
        for group in range(self._number_of_groups):
            with _v1.variable_scope(f"group{group}"):
                x_g = _v1.concat([inputs[:, group * input_group:(group + 1) * input_group],
                                  m_prev[:, group * output_group:(group + 1) * output_group]], axis=1)
                parts.append(_v1.split(linear(x_g, 4 * self._group_shape[1], False), 4, 1))
        return [_v1.concat([p[k] for p in parts], axis=1) for k in range(4)]

    def call(self, inputs, state):
        c_prev, m_prev = state
        dtype = inputs.dtype
        with _v1.variable_scope(_v1.get_variable_scope(), initializer=self._initializer):
            gates = self._group_gates(inputs, m_prev)
            i, j, f, o = (_v1.nn.bias_add(gate, _v1.get_variable(
                f"bias_{name}", shape=[self._num_units], dtype=dtype,
                initializer=_v1.constant_initializer(0.0, dtype=dtype))) for gate, name in zip(gates, "ijfo"))
        c = _v1.sigmoid(f + self._forget_bias) * c_prev + _v1.sigmoid(i) * _v1.tanh(j)
        m = _v1.sigmoid(o) * self._activation(c)
        if self._num_proj is not None:
            with _v1.variable_scope("projection"):
                m = linear(m, self._num_proj, False)
        return m, LSTMStateTuple(c, m)
