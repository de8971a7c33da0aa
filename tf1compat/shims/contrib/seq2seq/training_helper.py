"""The training helpers of TF 1.15's seq2seq: teacher forcing, and the two scheduled-sampling variants."""
import tensorflow

from tf1compat.shims.contrib.seq2seq.helper import ScalarIdsHelper
from tf1compat.shims.contrib.seq2seq.structure import embedding_function, transpose_batch_time

_v1 = tensorflow.compat.v1
nest = tensorflow.nest


def _unstack_time(tensor):
    array = _v1.TensorArray(dtype=tensor.dtype, size=_v1.shape(tensor)[0], element_shape=tensor.get_shape()[1:])
    return array.unstack(tensor)


def _checked_probability(sampling_probability):
    probability = _v1.convert_to_tensor(sampling_probability, name="sampling_probability")
    if probability.get_shape().ndims not in (0, 1):
        raise ValueError("sampling_probability must be either a scalar or a vector. "
                         "saw shape: %s" % probability.get_shape())
    return probability


def _scatter_merge(where_sampling, sampled, where_not_sampling, kept, like):
    # Put the sampled rows and the kept rows back at their batch positions.
    shape = _v1.shape(like)
    return (_v1.scatter_nd(indices=where_sampling, updates=sampled, shape=shape)
            + _v1.scatter_nd(indices=where_not_sampling, updates=kept, shape=shape))


class TrainingHelper(ScalarIdsHelper):
    """Teacher forcing: step t reads ``inputs[:, t]``; sample ids are the argmax of the outputs."""

    def __init__(self, inputs, sequence_length, time_major=False, name=None):
        with _v1.name_scope(name, "TrainingHelper", [inputs, sequence_length]):
            inputs = _v1.convert_to_tensor(inputs, name="inputs")
            if not time_major:
                inputs = nest.map_structure(transpose_batch_time, inputs)
            self._input_tas = nest.map_structure(_unstack_time, inputs)
            self._sequence_length = _v1.convert_to_tensor(sequence_length, name="sequence_length")
            if self._sequence_length.get_shape().ndims != 1:
                raise ValueError("Expected sequence_length to be a vector, but received shape: %s"
                                 % self._sequence_length.get_shape())
            self._zero_inputs = nest.map_structure(lambda inp: _v1.zeros_like(inp[0, :]), inputs)
            self._batch_size = _v1.size(sequence_length)

    def _inputs_at(self, time, finished):
        return _v1.cond(_v1.reduce_all(finished), lambda: self._zero_inputs,
                        lambda: nest.map_structure(lambda ta: ta.read(time), self._input_tas))

    def initialize(self, name=None):
        with _v1.name_scope(name, "TrainingHelperInitialize"):
            finished = _v1.equal(0, self._sequence_length)
            return finished, self._inputs_at(0, finished)

    def sample(self, time, outputs, name=None, **unused_kwargs):
        with _v1.name_scope(name, "TrainingHelperSample", [time, outputs]):
            return _v1.cast(_v1.argmax(outputs, axis=-1), _v1.int32)

    def next_inputs(self, time, outputs, state, name=None, **unused_kwargs):
        with _v1.name_scope(name, "TrainingHelperNextInputs", [time, outputs, state]):
            next_time = time + 1
            finished = next_time >= self._sequence_length
            return finished, self._inputs_at(next_time, finished), state


class ScheduledEmbeddingTrainingHelper(TrainingHelper):
    """Teacher forcing where, with ``sampling_probability``, the input is the embedding of a sampled id.

    Sample ids are -1 where the ground-truth input was kept.
    """

    def __init__(self, inputs, sequence_length, embedding, sampling_probability, time_major=False, seed=None,
                 scheduling_seed=None, name=None):
        with _v1.name_scope(name, "ScheduledEmbeddingSamplingWrapper", [embedding, sampling_probability]):
            self._embedding_fn = embedding_function(embedding)
            self._sampling_probability = _checked_probability(sampling_probability)
            self._seed = seed
            self._scheduling_seed = scheduling_seed
            super().__init__(inputs=inputs, sequence_length=sequence_length, time_major=time_major, name=name)

    def sample(self, time, outputs, state, name=None):
        with _v1.name_scope(name, "ScheduledEmbeddingTrainingHelperSample", [time, outputs, state]):
            noise = _v1.random_uniform([self.batch_size], seed=self._scheduling_seed)
            select = self._sampling_probability > noise
            sampled = _v1.reshape(_v1.random.categorical(outputs, 1, dtype=_v1.int32, seed=self._seed), [-1])
            return _v1.where(select, sampled, _v1.fill([self.batch_size], -1))

    def next_inputs(self, time, outputs, state, sample_ids, name=None):
        with _v1.name_scope(name, "ScheduledEmbeddingTrainingHelperSample", [time, outputs, state, sample_ids]):
            finished, base_inputs, state = super().next_inputs(time=time, outputs=outputs, state=state,
                                                               sample_ids=sample_ids, name=name)

            def maybe_sample():
                where_sampling = _v1.cast(_v1.where(sample_ids > -1), _v1.int32)
                where_not_sampling = _v1.cast(_v1.where(sample_ids <= -1), _v1.int32)
                sampled = self._embedding_fn(_v1.gather_nd(sample_ids, where_sampling))
                kept = _v1.gather_nd(base_inputs, where_not_sampling)
                return _scatter_merge(where_sampling, sampled, where_not_sampling, kept, base_inputs)

            next_inputs = _v1.cond(_v1.reduce_all(finished), lambda: base_inputs, maybe_sample)
            return finished, next_inputs, state


