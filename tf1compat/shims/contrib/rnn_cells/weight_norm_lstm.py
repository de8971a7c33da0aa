"""TF 1.15's WeightNormLSTMCell: LSTMCell whose weight columns are weight-normalised (Salimans & Kingma).

As in TF 1.15 the cell's scope is the fixed name ``wn_lstm_cell`` and its step opens that name
again, so variables read ``wn_lstm_cell/wn_lstm_cell/{kernel,bias,norm_0,norm_1,w_*_diag}`` and
``.../projection/{kernel,norm_0}``; ``norm_<i>`` scales the rows that multiply argument ``i``.
"""
import tensorflow

from tf1compat.shims.contrib.rnn_cells.layers import LSTMStateTuple, RNNCell, input_width
from tf1compat.shims.contrib.rnn_cells.lstm_parts import (StoredSizes, clip, peephole_lstm_update, peepholes,
                                                          projected_sizes)

_v1 = tensorflow.compat.v1


class WeightNormLSTMCell(StoredSizes, RNNCell):
    """LSTM (gates i, j, f, o) with optional weight normalisation, peepholes, cell clip and projection."""

    def __init__(self, num_units, norm=True, use_peepholes=False, cell_clip=None, initializer=None, num_proj=None,
                 proj_clip=None, forget_bias=1, activation=None, reuse=None):
        super().__init__(_reuse=reuse)
        self._scope = "wn_lstm_cell"  # TF1 sets the layer scope to this name (see the module docstring)
        self._num_units, self._norm, self._initializer = num_units, norm, initializer
        self._use_peepholes, self._cell_clip = use_peepholes, cell_clip
        self._num_proj, self._proj_clip = num_proj, proj_clip
        self._activation, self._forget_bias = activation or _v1.tanh, forget_bias
        self._state_size, self._output_size = projected_sizes(num_units, num_proj)

    def _linear(self, args, output_size, bias):
        args = args if isinstance(args, list) else [args]
        widths = [input_width(arg) for arg in args]
        dtype = args[0].dtype
        weights = _v1.get_variable("kernel", [sum(widths), output_size], dtype=dtype)
        if self._norm:
            with _v1.control_dependencies(None):
                starts = [sum(widths[:i]) for i in range(len(widths))]
                weights = _v1.concat([
                    _v1.nn.l2_normalize(weights[start:start + width, :], axis=0)
                    * _v1.get_variable(f"norm_{i}", [output_size], dtype=dtype)
                    for i, (start, width) in enumerate(zip(starts, widths))], axis=0)
        result = _v1.matmul(args[0] if len(args) == 1 else _v1.concat(args, 1), weights)
        if not bias:
            return result
        return _v1.nn.bias_add(result, _v1.get_variable("bias", [output_size], dtype=dtype,
                                                        initializer=_v1.constant_initializer(0.0, dtype=dtype)))

    def call(self, inputs, state):
        c, h = state
        units = self._num_units
        input_width(inputs)
        with _v1.variable_scope(self._scope, initializer=self._initializer):
            gates = _v1.split(value=self._linear([inputs, h], 4 * units, bias=True), num_or_size_splits=4, axis=1)
            peep = peepholes(units, inputs.dtype, self._use_peepholes)
            new_c, new_h = peephole_lstm_update(gates, c, peep, self._forget_bias, self._activation, self._cell_clip)
            if self._num_proj is not None:
                with _v1.variable_scope("projection"):
                    new_h = self._linear(new_h, self._num_proj, bias=False)
                new_h = clip(new_h, self._proj_clip)
        return new_h, LSTMStateTuple(new_c, new_h)
