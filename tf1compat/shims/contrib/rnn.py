"""``tf.contrib.rnn`` for TF1 scripts: tf.compat.v1's cells and static RNNs, the contrib-only cells and stacked RNNs."""
import tensorflow

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks
from tf1compat.shims.contrib.rnn_cells.block_cells import (GRUBlockCell, GRUBlockCellV2, LSTMBlockCell,
                                                           LSTMBlockFusedCell, LSTMBlockWrapper)
from tf1compat.shims.contrib.rnn_cells.conv_lstm import Conv1DLSTMCell, Conv2DLSTMCell, Conv3DLSTMCell, ConvLSTMCell
from tf1compat.shims.contrib.rnn_cells.fused import FusedRNNCell, FusedRNNCellAdaptor, TimeReversedFusedRNN
from tf1compat.shims.contrib.rnn_cells.gated_variants import IntersectionRNNCell, PhasedLSTMCell, SRUCell, UGRNNCell
from tf1compat.shims.contrib.rnn_cells.grid_lstm import BidirectionalGridLSTMCell, GridLSTMCell
from tf1compat.shims.contrib.rnn_cells.group_lstm import GLSTMCell
from tf1compat.shims.contrib.rnn_cells.independent_cells import IndRNNCell, IndyGRUCell, IndyLSTMCell
from tf1compat.shims.contrib.rnn_cells.layers import LayerRNNCell
from tf1compat.shims.contrib.rnn_cells.lstm_variants import (CoupledInputForgetGateLSTMCell,
                                                             LayerNormBasicLSTMCell, LayerNormLSTMCell, NASCell)
from tf1compat.shims.contrib.rnn_cells.single_gate_cells import CFNCell, MinimalRNNCell
from tf1compat.shims.contrib.rnn_cells.time_freq_lstm import TimeFreqLSTMCell
from tf1compat.shims.contrib.rnn_cells.weight_norm_lstm import WeightNormLSTMCell
from tf1compat.shims.contrib.rnn_cells.wrappers import (AttentionCellWrapper, CompiledWrapper, EmbeddingWrapper,
                                                        HighwayWrapper, InputProjectionWrapper)

_v1 = tensorflow.compat.v1
_CELLS = ("BasicLSTMCell", "BasicRNNCell", "DeviceWrapper", "DropoutWrapper", "GRUCell", "LSTMCell",
          "LSTMStateTuple", "MultiRNNCell", "RNNCell", "ResidualWrapper")
_RNNS = ("static_rnn", "static_bidirectional_rnn", "static_state_saving_rnn")
_CONTRIB_CELLS = ("GRUBlockCell", "GRUBlockCellV2", "LSTMBlockCell", "LSTMBlockFusedCell", "ConvLSTMCell",
                  "Conv1DLSTMCell", "Conv2DLSTMCell", "Conv3DLSTMCell", "IntersectionRNNCell", "PhasedLSTMCell",
                  "UGRNNCell", "GridLSTMCell", "CoupledInputForgetGateLSTMCell", "LayerNormBasicLSTMCell",
                  "NASCell", "AttentionCellWrapper", "EmbeddingWrapper", "HighwayWrapper", "InputProjectionWrapper",
                  "FusedRNNCell", "FusedRNNCellAdaptor", "TimeReversedFusedRNN", "LayerNormLSTMCell", "SRUCell",
                  "BidirectionalGridLSTMCell", "TimeFreqLSTMCell", "GLSTMCell", "IndRNNCell",
                  "IndyGRUCell", "IndyLSTMCell", "LSTMBlockWrapper", "LayerRNNCell", "CompiledWrapper",
                  "transpose_batch_time", "best_effort_input_batch_size", "MinimalRNNCell", "CFNCell",
                  "WeightNormLSTMCell")
__all__ = list(_CELLS + _RNNS + _CONTRIB_CELLS) + ["stack_bidirectional_rnn", "stack_bidirectional_dynamic_rnn",
                                                   "OutputProjectionWrapper"]
globals().update({name: getattr(_v1.nn.rnn_cell, name) for name in _CELLS})
globals().update({name: getattr(_v1.nn, name) for name in _RNNS})


class OutputProjectionWrapper(_v1.nn.rnn_cell.RNNCell):
    """A cell whose outputs pass through a dense projection to ``output_size`` units (TF1 contrib).

    Creates ``kernel`` and ``bias`` (zeros) in the wrapper's scope, e.g.
    ``rnn/output_projection_wrapper/kernel``; the wrapped cell's variables sit below it.
    """

    def __init__(self, cell, output_size, activation=None, reuse=None):
        super().__init__(_reuse=reuse)
        if output_size < 1:
            raise ValueError(f"`OutputProjectionWrapper` output_size must be positive; got {output_size}")
        self._cell = cell
        self._projected_size = output_size
        self._activation = activation

    @property
    def state_size(self):
        return self._cell.state_size

    @property
    def output_size(self):
        return self._projected_size

    def zero_state(self, batch_size, dtype):
        with _v1.name_scope(type(self).__name__ + "ZeroState", values=[batch_size]):
            return self._cell.zero_state(batch_size, dtype)

    def call(self, inputs, state):
        output, new_state = self._cell(inputs, state)
        width = output.get_shape()[-1]
        kernel = _v1.get_variable("kernel", [width, self._projected_size], dtype=output.dtype)
        bias = _v1.get_variable("bias", [self._projected_size], dtype=output.dtype,
                                initializer=_v1.constant_initializer(0.0))
        projected = _v1.nn.bias_add(_v1.matmul(output, kernel), bias)
        if self._activation is not None:
            projected = self._activation(projected)
        return projected, new_state