class ScheduledOutputTrainingHelper(TrainingHelper):
    """Teacher forcing where, with ``sampling_probability``, the input is the previous output itself.

    ``next_inputs_fn`` maps the outputs to inputs; ``auxiliary_inputs`` are concatenated to both.
    Sample ids are booleans (True where the output was fed back).
    """

    def __init__(self, inputs, sequence_length, sampling_probability, time_major=False, seed=None,
                 next_inputs_fn=None, auxiliary_inputs=None, name=None):
        with _v1.name_scope(name, "ScheduledOutputTrainingHelper", [inputs, auxiliary_inputs, sampling_probability]):
            self._sampling_probability = _checked_probability(sampling_probability)
            if auxiliary_inputs is None:
                joined_inputs = inputs
            else:
                inputs = _v1.convert_to_tensor(inputs, name="inputs")
                auxiliary_inputs = _v1.convert_to_tensor(auxiliary_inputs, name="auxiliary_inputs")
                joined_inputs = nest.map_structure(lambda x, y: _v1.concat((x, y), -1), inputs, auxiliary_inputs)
                if not time_major:
                    auxiliary_inputs = nest.map_structure(transpose_batch_time, auxiliary_inputs)
            self._auxiliary_input_tas = (None if auxiliary_inputs is None
                                         else nest.map_structure(_unstack_time, auxiliary_inputs))
            self._seed = seed
            self._next_inputs_fn = next_inputs_fn
            super().__init__(inputs=joined_inputs, sequence_length=sequence_length, time_major=time_major, name=name)

    def sample(self, time, outputs, state, name=None):
        with _v1.name_scope(name, "ScheduledOutputTrainingHelperSample", [time, outputs, state]):
            noise = _v1.random_uniform([self.batch_size], seed=self._seed)
            return _v1.cast(noise < self._sampling_probability, _v1.int32)

    def _with_auxiliary(self, time, outputs, indices=None):
        if self._auxiliary_input_tas is None:
            return outputs
        auxiliary = nest.map_structure(lambda ta: ta.read(time + 1), self._auxiliary_input_tas)
        if indices is not None:
            auxiliary = _v1.gather_nd(auxiliary, indices)
        return nest.map_structure(lambda x, y: _v1.concat((x, y), -1), outputs, auxiliary)

    def next_inputs(self, time, outputs, state, sample_ids, name=None):
        with _v1.name_scope(name, "ScheduledOutputTrainingHelperNextInputs", [time, outputs, state, sample_ids]):
            finished, base_inputs, state = super().next_inputs(time=time, outputs=outputs, state=state,
                                                               sample_ids=sample_ids, name=name)
            chosen = _v1.cast(sample_ids, _v1.bool)

            def maybe_sample():
                if self._next_inputs_fn is None:
                    return _v1.where(chosen, self._with_auxiliary(time, outputs), base_inputs)
                where_sampling = _v1.cast(_v1.where(chosen), _v1.int32)
                where_not_sampling = _v1.cast(_v1.where(_v1.logical_not(chosen)), _v1.int32)
                sampled = self._with_auxiliary(
                    time, self._next_inputs_fn(_v1.gather_nd(outputs, where_sampling)), where_sampling)
                kept = _v1.gather_nd(base_inputs, where_not_sampling)
                return _scatter_merge(where_sampling, sampled, where_not_sampling, kept, base_inputs)

            skip = _v1.logical_or(_v1.reduce_all(finished), _v1.logical_not(_v1.reduce_any(chosen)))
            next_inputs = _v1.cond(skip, lambda: base_inputs, maybe_sample)
            return finished, next_inputs, state
