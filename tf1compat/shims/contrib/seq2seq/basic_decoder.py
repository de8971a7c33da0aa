"""``BasicDecoder``: one RNN cell step, an optional output layer, then the helper's sampling (TF 1.15)."""
import collections

import tensorflow

from tf1compat.shims.contrib.seq2seq.decoder import Decoder
from tf1compat.shims.contrib.seq2seq.helper import Helper
from tf1compat.shims.contrib.seq2seq.structure import check_cell, check_layer, layer_output_size

_v1 = tensorflow.compat.v1
nest = tensorflow.nest


class BasicDecoderOutput(collections.namedtuple("BasicDecoderOutput", ("rnn_output", "sample_id"))):
    """One step's (or, stacked, every step's) outputs of a ``BasicDecoder``."""


class BasicDecoder(Decoder):
    """Basic sampling decoder: ``cell`` -> ``output_layer`` -> ``helper.sample`` / ``helper.next_inputs``."""

    def __init__(self, cell, helper, initial_state, output_layer=None):
        check_cell("cell", cell)
        if not isinstance(helper, Helper):
            raise TypeError("helper must be a Helper, received: %s" % type(helper))
        check_layer("output_layer", output_layer)
        self._cell = cell
        self._helper = helper
        self._initial_state = initial_state
        self._output_layer = output_layer

    @property
    def batch_size(self):
        return self._helper.batch_size

    def _rnn_output_size(self):
        return layer_output_size(self._output_layer, self._cell.output_size)

    @property
    def output_size(self):
        return BasicDecoderOutput(rnn_output=self._rnn_output_size(), sample_id=self._helper.sample_ids_shape)

    @property
    def output_dtype(self):
        # The outputs take the dtype of the initial state's first tensor, as in TF1.
        dtype = nest.flatten(self._initial_state)[0].dtype
        return BasicDecoderOutput(nest.map_structure(lambda _: dtype, self._rnn_output_size()),
                                  self._helper.sample_ids_dtype)

    def initialize(self, name=None):
        """Returns ``(finished, first_inputs, initial_state)``."""
        return self._helper.initialize() + (self._initial_state,)

    def step(self, time, inputs, state, name=None):
        """Returns ``(outputs, next_state, next_inputs, finished)``."""
        with _v1.name_scope(name, "BasicDecoderStep", (time, inputs, state)):
            cell_outputs, cell_state = self._cell(inputs, state)
            if self._output_layer is not None:
                cell_outputs = self._output_layer(cell_outputs)
            sample_ids = self._helper.sample(time=time, outputs=cell_outputs, state=cell_state)
            finished, next_inputs, next_state = self._helper.next_inputs(
                time=time, outputs=cell_outputs, state=cell_state, sample_ids=sample_ids)
        return BasicDecoderOutput(cell_outputs, sample_ids), next_state, next_inputs, finished
