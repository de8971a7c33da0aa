"""TF 1.15's single-projection gated cells: MinimalRNNCell (Chen et al., 2018) and CFNCell (Laurent & von Brecht).

Both take Keras-style ``activation`` / initialiser names (default ``tanh``, ``glorot_uniform``,
bias ``ones``) and build ``kernel``, ``bias`` (CFN also ``recurrent_kernel``).
"""
import tensorflow

from tf1compat.shims.contrib.rnn_cells.layers import LayerRNNCell

_v1 = tensorflow.compat.v1


class _SingleGateCell(LayerRNNCell):
    """Shared construction: 2-D inputs, ``units``, Keras activation and initialisers."""

    def __init__(self, units, activation="tanh", kernel_initializer="glorot_uniform", bias_initializer="ones",
                 name=None, dtype=None, **kwargs):
        super().__init__(name=name, dtype=dtype, **kwargs)
        self.input_spec = _v1.layers.InputSpec(ndim=2)
        self.units = units
        self.activation = _v1.keras.activations.get(activation)
        self.kernel_initializer = _v1.keras.initializers.get(kernel_initializer)
        self.bias_initializer = _v1.keras.initializers.get(bias_initializer)

    @property
    def state_size(self):
        return self.units

    @property
    def output_size(self):
        return self.units

    @staticmethod
    def _input_size(shape):
        size = _v1.dimension_value(shape[-1])
        if size is None:
            raise ValueError(f"Expected inputs.shape[-1] to be known, saw shape: {shape}")
        return size


class MinimalRNNCell(_SingleGateCell):
    """``z = act(x W_x)``; ``u = sigmoid([z, h] [W; V] + b)``; ``h' = u h + (1 - u) z``.

    ``kernel`` [input + 2 * units, units] stacks W_x (input rows) over the gate weights.
    """

    def build(self, inputs_shape):
        size = self._input_size(inputs_shape)
        self.kernel = self.add_weight(name="kernel", shape=[size + 2 * self.units, self.units],
                                      initializer=self.kernel_initializer)
        self.bias = self.add_weight(name="bias", shape=[self.units], initializer=self.bias_initializer)
        self.built = True

    def call(self, inputs, state):
        size = self._input_size(inputs.get_shape())
        feedforward_weight, gate_weight = _v1.split(value=self.kernel, num_or_size_splits=[size, 2 * self.units],
                                                    axis=0)
        feedforward = self.activation(_v1.matmul(inputs, feedforward_weight))
        u = _v1.sigmoid(_v1.nn.bias_add(_v1.matmul(_v1.concat([feedforward, state], 1), gate_weight), self.bias))
        new_h = u * state + (1 - u) * feedforward
        return new_h, new_h


class CFNCell(_SingleGateCell):
    """Chaos-free network: ``theta, eta = sigmoid(h U + x V + b)``; ``h' = theta act(h) + (1 - eta) act(x W)``.

    ``kernel`` [input, 3 * units] is [V | W], ``recurrent_kernel`` [units, 2 * units] is U.
    """

    def build(self, inputs_shape):
        size = self._input_size(inputs_shape)
        self.kernel = self.add_weight(shape=[size, 3 * self.units], name="kernel",
                                      initializer=self.kernel_initializer)
        self.recurrent_kernel = self.add_weight(shape=[self.units, 2 * self.units], name="recurrent_kernel",
                                                initializer=self.kernel_initializer)
        self.bias = self.add_weight(shape=[2 * self.units], name="bias", initializer=self.bias_initializer)
        self.built = True

    def call(self, inputs, state):
        self._input_size(inputs.get_shape())
        v, w = _v1.split(value=self.kernel, num_or_size_splits=[2 * self.units, self.units], axis=1)
        gates = _v1.sigmoid(_v1.nn.bias_add(_v1.matmul(state, self.recurrent_kernel) + _v1.matmul(inputs, v),
                                            self.bias))
        theta, eta = _v1.split(value=gates, num_or_size_splits=2, axis=1)
        new_h = theta * self.activation(state) + (1 - eta) * self.activation(_v1.matmul(inputs, w))
        return new_h, new_h
