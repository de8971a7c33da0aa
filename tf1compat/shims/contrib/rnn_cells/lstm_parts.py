"""Pieces TF 1.15's contrib LSTM cells share: size properties, peepholes, clipping and the peephole LSTM update."""
import tensorflow

from tf1compat.shims.contrib.rnn_cells.layers import LSTMStateTuple

_v1 = tensorflow.compat.v1


class StoredSizes:
    """Cell mixin: ``state_size``/``output_size`` are ``self._state_size``/``self._output_size`` set in ``__init__``."""

    @property
    def state_size(self):
        return self._state_size

    @property
    def output_size(self):
        return self._output_size


class UnitSizes:
    """Cell mixin: state and output are both ``self._num_units`` wide."""

    @property
    def state_size(self):
        return self._num_units

    @property
    def output_size(self):
        return self._num_units


class LSTMUnitSizes(UnitSizes):
    """Cell mixin: state ``LSTMStateTuple(num_units, num_units)``, output ``num_units``."""

    @property
    def state_size(self):
        return LSTMStateTuple(self._num_units, self._num_units)


def projected_sizes(num_units, num_proj):
    """``(state_size, output_size)`` of an LSTM whose output is projected to ``num_proj`` (if given)."""
    width = num_proj or num_units
    return LSTMStateTuple(num_units, width), width


def known_depth(inputs_shape):
    """The static ``inputs_shape[1]`` of a Keras-built cell; ValueError (TF1's message) if unknown."""
    depth = _v1.dimension_value(inputs_shape[1])
    if depth is None:
        raise ValueError(f"Expected inputs.shape[-1] to be known, saw shape: {inputs_shape}")
    return depth


def clip(value, limit):
    """``value`` clipped to ``[-limit, limit]``, or unchanged when ``limit`` is None."""
    return value if limit is None else _v1.clip_by_value(value, -limit, limit)


def peepholes(num_units, dtype, enabled=True):
    """The peephole vectors ``w_f_diag``, ``w_i_diag``, ``w_o_diag`` (created in that order), or None."""
    if not enabled:
        return None
    return {name: _v1.get_variable(name, shape=[num_units], dtype=dtype)
            for name in ("w_f_diag", "w_i_diag", "w_o_diag")}


def peephole_lstm_update(gates, c_prev, peep, forget_bias, activation, cell_clip, norm=None):
    """``(c, m)`` of ``LSTMCell`` from gates ``(i, j, f, o)``; ``norm`` (e.g. layer norm) applies to c before clipping."""
    i, j, f, o = gates
    sigmoid = _v1.sigmoid
    if peep:
        i, f = i + peep["w_i_diag"] * c_prev, f + peep["w_f_diag"] * c_prev
    c = sigmoid(f + forget_bias) * c_prev + sigmoid(i) * activation(j)
    if norm is not None:
        c = norm(c)
    c = clip(c, cell_clip)
    m = sigmoid(o + peep["w_o_diag"] * c if peep else o) * activation(c)
    return c, m
