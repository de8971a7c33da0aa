"""``tf.contrib.cudnn_rnn`` for TF1 scripts: the CPU cells that read CudnnLSTM / CudnnGRU checkpoints.

The ``CudnnLSTM``/``CudnnGRU`` layers themselves are not provided (``api_table`` says why); these
cells compute the same functions with the canonical variable names the layers' checkpoints use.
"""
import tensorflow

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks
from tf1compat.shims.contrib.rnn_cells.block_cells import LSTMBlockCell

_v1 = tensorflow.compat.v1
__all__ = ["CudnnCompatibleLSTMCell", "CudnnCompatibleGRUCell", "CUDNN_LSTM", "CUDNN_GRU", "CUDNN_RNN_TANH",
           "CUDNN_RNN_RELU", "CUDNN_INPUT_LINEAR_MODE", "CUDNN_INPUT_SKIP_MODE", "CUDNN_INPUT_AUTO_MODE",
           "CUDNN_RNN_UNIDIRECTION", "CUDNN_RNN_BIDIRECTION"]
CUDNN_LSTM, CUDNN_GRU, CUDNN_RNN_TANH, CUDNN_RNN_RELU = "lstm", "gru", "rnn_tanh", "rnn_relu"
CUDNN_INPUT_LINEAR_MODE, CUDNN_INPUT_SKIP_MODE, CUDNN_INPUT_AUTO_MODE = "linear_input", "skip_input", "auto_select"
CUDNN_RNN_UNIDIRECTION, CUDNN_RNN_BIDIRECTION = "unidirectional", "bidirectional"


class CudnnCompatibleLSTMCell(LSTMBlockCell):
    """``LSTMBlockCell`` with forget_bias 0 and scope ``cudnn_compatible_lstm_cell`` (CudnnLSTM's canonical names)."""

    def __init__(self, num_units, reuse=None):
        super().__init__(num_units, forget_bias=0, cell_clip=None, use_peephole=False, reuse=reuse,
                         name="cudnn_compatible_lstm_cell")
        self._names.update({"scope": "cudnn_compatible_lstm_cell"})


class CudnnCompatibleGRUCell(_v1.nn.rnn_cell.GRUCell):
    """cuDNN's GRU variant: the reset gate multiplies the hidden projection *after* its bias.

    Variables under ``cudnn_compatible_gru_cell``: ``gates/kernel``, ``gates/bias`` (init 1),
    ``candidate/input_projection/{kernel,bias}``, ``candidate/hidden_projection/{kernel,bias}``.
    """

    def __init__(self, num_units, reuse=None, kernel_initializer=None):
        super().__init__(num_units, activation=None, reuse=reuse, kernel_initializer=kernel_initializer)

    def _weight(self, name, shape, default_initializer):
        initializer = self._kernel_initializer if "kernel" in name else (self._bias_initializer or default_initializer)
        return self.add_weight(name, shape=shape, initializer=initializer)

    def build(self, inputs_shape):
        input_depth = _v1.dimension_value(inputs_shape[1])
        if input_depth is None:
            raise ValueError(f"Expected inputs.shape[-1] to be known, saw shape: {inputs_shape}")
        units, ones, zeros = self._num_units, _v1.constant_initializer(1.0), _v1.zeros_initializer()
        self._gate_kernel = self._weight("gates/kernel", [input_depth + units, 2 * units], None)
        self._gate_bias = self._weight("gates/bias", [2 * units], ones)
        self._candidate_input_kernel = self._weight("candidate/input_projection/kernel", [input_depth, units], None)
        self._candidate_hidden_kernel = self._weight("candidate/hidden_projection/kernel", [units, units], None)
        self._candidate_input_bias = self._weight("candidate/input_projection/bias", [units], zeros)
        self._candidate_hidden_bias = self._weight("candidate/hidden_projection/bias", [units], zeros)
        self.built = True

    def call(self, inputs, state):
        gates = _v1.sigmoid(_v1.nn.bias_add(_v1.matmul(_v1.concat([inputs, state], 1), self._gate_kernel),
                                            self._gate_bias))
        r, u = _v1.split(value=gates, num_or_size_splits=2, axis=1)
        candidate = _v1.nn.bias_add(_v1.matmul(inputs, self._candidate_input_kernel), self._candidate_input_bias)
        candidate += r * _v1.nn.bias_add(_v1.matmul(state, self._candidate_hidden_kernel),
                                         self._candidate_hidden_bias)
        candidate = self._activation(candidate)
        new_h = (1 - u) * candidate + u * state
        return new_h, new_h


__getattr__, __dir__ = contrib_module_hooks("contrib.cudnn_rnn", __name__, __all__)
