"""TF 1.15's independently recurrent cells (IndRNNCell, IndyGRUCell, IndyLSTMCell): each unit sees only its own state.

The recurrent weights are vectors (``kernel_u`` [1, n]) multiplying the state element-wise,
initialised uniformly in [-1, 1]; input weights are ``kernel_w`` matrices.
"""
import tensorflow

from tf1compat.shims.contrib.rnn_cells.layers import LayerRNNCell, LSTMStateTuple
from tf1compat.shims.contrib.rnn_cells.lstm_parts import LSTMUnitSizes, UnitSizes, known_depth

_v1 = tensorflow.compat.v1


class _IndependentCell(UnitSizes, LayerRNNCell):
    """Shared construction: 2-D inputs, ``num_units``, activation (tanh by default), initialisers."""

    def __init__(self, num_units, activation=None, reuse=None, kernel_initializer=None, bias_initializer=None,
                 name=None, dtype=None):
        super().__init__(_reuse=reuse, name=name, dtype=dtype)
        self.input_spec = _v1.layers.InputSpec(ndim=2)
        self._num_units = num_units
        self._activation = activation or _v1.tanh
        self._kernel_initializer = kernel_initializer
        self._bias_initializer = bias_initializer

    def _recurrent(self, name, width):
        return self.add_weight(name, shape=[1, width],
                               initializer=_v1.random_uniform_initializer(minval=-1, maxval=1, dtype=self.dtype))

    def _bias(self, name, width, default):
        return self.add_weight(name, shape=[width], initializer=self._bias_initializer or default)


class IndRNNCell(_IndependentCell):
    """``h = act(x @ kernel_w + h * kernel_u + bias)``."""

    def __init__(self, num_units, activation=None, reuse=None, name=None, dtype=None):
        super().__init__(num_units, activation, reuse, name=name, dtype=dtype)

    def build(self, inputs_shape):
        self._kernel_w = self.add_weight("kernel_w", shape=[known_depth(inputs_shape), self._num_units])
        self._kernel_u = self._recurrent("kernel_u", self._num_units)
        self._bias_var = self._bias("bias", self._num_units, _v1.zeros_initializer(dtype=self.dtype))
        self.built = True

    def call(self, inputs, state):
        output = self._activation(_v1.nn.bias_add(_v1.matmul(inputs, self._kernel_w) + state * self._kernel_u,
                                                  self._bias_var))
        return output, output


class IndyGRUCell(_IndependentCell):
    """GRU with diagonal recurrent weights: ``gates/kernel_w``, ``gates/kernel_u``, ``gates/bias`` (init 1),
    ``candidate/kernel``, ``candidate/kernel_u``, ``candidate/bias``."""

    def build(self, inputs_shape):
        depth, units = known_depth(inputs_shape), self._num_units
        self._gate_kernel_w = self.add_weight("gates/kernel_w", shape=[depth, 2 * units],
                                              initializer=self._kernel_initializer)
        self._gate_kernel_u = self._recurrent("gates/kernel_u", 2 * units)
        self._gate_bias = self._bias("gates/bias", 2 * units, _v1.constant_initializer(1.0, dtype=self.dtype))
        self._candidate_kernel_w = self.add_weight("candidate/kernel", shape=[depth, units],
                                                   initializer=self._kernel_initializer)
        self._candidate_kernel_u = self._recurrent("candidate/kernel_u", units)
        self._candidate_bias = self._bias("candidate/bias", units, _v1.zeros_initializer(dtype=self.dtype))
        self.built = True

    def call(self, inputs, state):
        gates = _v1.matmul(inputs, self._gate_kernel_w) + _v1.tile(state, [1, 2]) * self._gate_kernel_u
        r, u = _v1.split(value=_v1.sigmoid(_v1.nn.bias_add(gates, self._gate_bias)), num_or_size_splits=2, axis=1)
        candidate = _v1.matmul(inputs, self._candidate_kernel_w) + r * state * self._candidate_kernel_u
        c = self._activation(_v1.nn.bias_add(candidate, self._candidate_bias))
        new_h = u * state + (1 - u) * c
        return new_h, new_h


class IndyLSTMCell(LSTMUnitSizes, _IndependentCell):
    """LSTM with diagonal recurrent weights: ``kernel_w`` [input, 4n], ``kernel_u`` [1, 4n], ``bias`` (i j f o)."""

    def __init__(self, num_units, forget_bias=1.0, activation=None, reuse=None, kernel_initializer=None,
                 bias_initializer=None, name=None, dtype=None):
        super().__init__(num_units, activation, reuse, kernel_initializer, bias_initializer, name, dtype)
        self._forget_bias = forget_bias

    def build(self, inputs_shape):
        units = 4 * self._num_units
        self._kernel_w = self.add_weight("kernel_w", shape=[known_depth(inputs_shape), units],
                                         initializer=self._kernel_initializer)
        self._kernel_u = self._recurrent("kernel_u", units)
        self._bias_var = self._bias("bias", units, _v1.zeros_initializer(dtype=self.dtype))
        self.built = True

    def call(self, inputs, state):
        c, h = state
        gates = _v1.matmul(inputs, self._kernel_w) + _v1.tile(h, [1, 4]) * self._kernel_u
        i, j, f, o = _v1.split(value=_v1.nn.bias_add(gates, self._bias_var), num_or_size_splits=4, axis=1)
        new_c = c * _v1.sigmoid(f + self._forget_bias) + _v1.sigmoid(i) * self._activation(j)
        new_h = self._activation(new_c) * _v1.sigmoid(o)
        return new_h, LSTMStateTuple(new_c, new_h)
