"""``AttentionWrapper``: an RNN cell that attends over a memory at every step (TF 1.15 semantics and names)."""
import collections

import tensorflow

from tf1compat.shims.contrib.seq2seq.attention_mechanism import AttentionMechanism
from tf1compat.shims.contrib.seq2seq.structure import check_cell, dimension, zero_tensors

_v1 = tensorflow.compat.v1
nest = tensorflow.nest
_BATCH_MISMATCH = ("Non-matching batch sizes between the memory (encoder output) and {what}.  Are you using the "
                   "BeamSearchDecoder?  You may need to tile your memory, initial state and the batch_size= "
                   "of zero_state via the tf.contrib.seq2seq.tile_batch function with argument multiple=beam_width.")


class AttentionWrapperState(collections.namedtuple("AttentionWrapperState", (
        "cell_state", "attention", "time", "alignments", "alignment_history", "attention_state"))):
    """The state of an ``AttentionWrapper``: the wrapped cell's state plus the attention bookkeeping."""

    def clone(self, **kwargs):
        """A copy with ``kwargs`` fields replaced (tensors keep the static shapes of the old ones)."""
        def same_shape(old, new):
            if isinstance(old, tensorflow.Tensor) and isinstance(new, tensorflow.Tensor):
                new.set_shape(old.shape)
            return new
        return nest.map_structure(same_shape, self, super()._replace(**kwargs))


def hardmax(logits, name=None):
    """One-hot vectors at each row's largest logit (same dtype as ``logits``)."""
    with _v1.name_scope(name, "Hardmax", [logits]):
        logits = _v1.convert_to_tensor(logits, name="logits")
        return _v1.one_hot(_v1.argmax(logits, -1), dimension(logits, -1), dtype=logits.dtype)


def _compute_attention(attention_mechanism, cell_output, attention_state, attention_layer):
    """``(attention, alignments, next_attention_state)`` for one mechanism."""
    alignments, next_attention_state = attention_mechanism(cell_output, state=attention_state)
    context = _v1.squeeze(_v1.matmul(_v1.expand_dims(alignments, 1), attention_mechanism.values), [1])
    attention = attention_layer(_v1.concat([cell_output, context], 1)) if attention_layer is not None else context
    return attention, alignments, next_attention_state


def _attention_layers(cell, mechanisms, attention_layer_size, attention_layer):
    # (layers or None, total attention size)
    if attention_layer_size is not None and attention_layer is not None:
        raise ValueError("Only one of attention_layer_size and attention_layer should be set")
    if attention_layer_size is not None:
        sizes = tuple(attention_layer_size if isinstance(attention_layer_size, (list, tuple))
                      else (attention_layer_size,))
        if len(sizes) != len(mechanisms):
            raise ValueError("If provided, attention_layer_size must contain exactly one integer per "
                             "attention_mechanism, saw: %d vs %d" % (len(sizes), len(mechanisms)))
        layers = tuple(_v1.layers.Dense(size, name="attention_layer", use_bias=False, dtype=mechanism.dtype)
                       for size, mechanism in zip(sizes, mechanisms))
        return layers, sum(sizes)
    if attention_layer is not None:
        layers = tuple(attention_layer if isinstance(attention_layer, (list, tuple)) else (attention_layer,))
        if len(layers) != len(mechanisms):
            raise ValueError("If provided, attention_layer must contain exactly one layer per "
                             "attention_mechanism, saw: %d vs %d" % (len(layers), len(mechanisms)))
        total = sum(tensorflow.compat.dimension_value(layer.compute_output_shape(
            [None, cell.output_size + tensorflow.compat.dimension_value(mechanism.values.shape[-1])])[-1])
            for layer, mechanism in zip(layers, mechanisms))
        return layers, total
    return None, sum(tensorflow.compat.dimension_value(m.values.shape[-1]) for m in mechanisms)


def _mechanisms(attention_mechanism):
    many = isinstance(attention_mechanism, (list, tuple))
    mechanisms = tuple(attention_mechanism) if many else (attention_mechanism,)
    for mechanism in mechanisms:
        if not isinstance(mechanism, AttentionMechanism):
            raise TypeError("attention_mechanism must be an AttentionMechanism or list of multiple "
                            "AttentionMechanism instances, saw type: %s" % type(mechanism).__name__)
    return many, mechanisms


