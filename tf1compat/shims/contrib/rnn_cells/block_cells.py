"""TF 1.15's fused-kernel cells (LSTMBlockCell, GRUBlockCell(V2), LSTMBlockFusedCell) on TF 2.21's raw ops.

TensorFlow 2.21 still has the ``LSTMBlockCell``, ``GRUBlockCell`` and ``BlockLSTM`` kernels; the
gradients of the first two lived in tf.contrib, so they are registered here (from their ``*Grad`` ops).
"""
import tensorflow

from tf1compat.shims.contrib.rnn_cells.layers import LayerRNNCell, LSTMStateTuple
from tf1compat.shims.contrib.rnn_cells.lstm_parts import LSTMUnitSizes, StoredSizes

_v1 = tensorflow.compat.v1
_raw = tensorflow.raw_ops


def _lstm_block_cell_grad(op, *grads):
    x, cs_prev, h_prev, w, wci, wcf, wco, b = op.inputs
    i, cs, f, o, ci, co, _ = op.outputs
    cs_grad, h_grad = grads[1], grads[6]
    cs_prev_grad, dicfo, wci_grad, wcf_grad, wco_grad = _raw.LSTMBlockCellGrad(
        x=x, cs_prev=cs_prev, h_prev=h_prev, w=w, wci=wci, wcf=wcf, wco=wco, b=b, i=i, cs=cs, f=f, o=o,
        ci=ci, co=co, cs_grad=cs_grad, h_grad=h_grad, use_peephole=op.get_attr("use_peephole"))
    xh_grad = _v1.matmul(dicfo, w, transpose_b=True)
    input_size = _v1.shape(x)[1]
    x_grad = xh_grad[:, :input_size]
    h_prev_grad = xh_grad[:, input_size:]
    w_grad = _v1.matmul(_v1.concat([x, h_prev], 1), dicfo, transpose_a=True)
    b_grad = _v1.reduce_sum(dicfo, 0)
    return x_grad, cs_prev_grad, h_prev_grad, w_grad, wci_grad, wcf_grad, wco_grad, b_grad


def _gru_block_cell_grad(op, *grads):
    x, h_prev, w_ru, w_c, b_ru, b_c = op.inputs
    r, u, c, _ = op.outputs
    d_x, d_h_prev, d_c_bar, d_r_bar_u_bar = _raw.GRUBlockCellGrad(
        x=x, h_prev=h_prev, w_ru=w_ru, w_c=w_c, b_ru=b_ru, b_c=b_c, r=r, u=u, c=c, d_h=grads[3])
    d_w_ru = _v1.matmul(_v1.concat([x, h_prev], 1), d_r_bar_u_bar, transpose_a=True)
    d_w_c = _v1.matmul(_v1.concat([x, h_prev * r], 1), d_c_bar, transpose_a=True)
    return (d_x, d_h_prev, d_w_ru, d_w_c, _v1.reduce_sum(d_r_bar_u_bar, 0), _v1.reduce_sum(d_c_bar, 0))


def _register_gradient(op_type, function):
    try:
        tensorflow.RegisterGradient(op_type)(function)
    except KeyError:  # already registered (by TensorFlow itself, or an earlier import)
        pass


_register_gradient("LSTMBlockCell", _lstm_block_cell_grad)
_register_gradient("GRUBlockCell", _gru_block_cell_grad)


