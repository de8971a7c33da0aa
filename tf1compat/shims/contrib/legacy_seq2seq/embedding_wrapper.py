"""The cell legacy_seq2seq's encoders use: an ``embedding`` lookup of integer ids before the wrapped RNN cell."""
import math

import tensorflow

_v1 = tensorflow.compat.v1


class EmbeddingWrapper(_v1.nn.rnn_cell.RNNCell):
    """Embeds [batch] int ids (variable ``embedding_wrapper/embedding``), then runs ``cell`` (TF 1.15 contrib).

    The embedding's initializer is ``initializer``, else the variable scope's, else
    uniform(-sqrt(3), sqrt(3)) (variance 1), as in TF 1.15.
    """

    def __init__(self, cell, embedding_classes, embedding_size, initializer=None, reuse=None):
        super().__init__(_reuse=reuse)
        if not all(hasattr(cell, name) for name in ("output_size", "state_size", "zero_state", "__call__")):
            raise TypeError(f"`EmbeddingWrapper` cell must be an RNNCell; got {type(cell).__name__}")
        if embedding_classes <= 0 or embedding_size <= 0:
            raise ValueError("`EmbeddingWrapper` embedding_classes and embedding_size must be > 0; "
                             f"got {embedding_classes}, {embedding_size}")
        self._cell = cell
        self._embedding_classes = embedding_classes
        self._embedding_size = embedding_size
        self._initializer = initializer

    @property
    def state_size(self):
        return self._cell.state_size

    @property
    def output_size(self):
        return self._cell.output_size

    def zero_state(self, batch_size, dtype):
        with _v1.name_scope(type(self).__name__ + "ZeroState", values=[batch_size]):
            return self._cell.zero_state(batch_size, dtype)

    def _embedding_initializer(self):
        if self._initializer:
            return self._initializer
        if _v1.get_variable_scope().initializer:
            return _v1.get_variable_scope().initializer
        return _v1.random_uniform_initializer(-math.sqrt(3), math.sqrt(3))

    def call(self, inputs, state):
        dtype = tensorflow.nest.flatten(state)[0].dtype
        with _v1.device("/cpu:0"):
            embedding = _v1.get_variable("embedding", [self._embedding_classes, self._embedding_size],
                                         initializer=self._embedding_initializer(), dtype=dtype)
            embedded = _v1.nn.embedding_lookup(embedding, _v1.reshape(inputs, [-1]))
            return self._cell(embedded, state)
