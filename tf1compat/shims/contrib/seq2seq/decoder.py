"""``Decoder`` (the interface) and ``dynamic_decode`` (the while loop that runs one), as in TF 1.15."""
import abc

import tensorflow
from tensorflow.python.ops import control_flow_util

from tf1compat.shims.contrib.seq2seq.structure import static_value, transpose_batch_time, zero_tensors

_v1 = tensorflow.compat.v1
nest = tensorflow.nest


class Decoder(abc.ABC):
    """An RNN decoder: ``initialize`` once, ``step`` per time step, optionally ``finalize``."""

    @property
    def batch_size(self):
        """The batch size of input values."""
        raise NotImplementedError

    @property
    def output_size(self):
        """A (nested) int or TensorShape: the size of one example's outputs per step."""
        raise NotImplementedError

    @property
    def output_dtype(self):
        """A (nested) dtype matching ``output_size``."""
        raise NotImplementedError

    @abc.abstractmethod
    def initialize(self, name=None):
        """Returns ``(finished, initial_inputs, initial_state)``."""
        raise NotImplementedError

    @abc.abstractmethod
    def step(self, time, inputs, state, name=None):
        """Returns ``(outputs, next_state, next_inputs, finished)``."""
        raise NotImplementedError

    def finalize(self, outputs, final_state, sequence_lengths):
        """Returns ``(final_outputs, final_state)``; optional (NotImplementedError skips it)."""
        raise NotImplementedError

    @property
    def tracks_own_finished(self):
        """Whether ``step``'s ``finished`` already includes earlier steps (beam search reorders beams)."""
        return False


def _output_array(decoder, size, dtype):
    # As TF1: only a non-scalar TensorShape gives the array a static element shape.
    shape = _v1.TensorShape(None)
    if isinstance(size, _v1.TensorShape) and size.ndims != 0:
        batch = static_value(_v1.convert_to_tensor(decoder.batch_size, name="batch_size"))
        shape = _v1.TensorShape([batch]).concatenate(size)
    return _v1.TensorArray(dtype=dtype, size=0, dynamic_size=True, element_shape=shape)


def _keep_finished_state(finished):
    def keep(new, current):
        if isinstance(current, _v1.TensorArray):
            return new
        new.set_shape(current.shape)
        return new if new.shape.ndims == 0 else _v1.where(finished, current, new)
    return keep


def _loop_body(decoder, impute_finished, zero_outputs):
    def body(time, outputs_ta, state, inputs, finished, sequence_lengths):
        outputs, decoder_state, next_inputs, decoder_finished = decoder.step(time, inputs, state)
        if decoder.tracks_own_finished:
            next_finished = decoder_finished
        else:
            next_finished = _v1.logical_or(decoder_finished, finished)
        next_lengths = _v1.where(_v1.logical_not(finished),
                                 _v1.fill(_v1.shape(sequence_lengths), time + 1), sequence_lengths)
        nest.assert_same_structure(state, decoder_state)
        nest.assert_same_structure(outputs_ta, outputs)
        nest.assert_same_structure(inputs, next_inputs)
        if impute_finished:
            outputs = nest.map_structure(lambda out, zero: _v1.where(finished, zero, out), outputs, zero_outputs)
            decoder_state = nest.map_structure(_keep_finished_state(finished), decoder_state, state)
        outputs_ta = nest.map_structure(lambda ta, out: ta.write(time, out), outputs_ta, outputs)
        return time + 1, outputs_ta, decoder_state, next_inputs, next_finished, next_lengths
    return body


def _checked_maximum(maximum_iterations):
    if maximum_iterations is None:
        return None
    maximum_iterations = _v1.convert_to_tensor(maximum_iterations, dtype=_v1.int32, name="maximum_iterations")
    if maximum_iterations.get_shape().ndims != 0:
        raise ValueError("maximum_iterations must be a scalar")
    return maximum_iterations


def dynamic_decode(decoder, output_time_major=False, impute_finished=False, maximum_iterations=None,
                   parallel_iterations=32, swap_memory=False, scope=None):
    """Run ``decoder`` in a ``tf.while_loop`` until every sequence is finished.

    Args:
        decoder: a ``Decoder``.
        output_time_major: return outputs [time, batch, ...] instead of [batch, time, ...].
        impute_finished: zero the outputs and copy the states of finished batch entries through.
        maximum_iterations: int32 scalar, the most steps to decode (None: until all finished).
        parallel_iterations, swap_memory: passed to ``tf.while_loop``.
        scope: variable scope (default ``"decoder"``).

    Returns:
        ``(final_outputs, final_state, final_sequence_lengths)``.

    Raises:
        TypeError: ``decoder`` is not a ``Decoder``.
        ValueError: ``maximum_iterations`` is not a scalar.
    """
    if not isinstance(decoder, Decoder):
        raise TypeError("Expected decoder to be type Decoder, but saw: %s" % type(decoder))
    with _v1.variable_scope(scope, "decoder") as varscope:
        context = _v1.get_default_graph()._get_control_flow_context()  # pylint: disable=protected-access
        if control_flow_util.GetContainingWhileContext(context) is None and varscope.caching_device is None:
            # As TF1: read each variable once per step, not once per use (not inside an outer loop).
            varscope.set_caching_device(lambda op: op.device)
        maximum_iterations = _checked_maximum(maximum_iterations)
        initial_finished, initial_inputs, initial_state = decoder.initialize()
        zero_outputs = nest.map_structure(lambda size, dtype: zero_tensors(size, decoder.batch_size, dtype),
                                          decoder.output_size, decoder.output_dtype)
        if maximum_iterations is not None:
            initial_finished = _v1.logical_or(initial_finished, 0 >= maximum_iterations)
        initial_lengths = _v1.zeros_like(initial_finished, dtype=_v1.int32)
        outputs_ta = nest.map_structure(lambda size, dtype: _output_array(decoder, size, dtype),
                                        decoder.output_size, decoder.output_dtype)
        result = _v1.while_loop(
            lambda *loop_vars: _v1.logical_not(_v1.reduce_all(loop_vars[4])),
            _loop_body(decoder, impute_finished, zero_outputs),
            loop_vars=(_v1.constant(0, dtype=_v1.int32), outputs_ta, initial_state, initial_inputs,
                       initial_finished, initial_lengths),
            parallel_iterations=parallel_iterations, maximum_iterations=maximum_iterations,
            swap_memory=swap_memory)
        final_state, final_lengths = result[2], result[5]
        final_outputs = nest.map_structure(lambda ta: ta.stack(), result[1])
        try:
            final_outputs, final_state = decoder.finalize(final_outputs, final_state, final_lengths)
        except NotImplementedError:
            pass
        if not output_time_major:
            final_outputs = nest.map_structure(transpose_batch_time, final_outputs)
    return final_outputs, final_state, final_lengths