class LSTMBlockCell(LSTMUnitSizes, LayerRNNCell):
    """LSTM on the fused ``LSTMBlockCell`` kernel; variables ``lstm_cell/kernel``, ``lstm_cell/bias``
    (gates i, j, f, o as ``BasicLSTMCell``) and, with ``use_peephole``, ``w_i_diag``/``w_f_diag``/``w_o_diag``."""

    def __init__(self, num_units, forget_bias=1.0, cell_clip=None, use_peephole=False, dtype=None, reuse=None,
                 name="lstm_cell"):
        super().__init__(_reuse=reuse, dtype=dtype, name=name)
        self._num_units = num_units
        self._forget_bias = forget_bias
        self._use_peephole = use_peephole
        self._cell_clip = cell_clip if cell_clip is not None else -1
        self._names = {"W": "kernel", "b": "bias", "wci": "w_i_diag", "wcf": "w_f_diag", "wco": "w_o_diag",
                       "scope": "lstm_cell"}
        self.input_spec = _v1.layers.InputSpec(ndim=2)

    def build(self, inputs_shape):
        input_size = _v1.dimension_value(inputs_shape[1])
        if not input_size:
            raise ValueError(f"Expecting inputs_shape[1] to be set: {inputs_shape}")
        self._kernel = self.add_weight(self._names["W"], [input_size + self._num_units, self._num_units * 4])
        self._bias = self.add_weight(self._names["b"], [self._num_units * 4],
                                     initializer=_v1.constant_initializer(0.0))
        if self._use_peephole:
            self._peepholes = [self.add_weight(self._names[key], [self._num_units]) for key in ("wci", "wcf", "wco")]
        self.built = True

    def call(self, inputs, state):
        if len(state) != 2:
            raise ValueError("Expecting state to be a tuple with length 2.")
        cs_prev, h_prev = state
        if self._use_peephole:
            wci, wcf, wco = self._peepholes
        else:
            wci = wcf = wco = _v1.zeros([self._num_units], dtype=inputs.dtype)
        _, cs, _, _, _, _, h = _raw.LSTMBlockCell(
            x=inputs, cs_prev=cs_prev, h_prev=h_prev, w=self._kernel, wci=wci, wcf=wcf, wco=wco, b=self._bias,
            forget_bias=self._forget_bias, cell_clip=self._cell_clip, use_peephole=self._use_peephole)
        return h, LSTMStateTuple(cs, h)


class GRUBlockCell(StoredSizes, LayerRNNCell):
    """GRU on the fused ``GRUBlockCell`` kernel; variables ``gru_cell/w_ru``, ``b_ru`` (init 1), ``w_c``, ``b_c``."""

    _NAMES = ("w_ru", "b_ru", "w_c", "b_c")

    def __init__(self, num_units=None, cell_size=None, reuse=None, name="gru_cell"):
        super().__init__(_reuse=reuse, name=name)
        if (cell_size is None) == (num_units is None):
            raise ValueError("Exactly one of num_units or cell_size must be provided.")
        self._cell_size = num_units if num_units is not None else cell_size
        self._state_size = self._output_size = self._cell_size
        self.input_spec = _v1.layers.InputSpec(ndim=2)

    def build(self, input_shape):
        input_size = _v1.dimension_value(input_shape[1])
        if input_size is None:
            raise ValueError("Expecting input_size to be set.")
        w_ru, b_ru, w_c, b_c = self._NAMES
        size = self._cell_size
        self._gate_kernel = self.add_weight(w_ru, [input_size + size, size * 2])
        self._gate_bias = self.add_weight(b_ru, [size * 2], initializer=_v1.constant_initializer(1.0))
        self._candidate_kernel = self.add_weight(w_c, [input_size + size, size])
        self._candidate_bias = self.add_weight(b_c, [size], initializer=_v1.constant_initializer(0.0))
        self.built = True

    def call(self, inputs, h_prev):
        cell_size = _v1.dimension_value(h_prev.get_shape().with_rank(2)[1])
        if cell_size != self._cell_size:
            raise ValueError(f"Shape of h_prev[1] incorrect: cell_size {self._cell_size} vs {cell_size}")
        _, _, _, new_h = _raw.GRUBlockCell(x=inputs, h_prev=h_prev, w_ru=self._gate_kernel,
                                           w_c=self._candidate_kernel, b_ru=self._gate_bias,
                                           b_c=self._candidate_bias)
        return new_h, new_h


class GRUBlockCellV2(GRUBlockCell):
    """``GRUBlockCell`` with ``GRUCell``'s variable names: ``gates/kernel``, ``gates/bias``, ``candidate/...``."""

    _NAMES = ("gates/kernel", "gates/bias", "candidate/kernel", "candidate/bias")


