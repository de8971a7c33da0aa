"""Gated cells of TF 1.15's contrib.rnn: UGRNNCell, IntersectionRNNCell, PhasedLSTMCell, SRUCell."""
import math

import tensorflow

from tf1compat.shims.contrib.rnn_cells.layers import LayerRNNCell, LSTMStateTuple, RNNCell, input_width, linear
from tf1compat.shims.contrib.rnn_cells.lstm_parts import LSTMUnitSizes, UnitSizes, known_depth

_v1 = tensorflow.compat.v1


class UGRNNCell(UnitSizes, RNNCell):
    """Update-gate RNN (Collins et al., 2017). Variables ``kernel`` [input + units, 2 * units], ``bias``."""

    def __init__(self, num_units, initializer=None, forget_bias=1.0, activation=_v1.tanh, reuse=None):
        super().__init__(_reuse=reuse)
        self._num_units, self._initializer = num_units, initializer
        self._forget_bias, self._activation = forget_bias, activation

    def call(self, inputs, state):
        input_width(inputs)
        with _v1.variable_scope(_v1.get_variable_scope(), initializer=self._initializer):
            matrix = linear([inputs, state], 2 * self._num_units, True)
            g_act, c_act = _v1.split(axis=1, num_or_size_splits=2, value=matrix)
            g = _v1.sigmoid(g_act + self._forget_bias)
            new_state = g * state + (1.0 - g) * self._activation(c_act)
        return new_state, new_state


class IntersectionRNNCell(UnitSizes, RNNCell):
    """Intersection RNN (+RNN) with coupled recurrent and depth gates (Collins et al., 2017).

    Variables ``kernel`` [units + units, 4 * units] and ``bias``; with ``num_in_proj`` and inputs of
    another width, ``in_projection/kernel`` and ``in_projection/bias`` first.
    """

    def __init__(self, num_units, num_in_proj=None, initializer=None, forget_bias=1.0,
                 y_activation=_v1.nn.relu, reuse=None):
        super().__init__(_reuse=reuse)
        self._num_units, self._num_input_proj, self._initializer = num_units, num_in_proj, initializer
        self._forget_bias, self._y_activation = forget_bias, y_activation

    def call(self, inputs, state):
        width = input_width(inputs)
        n = self._num_units
        with _v1.variable_scope(_v1.get_variable_scope(), initializer=self._initializer):
            if width != n:
                if not self._num_input_proj:
                    raise ValueError("Must have input size == output size for Intersection RNN. To fix, "
                                     "num_in_proj should be set to num_units at cell init.")
                with _v1.variable_scope("in_projection"):
                    inputs = linear(inputs, n, True)
            matrix = linear([inputs, state], 4 * n, True)
            gh = _v1.sigmoid(matrix[:, :n] + self._forget_bias)
            h = _v1.tanh(matrix[:, n:2 * n])
            gy = _v1.sigmoid(matrix[:, 2 * n:3 * n] + self._forget_bias)
            y = self._y_activation(matrix[:, 3 * n:4 * n])
            new_state = gh * state + (1.0 - gh) * h
            new_y = gy * inputs + (1.0 - gy) * y
        return new_y, new_state


def _random_exp_initializer(minval, maxval, seed=None, dtype=_v1.float32):
    """Values ``exp(U(log minval, log maxval))`` (TF1's period initialiser)."""
    def initializer(shape, dtype=dtype, partition_info=None):
        return _v1.exp(_v1.random_uniform(shape, math.log(minval), math.log(maxval), dtype, seed=seed))
    return initializer


