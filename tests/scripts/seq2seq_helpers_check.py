"""TF1 script (run with `python -m tf1compat`): seq2seq helpers, AttentionWrapper options, coverage, errors.

One JSON document on the last line; tests/test_seq2seq.py recomputes the values with NumPy.
"""
import json

import numpy as np
import tensorflow as tf

seq2seq = tf.contrib.seq2seq
RNG = np.random.RandomState(5)
INPUTS = RNG.normal(size=(2, 4, 3)).astype(np.float32)
EMBEDDING = RNG.normal(size=(5, 3)).astype(np.float32)
MEMORY = RNG.normal(size=(2, 3, 2)).astype(np.float32)


def listed(values):
    if isinstance(values, dict):
        return {name: listed(value) for name, value in values.items()}
    return np.asarray(values).tolist()


def fresh_graph():
    tf.reset_default_graph()
    tf.set_random_seed(11)


def run(fetches):
    variables = {v.name.split(":")[0]: v for v in tf.global_variables()}
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        values = session.run({"out": fetches, "vars": variables})
    return {"out": listed(values["out"]), "vars": listed(values["vars"])}


def decode(cell, helper, output_layer=None, **options):
    decoder = seq2seq.BasicDecoder(cell, helper, cell.zero_state(2, tf.float32), output_layer=output_layer)
    outputs, state, lengths = seq2seq.dynamic_decode(decoder, **options)
    return {"rnn_output": outputs.rnn_output, "sample_id": outputs.sample_id, "lengths": lengths}


def scheduled_helpers():
    """Scheduled embedding / output sampling at probability 0 and 1, sampling at a tiny temperature."""
    found = {}
    for probability in (0.0, 1.0):
        fresh_graph()
        cell = tf.nn.rnn_cell.BasicRNNCell(5)
        helper = seq2seq.ScheduledEmbeddingTrainingHelper(INPUTS, [4, 4], EMBEDDING, probability, seed=3)
        found[f"embedding_{probability:g}"] = run(decode(cell, helper))
        fresh_graph()
        cell = tf.nn.rnn_cell.BasicRNNCell(2)
        helper = seq2seq.ScheduledOutputTrainingHelper(INPUTS[:, :, :2], [4, 4], probability,
                                                       auxiliary_inputs=INPUTS[:, :, 2:])
        found[f"output_{probability:g}"] = run(decode(cell, helper))
    fresh_graph()
    cell = tf.nn.rnn_cell.BasicRNNCell(5)
    helper = seq2seq.SampleEmbeddingHelper(EMBEDDING, [1, 2], 4, softmax_temperature=1e-4, seed=1)
    found["sample_cold"] = run(decode(cell, helper, maximum_iterations=5))
    return found


def inference_and_custom_helpers():
    """InferenceHelper feeding outputs back as inputs; a CustomHelper that teacher-forces like TrainingHelper."""
    fresh_graph()
    cell = tf.nn.rnn_cell.BasicRNNCell(3)
    helper = seq2seq.InferenceHelper(sample_fn=lambda outputs: outputs, sample_shape=[3], sample_dtype=tf.float32,
                                     start_inputs=INPUTS[:, 0], end_fn=lambda sample: tf.reduce_all(sample > 0.99, 1))
    found = {"inference": run(decode(cell, helper, maximum_iterations=4))}
    fresh_graph()
    cell = tf.nn.rnn_cell.BasicRNNCell(3)
    inputs = tf.constant(INPUTS)
    custom = seq2seq.CustomHelper(
        initialize_fn=lambda: (tf.constant([False, False]), inputs[:, 0]),
        sample_fn=lambda time, outputs, state: tf.argmax(outputs, -1, output_type=tf.int32),
        next_inputs_fn=lambda time, outputs, state, sample_ids: (
            tf.fill([2], time + 1 >= 4), inputs[:, tf.minimum(time + 1, 3)], state))
    try:
        custom.batch_size
    except ValueError as error:
        found["custom_batch_error"] = str(error)
    found["custom"] = run(decode(cell, custom))
    return found


def attention_wrappers():
    """AttentionWrapper: Luong without an attention layer, two mechanisms with layers, output_attention=False."""
    fresh_graph()
    with tf.variable_scope("single"):
        mechanism = seq2seq.LuongAttention(4, MEMORY, memory_sequence_length=[3, 2])
        cell = seq2seq.AttentionWrapper(tf.nn.rnn_cell.BasicRNNCell(4), mechanism, alignment_history=True)
        outputs = decode(cell, seq2seq.TrainingHelper(INPUTS, [4, 3]), scope="decoder")
        history = seq2seq.dynamic_decode(seq2seq.BasicDecoder(
            cell, seq2seq.TrainingHelper(INPUTS, [4, 3]), cell.zero_state(2, tf.float32)))[1].alignment_history
    with tf.variable_scope("multi"):
        mechanisms = [seq2seq.BahdanauAttention(3, MEMORY), seq2seq.LuongMonotonicAttention(3, MEMORY, mode="parallel")]
        multi = seq2seq.AttentionWrapper(tf.nn.rnn_cell.BasicRNNCell(3), mechanisms, attention_layer_size=[2, 3],
                                         output_attention=False)
        multi_outputs = decode(multi, seq2seq.TrainingHelper(INPUTS, [4, 4]))
    found = run({"single": outputs, "history": history.stack(), "multi": multi_outputs})
    found["multi_sizes"] = [multi.output_size, multi.state_size.attention]
    found["multi_alignments"] = [str(type(multi.state_size.alignments).__name__), len(multi.state_size.alignments)]
    return found


