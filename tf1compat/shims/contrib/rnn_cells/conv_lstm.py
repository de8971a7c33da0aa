"""TF 1.15's convolutional LSTM cells: ConvLSTMCell and Conv1D/2D/3DLSTMCell.

Variables ``conv_lstm_cell/kernel`` [*kernel_shape, in + out channels, 4 * out] (gates i, j, f, o)
and ``conv_lstm_cell/biases``. As in TF 1.15 the Conv1D/2D/3D subclasses ignore their ``name``
argument, so their scope is ``conv_lstm_cell`` too.
"""
import tensorflow

from tf1compat.shims.contrib.rnn_cells.layers import LSTMStateTuple, RNNCell
from tf1compat.shims.contrib.rnn_cells.lstm_parts import StoredSizes

_v1 = tensorflow.compat.v1
_CONV = {3: (_v1.nn.conv1d, 1), 4: (_v1.nn.conv2d, [1] * 4), 5: (_v1.nn.conv3d, [1] * 5)}


def _conv(args, filter_size, num_features, bias, bias_start=0.0):
    """SAME convolution of the channel-concatenated ``args`` with ``kernel`` (+ ``biases``)."""
    shapes = [a.get_shape().as_list() for a in args]
    for shape in shapes:
        if len(shape) not in _CONV:
            raise ValueError(f"Conv Linear expects 3D, 4D or 5D arguments: {shapes}")
        if len(shape) != len(shapes[0]):
            raise ValueError(f"Conv Linear expects all args to be of same Dimension: {shapes}")
    rank, dtype = len(shapes[0]), args[0].dtype
    conv, strides = _CONV[rank]
    depth = sum(shape[-1] for shape in shapes)
    kernel = _v1.get_variable("kernel", list(filter_size) + [depth, num_features], dtype=dtype)
    joined = args[0] if len(args) == 1 else _v1.concat(axis=rank - 1, values=args)
    result = conv(joined, kernel, strides, padding="SAME")
    if not bias:
        return result
    return result + _v1.get_variable("biases", [num_features], dtype=dtype,
                                     initializer=_v1.constant_initializer(bias_start, dtype=dtype))


class ConvLSTMCell(StoredSizes, RNNCell):
    """Convolutional LSTM (Shi et al., 2015) over inputs [batch, *spatial, channels]."""

    def __init__(self, conv_ndims, input_shape, output_channels, kernel_shape, use_bias=True,
                 skip_connection=False, forget_bias=1.0, initializers=None, name="conv_lstm_cell"):
        super().__init__(name=name)
        if conv_ndims != len(input_shape) - 1:
            raise ValueError(f"Invalid input_shape {input_shape} for conv_ndims={conv_ndims}.")
        self._conv_ndims = conv_ndims
        self._input_shape = list(input_shape)
        self._output_channels = output_channels
        self._kernel_shape = list(kernel_shape)
        self._use_bias = use_bias
        self._forget_bias = forget_bias
        self._skip_connection = skip_connection
        total = output_channels + (self._input_shape[-1] if skip_connection else 0)
        state = _v1.TensorShape(self._input_shape[:-1] + [output_channels])
        self._state_size = LSTMStateTuple(state, state)
        self._output_size = _v1.TensorShape(self._input_shape[:-1] + [total])

    def call(self, inputs, state, scope=None):
        cell, hidden = state
        gates = _conv([inputs, hidden], self._kernel_shape, 4 * self._output_channels, self._use_bias)
        input_gate, new_input, forget_gate, output_gate = _v1.split(
            value=gates, num_or_size_splits=4, axis=self._conv_ndims + 1)
        new_cell = (_v1.sigmoid(forget_gate + self._forget_bias) * cell
                    + _v1.sigmoid(input_gate) * _v1.tanh(new_input))
        output = _v1.tanh(new_cell) * _v1.sigmoid(output_gate)
        if self._skip_connection:
            output = _v1.concat([output, inputs], axis=-1)
        return output, LSTMStateTuple(new_cell, output)


class Conv1DLSTMCell(ConvLSTMCell):
    """1-D convolutional LSTM; inputs [batch, width, channels]."""

    def __init__(self, name="conv_1d_lstm_cell", **kwargs):
        super().__init__(conv_ndims=1, **kwargs)


class Conv2DLSTMCell(ConvLSTMCell):
    """2-D convolutional LSTM; inputs [batch, height, width, channels]."""

    def __init__(self, name="conv_2d_lstm_cell", **kwargs):
        super().__init__(conv_ndims=2, **kwargs)


class Conv3DLSTMCell(ConvLSTMCell):
    """3-D convolutional LSTM; inputs [batch, depth, height, width, channels]."""

    def __init__(self, name="conv_3d_lstm_cell", **kwargs):
        super().__init__(conv_ndims=3, **kwargs)
