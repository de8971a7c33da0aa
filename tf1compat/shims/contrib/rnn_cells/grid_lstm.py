"""TF 1.15's GridLSTMCell and BidirectionalGridLSTMCell: LSTMs along time and along frequency slices.

Variables per frequency block ``b``: ``W_f_<b>_0`` / ``B_f_<b>`` (frequency LSTM), ``W_t_<b>_0`` /
``B_t_<b>`` (time LSTM, unless ``share_time_frequency_weights``), and with peepholes
``W_{I,F,O}_diag_{freq,time}{f,t}_<b>``. Gates are i, j, f, o (i, j, o when coupled).
"""
import collections
import logging

import tensorflow

from tf1compat.shims.contrib.rnn_cells.layers import RNNCell, sharded_matrix
from tf1compat.shims.contrib.rnn_cells.lstm_parts import StoredSizes

_v1 = tensorflow.compat.v1
_LOG = logging.getLogger(__name__)
_Gates = collections.namedtuple("_Gates", "i j f o")


class GridLSTMCell(StoredSizes, RNNCell):
    """Grid LSTM over frequency slices of [batch, features] inputs; output [batch, 2 * units * blocks]."""

    def __init__(self, num_units, use_peepholes=False, share_time_frequency_weights=False, cell_clip=None,
                 initializer=None, num_unit_shards=1, forget_bias=1.0, feature_size=None, frequency_skip=None,
                 num_frequency_blocks=None, start_freqindex_list=None, end_freqindex_list=None,
                 couple_input_forget_gates=False, state_is_tuple=True, reuse=None):
        super().__init__(_reuse=reuse)
        if not state_is_tuple:
            _LOG.warning("%s: Using a concatenated state is slower and will soon be deprecated.  "
                         "Use state_is_tuple=True.", self)
        if num_frequency_blocks is None:
            raise ValueError("Must specify num_frequency_blocks")
        self._num_units, self._use_peepholes = num_units, use_peepholes
        self._share = share_time_frequency_weights
        self._coupled, self._state_is_tuple = couple_input_forget_gates, state_is_tuple
        self._cell_clip, self._initializer, self._num_unit_shards = cell_clip, initializer, num_unit_shards
        self._forget_bias, self._feature_size, self._frequency_skip = forget_bias, feature_size, frequency_skip
        self._starts, self._ends = start_freqindex_list, end_freqindex_list
        self._num_frequency_blocks = num_frequency_blocks
        self._total_blocks = sum(int(n) for n in num_frequency_blocks)
        if state_is_tuple:
            names = [f"state_f{f:02d}_b{b:02d}_{part}" for b, count in enumerate(num_frequency_blocks)
                     for f in range(count) for part in ("c", "m")]
            self._state_tuple_type = collections.namedtuple("GridLSTMStateTuple", names)
            self._state_size = self._state_tuple_type(*([num_units, num_units] * self._total_blocks))
        else:
            self._state_tuple_type = None
            self._state_size = num_units * self._total_blocks * 2
        self._output_size = num_units * self._total_blocks * 2

    @property
    def state_tuple_type(self):
        return self._state_tuple_type

    def call(self, inputs, state):
        batch_size = _v1.dimension_value(inputs.shape[0]) or _v1.shape(inputs)[0]
        outputs, states = [], []
        for block, block_inputs in enumerate(self._make_tf_features(inputs)):
            block_outputs, block_states = self._compute(block_inputs, block, state, batch_size)
            outputs.extend(block_outputs)
            states.extend(block_states)
        new_state = self._state_tuple_type(*states) if self._state_is_tuple else _v1.concat(states, 1)
        return _v1.concat(outputs, 1), new_state

    def _block_variables(self, block, input_size, dtype):
        gates = 3 if self._coupled else 4
        shape = [input_size + 2 * self._num_units, gates * self._num_units]
        zeros = _v1.zeros_initializer()
        found = {"w_f": sharded_matrix(f"W_f_{block}", shape, dtype, self._num_unit_shards),
                 "b_f": _v1.get_variable(f"B_f_{block}", shape=shape[1:], initializer=zeros, dtype=dtype)}
        if not self._share:
            found["w_t"] = sharded_matrix(f"W_t_{block}", shape, dtype, self._num_unit_shards)
            found["b_t"] = _v1.get_variable(f"B_t_{block}", shape=shape[1:], initializer=zeros, dtype=dtype)
        if self._use_peepholes:
            for direction in ("freq",) + (() if self._share else ("time",)):
                for gate in ("I", "O") + (() if self._coupled else ("F",)):
                    for source in ("f", "t"):
                        name = f"W_{gate}_diag_{direction}{source}_{block}"
                        found[name] = _v1.get_variable(name, shape=[self._num_units], dtype=dtype)
        return found

    def _split(self, matrix):
        parts = _v1.split(value=matrix, num_or_size_splits=3 if self._coupled else 4, axis=1)
        return _Gates(parts[0], parts[1], None, parts[2]) if self._coupled else _Gates(*parts)

    def _peep(self, found, gate, direction, c_freq, c_time, block):
        direction = "freq" if self._share else direction
        if not self._use_peepholes:
            return 0.0
        return (found[f"W_{gate}_diag_{direction}f_{block}"] * c_freq
                + found[f"W_{gate}_diag_{direction}t_{block}"] * c_time)

    def _new_cell(self, found, gates, direction, c_prev_freq, c_prev_time, c_own_prev, block):
        i_g = _v1.sigmoid(gates.i + self._peep(found, "I", direction, c_prev_freq, c_prev_time, block))
        if self._coupled:
            f_g = 1.0 - i_g
        else:
            f_g = _v1.sigmoid(gates.f + self._forget_bias
                              + self._peep(found, "F", direction, c_prev_freq, c_prev_time, block))
        c = f_g * c_own_prev + i_g * _v1.tanh(gates.j)
        if self._cell_clip is not None:
            c = _v1.clip_by_value(c, -self._cell_clip, self._cell_clip)
        return c

    def _previous_time_state(self, state, freq_index, block, state_prefix):
        if self._state_is_tuple:
            prefix = f"{state_prefix}_f{freq_index:02d}_b{block:02d}"
            return getattr(state, prefix + "_c"), getattr(state, prefix + "_m")
        width = self._num_units
        return (_v1.slice(state, [0, 2 * freq_index * width], [-1, width]),
                _v1.slice(state, [0, (2 * freq_index + 1) * width], [-1, width]))

    def _compute(self, freq_inputs, block, state, batch_size, state_prefix="state"):
        dtype = freq_inputs[0].dtype
        found = self._block_variables(block, freq_inputs[0].get_shape().as_list()[1], dtype)
        m_prev_freq = _v1.zeros([batch_size, self._num_units], dtype)
        c_prev_freq = _v1.zeros([batch_size, self._num_units], dtype)
        outputs, states = [], []
        for freq_index, freq_input in enumerate(freq_inputs):
            c_prev_time, m_prev_time = self._previous_time_state(state, freq_index, block, state_prefix)
            cell_inputs = _v1.concat([freq_input, m_prev_time, m_prev_freq], 1)
            freq_gates = self._split(_v1.nn.bias_add(_v1.matmul(cell_inputs, found["w_f"]), found["b_f"]))
            time_gates = freq_gates if self._share else self._split(
                _v1.nn.bias_add(_v1.matmul(cell_inputs, found["w_t"]), found["b_t"]))
            c_freq = self._new_cell(found, freq_gates, "freq", c_prev_freq, c_prev_time, c_prev_freq, block)
            c_time = self._new_cell(found, time_gates, "time", c_prev_freq, c_prev_time, c_prev_time, block)
            m_freq = _v1.sigmoid(freq_gates.o + self._peep(found, "O", "freq", c_freq, c_time, block)) \
                * _v1.tanh(c_freq)
            m_time = _v1.sigmoid(time_gates.o + self._peep(found, "O", "time", c_freq, c_time, block)) \
                * _v1.tanh(c_time)
            m_prev_freq, c_prev_freq = m_freq, c_freq
            states.extend([c_time, m_time])
            outputs.extend([m_time, m_freq])
        return outputs, states

    def _slices(self, inputs, start, count):
        return [_v1.slice(inputs, [0, start + f * self._frequency_skip], [-1, self._feature_size])
                for f in range(count)]

    def _make_tf_features(self, input_feat, slice_offset=0):
        """The frequency slices of each block; ``slice_offset`` shifts them (zero padding), for the
        backward half of ``BidirectionalGridLSTMCell``."""
        input_size = _v1.dimension_value(input_feat.get_shape().with_rank(2)[-1])
        if input_size is None:
            raise ValueError("Cannot infer input_size from static shape inference.")
        if slice_offset > 0:
            input_feat = _v1.pad(input_feat, [[0, 0], [0, slice_offset]])
        elif slice_offset < 0:
            input_feat, slice_offset = _v1.pad(input_feat, [[0, 0], [-slice_offset, 0]]), 0
        if not self._starts:
            if len(self._num_frequency_blocks) != 1:
                raise ValueError(f"Length of num_frequency_blocks is not 1, but instead is "
                                 f"{len(self._num_frequency_blocks)}")
            ranges = [(0, input_size)]
        else:
            if len(self._starts) != len(self._ends) or len(self._num_frequency_blocks) != len(self._starts):
                raise ValueError("start_freqindex_list, end_freqindex_list and num_frequency_blocks must have "
                                 f"the same length; got {len(self._starts)}, {len(self._ends)}, "
                                 f"{len(self._num_frequency_blocks)}")
            ranges = list(zip(self._starts, self._ends))
        blocks = []
        for block, (start, end) in enumerate(ranges):
            count = int((end - start - self._feature_size) / self._frequency_skip) + 1
            if count != self._num_frequency_blocks[block]:
                raise ValueError(f"Invalid num_frequency_blocks, requires {self._num_frequency_blocks[block]} but "
                                 f"gets {count}, please check the input size and filter config are correct.")
            blocks.append(self._slices(input_feat, start + slice_offset, count))
        return blocks