class AttentionWrapper(_v1.nn.rnn_cell.RNNCell):
    """Wraps ``cell``: its input is [inputs, previous attention]; its output attends over the memory."""

    def __init__(self, cell, attention_mechanism, attention_layer_size=None, alignment_history=False,
                 cell_input_fn=None, output_attention=True, initial_cell_state=None, name=None,
                 attention_layer=None, attention_fn=None):
        super().__init__(name=name)
        check_cell("cell", cell)
        self._is_multi, self._attention_mechanisms = _mechanisms(attention_mechanism)
        if cell_input_fn is None:
            cell_input_fn = lambda inputs, attention: _v1.concat([inputs, attention], -1)  # noqa: E731
        elif not callable(cell_input_fn):
            raise TypeError("cell_input_fn must be callable, saw type: %s" % type(cell_input_fn).__name__)
        self._attention_layers, self._attention_layer_size = _attention_layers(
            cell, self._attention_mechanisms, attention_layer_size, attention_layer)
        self._attention_fn = attention_fn or _compute_attention
        self._cell = cell
        self._cell_input_fn = cell_input_fn
        self._output_attention = output_attention
        self._alignment_history = alignment_history
        self._initial_cell_state = None
        if initial_cell_state is not None:
            with _v1.name_scope(name, "AttentionWrapperInit"):
                last = nest.flatten(initial_cell_state)[-1]
                message = f"When constructing AttentionWrapper {self._base_name}: " + _BATCH_MISMATCH.format(
                    what="initial_cell_state")
                with _v1.control_dependencies(self._batch_size_checks(dimension(last, 0), message)):
                    self._initial_cell_state = nest.map_structure(
                        lambda s: _v1.identity(s, name="check_initial_cell_state"), initial_cell_state)

    def _batch_size_checks(self, batch_size, message):
        return [_v1.assert_equal(batch_size, mechanism.batch_size, message=message)
                for mechanism in self._attention_mechanisms]

    def _item_or_tuple(self, seq):
        items = tuple(seq)
        return items if self._is_multi else items[0]

    @property
    def output_size(self):
        return self._attention_layer_size if self._output_attention else self._cell.output_size

    @property
    def state_size(self):
        mechanisms = self._attention_mechanisms
        return AttentionWrapperState(
            cell_state=self._cell.state_size, time=_v1.TensorShape([]), attention=self._attention_layer_size,
            alignments=self._item_or_tuple(m.alignments_size for m in mechanisms),
            attention_state=self._item_or_tuple(m.state_size for m in mechanisms),
            alignment_history=self._item_or_tuple(m.alignments_size if self._alignment_history else ()
                                                  for m in mechanisms))

    def zero_state(self, batch_size, dtype):
        """The initial state for ``batch_size`` (use batch_size * beam_width with a BeamSearchDecoder)."""
        with _v1.name_scope(type(self).__name__ + "ZeroState", values=[batch_size]):
            cell_state = self._initial_cell_state
            if cell_state is None:
                cell_state = self._cell.zero_state(batch_size, dtype)
            message = (f"When calling zero_state of AttentionWrapper {self._base_name}: "
                       + _BATCH_MISMATCH.format(what="the requested batch size"))
            with _v1.control_dependencies(self._batch_size_checks(batch_size, message)):
                cell_state = nest.map_structure(lambda s: _v1.identity(s, name="checked_cell_state"), cell_state)
            alignments = [m.initial_alignments(batch_size, dtype) for m in self._attention_mechanisms]
            return AttentionWrapperState(
                cell_state=cell_state, time=_v1.zeros([], dtype=_v1.int32),
                attention=zero_tensors(self._attention_layer_size, batch_size, dtype),
                alignments=self._item_or_tuple(alignments),
                attention_state=self._item_or_tuple(m.initial_state(batch_size, dtype)
                                                    for m in self._attention_mechanisms),
                alignment_history=self._item_or_tuple(
                    _v1.TensorArray(dtype, size=0, dynamic_size=True, element_shape=a.shape)
                    if self._alignment_history else () for a in alignments))

    def call(self, inputs, state):
        """One step: run the cell on [inputs, previous attention], then attend with its output."""
        if not isinstance(state, AttentionWrapperState):
            raise TypeError("Expected state to be instance of AttentionWrapperState. "
                            "Received type %s instead." % type(state))
        cell_output, next_cell_state = self._cell(self._cell_input_fn(inputs, state.attention), state.cell_state)
        message = f"When applying AttentionWrapper {self.name}: " + _BATCH_MISMATCH.format(
            what="the query (decoder output)")
        with _v1.control_dependencies(self._batch_size_checks(dimension(cell_output, 0), message)):
            cell_output = _v1.identity(cell_output, name="checked_cell_output")
        states = state.attention_state if self._is_multi else [state.attention_state]
        histories = state.alignment_history if self._is_multi else [state.alignment_history]
        attentions, all_alignments, next_states, next_histories = [], [], [], []
        for i, mechanism in enumerate(self._attention_mechanisms):
            layer = self._attention_layers[i] if self._attention_layers else None
            attention, alignments, next_attention_state = self._attention_fn(mechanism, cell_output, states[i], layer)
            attentions.append(attention)
            all_alignments.append(alignments)
            next_states.append(next_attention_state)
            next_histories.append(histories[i].write(state.time, alignments) if self._alignment_history else ())
        attention = _v1.concat(attentions, 1)
        next_state = AttentionWrapperState(
            time=state.time + 1, cell_state=next_cell_state, attention=attention,
            attention_state=self._item_or_tuple(next_states), alignments=self._item_or_tuple(all_alignments),
            alignment_history=self._item_or_tuple(next_histories))
        return (attention if self._output_attention else cell_output), next_state
