"""TF 1.15's fused-RNN interface: FusedRNNCell, FusedRNNCellAdaptor and TimeReversedFusedRNN.

A fused cell runs a whole time-major sequence: ``cell(inputs [T, B, I] or a list of [B, I],
initial_state=None, dtype=None, sequence_length=None, scope=None) -> (outputs, final_state)``.
"""
import abc

import tensorflow

_v1 = tensorflow.compat.v1


class FusedRNNCell(abc.ABC):
    """The abstract fused cell (``LSTMBlockFusedCell`` follows the same call convention)."""

    @abc.abstractmethod
    def __call__(self, inputs, initial_state=None, dtype=None, sequence_length=None, scope=None):
        """Run the whole sequence; return ``(outputs, final_state)``."""


class FusedRNNCellAdaptor(FusedRNNCell):
    """Runs an ordinary ``RNNCell`` as a fused cell, with ``static_rnn`` or (``use_dynamic_rnn``) ``dynamic_rnn``."""

    def __init__(self, cell, use_dynamic_rnn=False):
        self._cell = cell
        self._use_dynamic_rnn = use_dynamic_rnn

    def __call__(self, inputs, initial_state=None, dtype=None, sequence_length=None, scope=None):
        is_list = isinstance(inputs, list)
        if self._use_dynamic_rnn:
            outputs, state = _v1.nn.dynamic_rnn(self._cell, _v1.stack(inputs) if is_list else inputs,
                                                sequence_length=sequence_length, initial_state=initial_state,
                                                dtype=dtype, time_major=True, scope=scope)
            return (_v1.unstack(outputs) if is_list else outputs), state
        outputs, state = _v1.nn.static_rnn(self._cell, inputs if is_list else _v1.unstack(inputs),
                                           initial_state=initial_state, dtype=dtype,
                                           sequence_length=sequence_length, scope=scope)
        return (outputs if is_list else _v1.stack(outputs)), state


class TimeReversedFusedRNN(FusedRNNCell):
    """Runs a fused cell on the time-reversed sequence (each sequence reversed within its length) and
    reverses its outputs back: the backward half of a bidirectional fused RNN."""

    def __init__(self, cell):
        self._cell = cell

    @staticmethod
    def _reverse(tensor, lengths):
        if isinstance(tensor, list):
            return list(reversed(tensor))
        if lengths is None:
            return _v1.reverse_v2(tensor, [0])
        return _v1.reverse_sequence(tensor, lengths, 0, 1)

    def __call__(self, inputs, initial_state=None, dtype=None, sequence_length=None, scope=None):
        outputs, state = self._cell(self._reverse(inputs, sequence_length), initial_state=initial_state,
                                    dtype=dtype, sequence_length=sequence_length, scope=scope)
        return self._reverse(outputs, sequence_length), state