class LSTMBlockWrapper(_v1.layers.Layer):
    """Base of fused LSTMs over time-major sequences: subclasses give ``num_units`` and ``_call_cell``.

    ``cell(inputs [T, B, I] or a list, initial_state=None, dtype=None, sequence_length=None)`` returns
    ``(outputs [T, B, units], LSTMStateTuple(c, h))``; outputs past a sequence's length are zero and
    its final state is the one at its length (as TF1).
    """

    @property
    def num_units(self):
        raise NotImplementedError("LSTMBlockWrapper subclasses define num_units")

    def _call_cell(self, inputs, initial_cell_state, initial_output, dtype, sequence_length):
        """Return ``(cell states [T, B, units], outputs [T, B, units])``."""
        raise NotImplementedError("LSTMBlockWrapper subclasses define _call_cell")

    def call(self, inputs, initial_state=None, dtype=None, sequence_length=None):
        is_list = isinstance(inputs, list)
        if is_list:
            inputs = _v1.stack(inputs)
        shape = inputs.get_shape().with_rank(3)
        if not shape[2]:
            raise ValueError(f"Expecting inputs_shape[2] to be set: {shape}")
        time_len, batch_size = _v1.shape(inputs)[0], _v1.shape(inputs)[1]
        if initial_state is None:
            if dtype is None:
                raise ValueError("Either initial_state or dtype needs to be specified")
            zeros = _v1.zeros(_v1.stack([batch_size, self.num_units]), dtype=dtype)
            initial_state = zeros, zeros
        elif len(initial_state) != 2:
            raise ValueError("Expecting initial_state to be a tuple with length 2 or None")
        dtype = dtype or initial_state[0].dtype
        c0, h0 = initial_state
        sequence_length = None if sequence_length is None else _v1.convert_to_tensor(sequence_length)
        cell_states, outputs = self._call_cell(inputs, c0, h0, dtype, sequence_length)
        if sequence_length is None:
            final_c, final_h = cell_states[-1], outputs[-1]
        else:
            mask = _v1.transpose(_v1.sequence_mask(sequence_length, time_len, dtype=dtype), [1, 0])
            outputs *= _v1.tile(_v1.expand_dims(mask, [-1]), [1, 1, self.num_units])
            index = _v1.stack([_v1.cast(sequence_length, _v1.int32), _v1.range(batch_size)], axis=1)
            final_c = _v1.gather_nd(_v1.concat([_v1.expand_dims(c0, 0), cell_states], 0), index)
            final_h = _v1.gather_nd(_v1.concat([_v1.expand_dims(h0, 0), outputs], 0), index)
        return (_v1.unstack(outputs) if is_list else outputs), LSTMStateTuple(final_c, final_h)


class LSTMBlockFusedCell(LSTMBlockWrapper):
    """A whole time-major LSTM sequence in one ``BlockLSTM`` kernel; ``lstm_fused_cell/kernel``, ``bias``."""

    def __init__(self, num_units, forget_bias=1.0, cell_clip=None, use_peephole=False, reuse=None, dtype=None,
                 name="lstm_fused_cell"):
        super().__init__(_reuse=reuse, name=name, dtype=dtype)
        self._num_units = num_units
        self._forget_bias = forget_bias
        self._cell_clip = cell_clip if cell_clip is not None else -1
        self._use_peephole = use_peephole
        self.input_spec = _v1.layers.InputSpec(ndim=3)

    @property
    def num_units(self):
        return self._num_units

    def build(self, input_shape):
        input_size = _v1.dimension_value(input_shape[2])
        self._kernel = self.add_weight("kernel", [input_size + self._num_units, self._num_units * 4])
        self._bias = self.add_weight("bias", [self._num_units * 4], initializer=_v1.constant_initializer(0.0))
        if self._use_peephole:
            self._peepholes = [self.add_weight(name, [self._num_units])
                               for name in ("w_i_diag", "w_f_diag", "w_o_diag")]
        self.built = True

    def _call_cell(self, inputs, initial_cell_state, initial_output, dtype, sequence_length):
        if self._use_peephole:
            wci, wcf, wco = self._peepholes
        else:
            wci = wcf = wco = _v1.zeros([self._num_units], dtype=dtype)
        longest = _v1.shape(inputs)[0] if sequence_length is None else _v1.reduce_max(sequence_length)
        _, cs, _, _, _, _, h = _raw.BlockLSTM(
            seq_len_max=_v1.cast(longest, _v1.int64), x=inputs, cs_prev=initial_cell_state, h_prev=initial_output,
            w=self._kernel, wci=wci, wcf=wcf, wco=wco, b=self._bias, forget_bias=self._forget_bias,
            cell_clip=self._cell_clip, use_peephole=self._use_peephole)
        return cs, h