def transpose_batch_time(x):
    """Swap the first two axes of ``x`` (rank >= 2), keeping the static shape; lower ranks pass through."""
    shape = x.get_shape()
    if shape.rank is not None and shape.rank < 2:
        return x
    swapped = _v1.transpose(x, _v1.concat(([1, 0], _v1.range(2, _v1.rank(x))), axis=0))
    if shape.rank is not None:
        swapped.set_shape(_v1.TensorShape([shape[1], shape[0]]).concatenate(shape[2:]))
    return swapped


def best_effort_input_batch_size(flat_input):
    """The batch size (axis 1 of time-major inputs): static if any input knows it, else dynamic from the first."""
    for tensor in flat_input:
        shape = tensor.get_shape()
        if shape.rank is None:
            continue
        if shape.rank < 2:
            raise ValueError(f"Expected input tensor {tensor} to have rank at least 2")
        if _v1.dimension_value(shape[1]) is not None:
            return _v1.dimension_value(shape[1])
    return _v1.shape(flat_input[0])[1]


def _check_stack(cells_fw, cells_bw, initial_states_fw, initial_states_bw):
    for label, cells in (("cells_fw", cells_fw), ("cells_bw", cells_bw)):
        if not cells:
            raise ValueError(f"`{label}` is empty; give at least one RNNCell per layer")
        if not isinstance(cells, list):
            raise ValueError(f"`{label}` must be a list of RNNCells (one per layer)")
    if len(cells_fw) != len(cells_bw):
        raise ValueError(f"`cells_fw` and `cells_bw` must have the same depth; got {len(cells_fw)} and {len(cells_bw)}")
    for label, states in (("initial_states_fw", initial_states_fw), ("initial_states_bw", initial_states_bw)):
        if states is not None and (not isinstance(states, list) or len(states) != len(cells_fw)):
            raise ValueError(f"`{label}` must be a list of states, one per layer")


def _layer_state(states, index):
    return states[index] if states else None


def stack_bidirectional_rnn(cells_fw, cells_bw, inputs, initial_states_fw=None, initial_states_bw=None,
                            dtype=None, sequence_length=None, scope=None):
    """Stacked static bidirectional RNN; each layer reads the previous layer's fw/bw concatenation.

    Returns ``(outputs, output_states_fw, output_states_bw)``: ``outputs`` a list (one per time
    step) of [batch, fw_size + bw_size] tensors; the states are tuples, one per layer.
    Variables live under ``stack_bidirectional_rnn/cell_<i>/fw`` and ``.../bw``.
    """
    _check_stack(cells_fw, cells_bw, initial_states_fw, initial_states_bw)
    states_fw, states_bw, layer = [], [], inputs
    with _v1.variable_scope(scope or "stack_bidirectional_rnn"):
        for index, (cell_fw, cell_bw) in enumerate(zip(cells_fw, cells_bw)):
            with _v1.variable_scope(f"cell_{index}") as cell_scope:
                layer, state_fw, state_bw = _v1.nn.static_bidirectional_rnn(
                    cell_fw, cell_bw, layer, initial_state_fw=_layer_state(initial_states_fw, index),
                    initial_state_bw=_layer_state(initial_states_bw, index),
                    sequence_length=sequence_length, dtype=dtype, scope=cell_scope)
            states_fw.append(state_fw)
            states_bw.append(state_bw)
    return layer, tuple(states_fw), tuple(states_bw)


def stack_bidirectional_dynamic_rnn(cells_fw, cells_bw, inputs, initial_states_fw=None,
                                    initial_states_bw=None, dtype=None, sequence_length=None,
                                    parallel_iterations=None, time_major=False, scope=None,
                                    swap_memory=False):
    """Stacked ``bidirectional_dynamic_rnn``; each layer reads the previous layer's fw/bw concatenation.

    Returns ``(outputs, output_states_fw, output_states_bw)``: ``outputs`` is
    [batch, time, fw_size + bw_size] (time-major if ``time_major``); the states are tuples, one
    per layer. Variables live under ``stack_bidirectional_rnn/cell_<i>/bidirectional_rnn/fw``.
    """
    _check_stack(cells_fw, cells_bw, initial_states_fw, initial_states_bw)
    states_fw, states_bw, layer = [], [], inputs
    with _v1.variable_scope(scope or "stack_bidirectional_rnn"):
        for index, (cell_fw, cell_bw) in enumerate(zip(cells_fw, cells_bw)):
            with _v1.variable_scope(f"cell_{index}"):
                outputs, (state_fw, state_bw) = _v1.nn.bidirectional_dynamic_rnn(
                    cell_fw, cell_bw, layer, initial_state_fw=_layer_state(initial_states_fw, index),
                    initial_state_bw=_layer_state(initial_states_bw, index),
                    sequence_length=sequence_length, parallel_iterations=parallel_iterations,
                    dtype=dtype, swap_memory=swap_memory, time_major=time_major)
                layer = _v1.concat(outputs, 2)
            states_fw.append(state_fw)
            states_bw.append(state_bw)
    return layer, tuple(states_fw), tuple(states_bw)


__getattr__, __dir__ = contrib_module_hooks("contrib.rnn", __name__, __all__)
