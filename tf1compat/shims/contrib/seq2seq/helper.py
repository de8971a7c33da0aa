"""The ``Helper`` interface and the inference helpers (greedy, sampling, custom) of TF 1.15's seq2seq."""
import abc

import tensorflow

from tf1compat.shims.contrib.seq2seq.structure import embedding_function

_v1 = tensorflow.compat.v1


class Helper(abc.ABC):
    """How a ``BasicDecoder`` picks ids from outputs and builds each step's next inputs."""

    @property
    @abc.abstractmethod
    def batch_size(self):
        """Batch size of the tensor ``sample`` returns (an int32 scalar)."""
        raise NotImplementedError("batch_size has not been implemented")

    @property
    @abc.abstractmethod
    def sample_ids_shape(self):
        """TensorShape of one example's ``sample`` result."""
        raise NotImplementedError("sample_ids_shape has not been implemented")

    @property
    @abc.abstractmethod
    def sample_ids_dtype(self):
        """DType of ``sample``'s result."""
        raise NotImplementedError("sample_ids_dtype has not been implemented")

    @abc.abstractmethod
    def initialize(self, name=None):
        """Returns ``(initial_finished, initial_inputs)``."""

    @abc.abstractmethod
    def sample(self, time, outputs, state, name=None):
        """Returns ``sample_ids``."""

    @abc.abstractmethod
    def next_inputs(self, time, outputs, state, sample_ids, name=None):
        """Returns ``(finished, next_inputs, next_state)``."""


class CustomHelper(Helper):
    """A helper built from three callables (``initialize_fn``, ``sample_fn``, ``next_inputs_fn``)."""

    def __init__(self, initialize_fn, sample_fn, next_inputs_fn, sample_ids_shape=None, sample_ids_dtype=None):
        self._initialize_fn = initialize_fn
        self._sample_fn = sample_fn
        self._next_inputs_fn = next_inputs_fn
        self._batch_size = None
        self._sample_ids_shape = _v1.TensorShape(sample_ids_shape or [])
        self._sample_ids_dtype = sample_ids_dtype or _v1.int32

    @property
    def batch_size(self):
        if self._batch_size is None:
            raise ValueError("batch_size accessed before initialize was called")
        return self._batch_size

    @property
    def sample_ids_shape(self):
        return self._sample_ids_shape

    @property
    def sample_ids_dtype(self):
        return self._sample_ids_dtype

    def initialize(self, name=None):
        with _v1.name_scope(name, f"{type(self).__name__}Initialize"):
            finished, next_inputs = self._initialize_fn()
            if self._batch_size is None:
                self._batch_size = _v1.size(finished)
        return finished, next_inputs

    def sample(self, time, outputs, state, name=None):
        with _v1.name_scope(name, f"{type(self).__name__}Sample", (time, outputs, state)):
            return self._sample_fn(time=time, outputs=outputs, state=state)

    def next_inputs(self, time, outputs, state, sample_ids, name=None):
        with _v1.name_scope(name, f"{type(self).__name__}NextInputs", (time, outputs, state)):
            return self._next_inputs_fn(time=time, outputs=outputs, state=state, sample_ids=sample_ids)


class ScalarIdsHelper(Helper):
    """A helper whose ``sample`` gives one int32 id per example, with ``self._batch_size`` set at construction."""

    @property
    def batch_size(self):
        return self._batch_size

    @property
    def sample_ids_shape(self):
        return _v1.TensorShape([])

    @property
    def sample_ids_dtype(self):
        return _v1.int32


class GreedyEmbeddingHelper(ScalarIdsHelper):
    """Inference: the argmax of the logits is the next id; its embedding is the next input."""

    def __init__(self, embedding, start_tokens, end_token):
        self._embedding_fn = embedding_function(embedding)
        self._start_tokens = _v1.convert_to_tensor(start_tokens, dtype=_v1.int32, name="start_tokens")
        self._end_token = _v1.convert_to_tensor(end_token, dtype=_v1.int32, name="end_token")
        if self._start_tokens.get_shape().ndims != 1:
            raise ValueError("start_tokens must be a vector")
        self._batch_size = _v1.size(start_tokens)
        if self._end_token.get_shape().ndims != 0:
            raise ValueError("end_token must be a scalar")
        self._start_inputs = self._embedding_fn(self._start_tokens)

    def initialize(self, name=None):
        return _v1.tile([False], [self._batch_size]), self._start_inputs

    def _logits(self, outputs):
        if not isinstance(outputs, tensorflow.Tensor):
            raise TypeError("Expected outputs to be a single Tensor, got: %s" % type(outputs))
        return outputs

    def sample(self, time, outputs, state, name=None):
        return _v1.cast(_v1.argmax(self._logits(outputs), axis=-1), _v1.int32)

    def next_inputs(self, time, outputs, state, sample_ids, name=None):
        finished = _v1.equal(sample_ids, self._end_token)
        # Once all are finished the next inputs are never read; the start inputs stand in.
        next_inputs = _v1.cond(_v1.reduce_all(finished), lambda: self._start_inputs,
                               lambda: self._embedding_fn(sample_ids))
        return finished, next_inputs, state


class SampleEmbeddingHelper(GreedyEmbeddingHelper):
    """Inference: the next id is sampled from softmax(logits / softmax_temperature)."""

    def __init__(self, embedding, start_tokens, end_token, softmax_temperature=None, seed=None):
        super().__init__(embedding, start_tokens, end_token)
        self._softmax_temperature = softmax_temperature
        self._seed = seed

    def sample(self, time, outputs, state, name=None):
        logits = self._logits(outputs)
        if self._softmax_temperature is not None:
            logits = logits / self._softmax_temperature
        return _v1.reshape(_v1.random.categorical(logits, 1, dtype=_v1.int32, seed=self._seed), [-1])


class InferenceHelper(Helper):
    """Inference with a custom ``sample_fn``; ``end_fn`` says which samples end their sequence."""

    def __init__(self, sample_fn, sample_shape, sample_dtype, start_inputs, end_fn, next_inputs_fn=None):
        self._sample_fn = sample_fn
        self._end_fn = end_fn
        self._sample_shape = _v1.TensorShape(sample_shape)
        self._sample_dtype = sample_dtype
        self._next_inputs_fn = next_inputs_fn
        self._batch_size = _v1.shape(start_inputs)[0]
        self._start_inputs = _v1.convert_to_tensor(start_inputs, name="start_inputs")

    @property
    def batch_size(self):
        return self._batch_size

    @property
    def sample_ids_shape(self):
        return self._sample_shape

    @property
    def sample_ids_dtype(self):
        return self._sample_dtype

    def initialize(self, name=None):
        return _v1.tile([False], [self._batch_size]), self._start_inputs

    def sample(self, time, outputs, state, name=None):
        return self._sample_fn(outputs)

    def next_inputs(self, time, outputs, state, sample_ids, name=None):
        next_inputs = sample_ids if self._next_inputs_fn is None else self._next_inputs_fn(sample_ids)
        return self._end_fn(sample_ids), next_inputs, state