class BidirectionalGridLSTMCell(GridLSTMCell):
    """Grid LSTM run over the frequency slices forwards (scope ``fwd``) and backwards (``bwd``).

    The state is always a tuple with fields ``{fwd,bwd}_state_fXX_bYY_{c,m}``; the output concatenates
    both directions: [batch, 4 * units * blocks].
    """

    def __init__(self, num_units, use_peepholes=False, share_time_frequency_weights=False, cell_clip=None,
                 initializer=None, num_unit_shards=1, forget_bias=1.0, feature_size=None, frequency_skip=None,
                 num_frequency_blocks=None, start_freqindex_list=None, end_freqindex_list=None,
                 couple_input_forget_gates=False, backward_slice_offset=0, reuse=None):
        super().__init__(num_units, use_peepholes, share_time_frequency_weights, cell_clip, initializer,
                         num_unit_shards, forget_bias, feature_size, frequency_skip, num_frequency_blocks,
                         start_freqindex_list, end_freqindex_list, couple_input_forget_gates, True, reuse)
        self._backward_slice_offset = int(backward_slice_offset)
        names = [f"{direction}_state_f{f:02d}_b{b:02d}_{part}" for direction in ("fwd", "bwd")
                 for b, count in enumerate(num_frequency_blocks) for f in range(count) for part in ("c", "m")]
        self._state_tuple_type = collections.namedtuple("BidirectionalGridLSTMStateTuple", names)
        self._state_size = self._state_tuple_type(*([num_units, num_units] * self._total_blocks * 2))
        self._output_size = 2 * num_units * self._total_blocks * 2

    def _direction(self, name, blocks, state, batch_size, reverse):
        outputs, states = [], []
        with _v1.variable_scope(name):
            for block, block_inputs in enumerate(blocks):
                block_outputs, block_states = self._compute(block_inputs[::-1] if reverse else block_inputs,
                                                            block, state, batch_size, state_prefix=f"{name}_state")
                outputs.extend(block_outputs)
                states.extend(block_states)
        return outputs, states

    def call(self, inputs, state):
        batch_size = _v1.dimension_value(inputs.shape[0]) or _v1.shape(inputs)[0]
        forward = self._make_tf_features(inputs)
        backward = self._make_tf_features(inputs, self._backward_slice_offset) if self._backward_slice_offset \
            else forward
        fwd_outputs, fwd_states = self._direction("fwd", forward, state, batch_size, reverse=False)
        bwd_outputs, bwd_states = self._direction("bwd", backward, state, batch_size, reverse=True)
        return _v1.concat(fwd_outputs + bwd_outputs, 1), self._state_tuple_type(*(fwd_states + bwd_states))