def coverage_beam_search():
    """Beam search over an AttentionWrapper with a coverage penalty; alignment history raw and reordered."""
    fresh_graph()
    width, memory = 3, seq2seq.tile_batch(MEMORY, 3)
    mechanism = seq2seq.BahdanauAttention(4, memory, memory_sequence_length=seq2seq.tile_batch(tf.constant([3, 2]), 3))
    cell = seq2seq.AttentionWrapper(tf.nn.rnn_cell.BasicRNNCell(4), mechanism, alignment_history=True)
    layer = tf.layers.Dense(5, name="out")
    found = {}
    for reorder in (True, False):
        decoder = seq2seq.BeamSearchDecoder(cell, EMBEDDING, [1, 1], 2, cell.zero_state(2 * width, tf.float32),
                                            width, output_layer=layer, coverage_penalty_weight=0.4,
                                            reorder_tensor_arrays=reorder)
        with tf.variable_scope("beams", reuse=tf.AUTO_REUSE):
            outputs, state, _ = seq2seq.dynamic_decode(decoder, maximum_iterations=5)
        history = state.cell_state.alignment_history
        found["reordered" if reorder else "raw"] = {
            "ids": outputs.predicted_ids, "scores": outputs.beam_search_decoder_output.scores,
            "parents": outputs.beam_search_decoder_output.parent_ids, "log_probs": state.log_probs,
            "lengths": state.lengths, "accumulated": state.accumulated_attention_probs,
            "history": history if reorder else history.stack()}
    return run(found)


def errors():
    """The exception type and message of each misuse, as TF1 raised them."""
    fresh_graph()
    cell = tf.nn.rnn_cell.BasicRNNCell(2)
    misuses = {
        "dynamic_decode_type": lambda: seq2seq.dynamic_decode("decoder"),
        "helper_type": lambda: seq2seq.BasicDecoder(cell, "helper", cell.zero_state(2, tf.float32)),
        "start_tokens": lambda: seq2seq.GreedyEmbeddingHelper(EMBEDDING, [[1]], 0),
        "sequence_length": lambda: seq2seq.TrainingHelper(INPUTS, 4),
        "tile_scalar": lambda: seq2seq.tile_batch(tf.constant(1), 2),
        "mechanism_type": lambda: seq2seq.AttentionWrapper(cell, "attention"),
        "monotonic_mode": lambda: seq2seq.monotonic_attention([[0.5]], [[1.0]], "soft"),
        "layer_and_size": lambda: seq2seq.AttentionWrapper(cell, seq2seq.LuongAttention(2, MEMORY), 2,
                                                           attention_layer=tf.layers.Dense(2)),
    }
    found = {}
    for name, misuse in misuses.items():
        try:
            misuse()
            found[name] = None
        except (TypeError, ValueError) as error:
            found[name] = [type(error).__name__, str(error)]
    return found


def implementation_paths():
    """The TF1 implementation modules scripts imported from, with the private helpers they subclassed with."""
    from tensorflow.contrib.seq2seq.python.ops import attention_wrapper, beam_search_decoder, beam_search_ops, helper
    from tensorflow.contrib.seq2seq.python.ops.attention_wrapper import _BaseAttentionMechanism
    return {"same_classes": [attention_wrapper.BahdanauAttention is seq2seq.BahdanauAttention,
                             helper.TrainingHelper is seq2seq.TrainingHelper,
                             beam_search_ops.gather_tree is seq2seq.gather_tree,
                             beam_search_decoder.tile_batch is seq2seq.tile_batch,
                             issubclass(seq2seq.LuongAttention, _BaseAttentionMechanism)],
            "private": sorted(name for name in ("_bahdanau_score", "_luong_score", "_maybe_mask_score",
                                                "_prepare_memory", "_compute_attention", "_zero_state_tensors")
                              if callable(getattr(attention_wrapper, name, None)))
            + sorted(name for name in ("_beam_search_step", "_tensor_gather_helper", "_mask_probs", "_get_scores")
                     if callable(getattr(beam_search_decoder, name, None)))}


def main():
    checks = {"paths": implementation_paths,"scheduled": scheduled_helpers, "inference": inference_and_custom_helpers,
              "attention": attention_wrappers, "coverage": coverage_beam_search, "errors": errors}
    results = {name: check() for name, check in checks.items()}
    print(json.dumps(dict(results, inputs=INPUTS.tolist(), embedding=EMBEDDING.tolist(), memory=MEMORY.tolist())))


main()