class PhasedLSTMCell(LSTMUnitSizes, RNNCell):
    """Phased LSTM (Neil et al., 2016): inputs are ``(time [B, 1], features [B, F])``.

    Variables ``mask_gates/{kernel,bias}``, ``new_input/{kernel,bias}``, ``output_gate/{kernel,bias}``,
    ``period``, ``phase``, ``ratio_on``.
    """

    def __init__(self, num_units, use_peepholes=False, leak=0.001, ratio_on=0.1, trainable_ratio_on=True,
                 period_init_min=1.0, period_init_max=1000.0, reuse=None):
        super().__init__(_reuse=reuse)
        self._num_units, self._use_peepholes, self._leak = num_units, use_peepholes, leak
        self._ratio_on, self._trainable_ratio_on = ratio_on, trainable_ratio_on
        self._period_init_min, self._period_init_max = period_init_min, period_init_max

    def _cycle_ratio(self, time, phase, period):
        shifted = time - _v1.cast(phase, time.dtype)
        period = _v1.cast(period, time.dtype)
        modulo = _v1.stop_gradient(_v1.mod(shifted, period) - shifted) + shifted  # mod that passes gradients
        return _v1.cast(modulo / period, _v1.float32)

    def _gates(self, x, c_prev, h_prev):
        with _v1.variable_scope("mask_gates"):
            mask_in = [x, h_prev] + ([c_prev] if self._use_peepholes else [])
            input_gate, forget_gate = _v1.split(axis=1, num_or_size_splits=2,
                                                value=_v1.sigmoid(linear(mask_in, 2 * self._num_units, True)))
        with _v1.variable_scope("new_input"):
            new_input = _v1.tanh(linear([x, h_prev], self._num_units, True))
        new_c = c_prev * forget_gate + input_gate * new_input
        with _v1.variable_scope("output_gate"):
            out_in = [x, h_prev] + ([new_c] if self._use_peepholes else [])
            output_gate = _v1.sigmoid(linear(out_in, self._num_units, True))
        return new_c, _v1.tanh(new_c) * output_gate

    def call(self, inputs, state):
        c_prev, h_prev = state
        time, x = inputs
        new_c, new_h = self._gates(x, c_prev, h_prev)
        period = _v1.get_variable("period", [self._num_units], initializer=_random_exp_initializer(
            self._period_init_min, self._period_init_max))
        phase = _v1.get_variable("phase", [self._num_units],
                                 initializer=_v1.random_uniform_initializer(0., period.initial_value))
        ratio_on = _v1.get_variable("ratio_on", [self._num_units],
                                    initializer=_v1.constant_initializer(self._ratio_on),
                                    trainable=self._trainable_ratio_on)
        cycle_ratio = self._cycle_ratio(time, phase, period)
        k_up = 2 * cycle_ratio / ratio_on
        k = _v1.where(cycle_ratio < ratio_on, 2 - k_up, self._leak * cycle_ratio)
        k = _v1.where(cycle_ratio < 0.5 * ratio_on, k_up, k)
        new_c = k * new_c + (1 - k) * c_prev
        new_h = k * new_h + (1 - k) * h_prev
        return new_h, LSTMStateTuple(new_c, new_h)


class SRUCell(UnitSizes, LayerRNNCell):
    """Simple Recurrent Unit (Lei et al., 2017): ``kernel`` [input, 4 * units], ``bias`` [2 * units].

    The input width must equal ``num_units`` (the highway term adds the transformed input to h).
    """

    def __init__(self, num_units, activation=None, reuse=None, name=None):
        super().__init__(_reuse=reuse, name=name)
        self._num_units = num_units
        self._activation = activation or _v1.tanh
        self.input_spec = _v1.layers.InputSpec(ndim=2)

    def build(self, inputs_shape):
        self._kernel = self.add_weight("kernel", shape=[known_depth(inputs_shape), 4 * self._num_units])
        self._bias = self.add_weight("bias", shape=[2 * self._num_units], initializer=_v1.constant_initializer(0.0))
        self.built = True

    def call(self, inputs, state):
        x_bar, f_part, r_part, x_tx = _v1.split(value=_v1.matmul(inputs, self._kernel), num_or_size_splits=4, axis=1)
        gates = _v1.sigmoid(_v1.nn.bias_add(_v1.concat([f_part, r_part], 1), self._bias))
        f, r = _v1.split(value=gates, num_or_size_splits=2, axis=1)
        c = f * state + (1.0 - f) * x_bar
        h = r * self._activation(c) + (1.0 - r) * x_tx
        return h, c
