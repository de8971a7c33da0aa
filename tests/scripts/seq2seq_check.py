"""TF1 script (run with `python -m tf1compat`): runs tf.contrib.seq2seq and prints values plus the weights used.

One JSON document on the last line; tests/test_seq2seq.py recomputes every value with NumPy.
"""
import json

import numpy as np
import tensorflow as tf

seq2seq = tf.contrib.seq2seq


def listed(values):
    return {name: np.asarray(value).tolist() for name, value in values.items()}


def training_decode():
    """TrainingHelper + BasicDecoder + dynamic_decode (with and without impute_finished) over a BasicRNNCell."""
    tf.reset_default_graph()
    tf.set_random_seed(6)
    rng = np.random.RandomState(0)
    inputs = rng.normal(size=(3, 5, 2)).astype(np.float32)
    lengths = np.array([5, 2, 3], np.int32)
    initial = rng.normal(size=(3, 4)).astype(np.float32)
    cell = tf.nn.rnn_cell.BasicRNNCell(4)
    projection = tf.layers.Dense(3, name="projection")
    results = {}
    for impute in (False, True):
        with tf.variable_scope("dec", reuse=tf.AUTO_REUSE):
            helper = seq2seq.TrainingHelper(tf.constant(inputs), tf.constant(lengths))
            decoder = seq2seq.BasicDecoder(cell, helper, tf.constant(initial), output_layer=projection)
            outputs, state, seq_lengths = seq2seq.dynamic_decode(decoder, impute_finished=impute)
        results[impute] = {"logits": outputs.rnn_output, "ids": outputs.sample_id, "state": state,
                           "lengths": seq_lengths}
    variables = {v.name: v for v in tf.global_variables()}
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        values = session.run({"plain": results[False], "imputed": results[True], "vars": variables})
    return {"inputs": inputs.tolist(), "lengths": lengths.tolist(), "initial": initial.tolist(),
            "plain": listed(values["plain"]), "imputed": listed(values["imputed"]),
            "variables": listed(values["vars"]), "static_shape": results[True]["logits"].shape.as_list()}


def greedy_decode():
    """GreedyEmbeddingHelper, time-major outputs: end token 4 (rows stop early) and 0 (maximum_iterations)."""
    tf.reset_default_graph()
    tf.set_random_seed(6)
    rng = np.random.RandomState(1)
    embedding = rng.normal(size=(5, 3)).astype(np.float32)
    cell = tf.nn.rnn_cell.GRUCell(4)
    projection = tf.layers.Dense(5, use_bias=False, name="out")
    runs = {}
    for end_token in (4, 0):
        with tf.variable_scope("greedy", reuse=tf.AUTO_REUSE):
            helper = seq2seq.GreedyEmbeddingHelper(tf.constant(embedding), [0, 1, 2, 3], end_token)
            decoder = seq2seq.BasicDecoder(cell, helper, cell.zero_state(4, tf.float32), output_layer=projection)
            outputs, _, lengths = seq2seq.dynamic_decode(decoder, output_time_major=True, maximum_iterations=7)
        runs[str(end_token)] = {"ids": outputs.sample_id, "logits": outputs.rnn_output, "lengths": lengths}
    variables = {v.name: v for v in tf.global_variables()}
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        # Larger logits than the initializer gives, so that the argmax varies from step to step.
        kernel = variables["greedy/decoder/out/kernel:0"]
        session.run(kernel.assign(4.0 * kernel))
        values = session.run({"runs": runs, "vars": variables})
    return {"embedding": embedding.tolist(), "variables": listed(values["vars"]),
            "runs": {end: listed(run) for end, run in values["runs"].items()}}


def attention_scores():
    """Alignments of Bahdanau (normalize on/off) and Luong (scale on/off) for a fixed query and masked memory."""
    tf.reset_default_graph()
    tf.set_random_seed(6)
    rng = np.random.RandomState(2)
    memory = rng.normal(size=(2, 4, 3)).astype(np.float32)
    query = rng.normal(size=(2, 5)).astype(np.float32)
    memory_lengths = np.array([4, 2], np.int32)
    mechanisms = {
        "bahdanau": seq2seq.BahdanauAttention(5, memory, memory_sequence_length=memory_lengths, name="b"),
        "bahdanau_norm": seq2seq.BahdanauAttention(5, memory, memory_sequence_length=memory_lengths,
                                                   normalize=True),
        "luong": seq2seq.LuongAttention(5, memory, memory_sequence_length=memory_lengths),
        "luong_scaled": seq2seq.LuongAttention(5, memory, memory_sequence_length=memory_lengths, scale=True),
        "luong_monotonic": seq2seq.LuongMonotonicAttention(5, memory, memory_sequence_length=memory_lengths,
                                                           score_bias_init=-0.5),
    }
    alignments = {}
    for name, mechanism in mechanisms.items():
        with tf.variable_scope(name):
            alignments[name] = mechanism(tf.constant(query), state=mechanism.initial_state(2, tf.float32))[0]
    variables = {v.name: v for v in tf.global_variables()}
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        for name, value in (("bahdanau_norm/bahdanau_attention/attention_g:0", 0.7),
                            ("luong_scaled/luong_attention/attention_g:0", 2.5)):
            session.run(variables[name].assign(value))
        session.run(variables["bahdanau_norm/bahdanau_attention/attention_b:0"].assign(rng.normal(size=5)))
        values = session.run({"alignments": alignments, "vars": variables,
                              "hardmax": seq2seq.hardmax([[0.1, 2.0, -1.0], [3.0, 0.0, 2.9]]),
                              "cumprod": seq2seq.safe_cumprod([[0.5, 0.0, 0.25, 2.0]], axis=1, exclusive=True),
                              "monotonic": {mode: seq2seq.monotonic_attention(
                                  [[0.2, 0.7, 0.4, 0.9]], [[0.1, 0.6, 0.3, 0.0]], mode)
                                  for mode in ("recursive", "parallel")}})
    return {"memory": memory.tolist(), "query": query.tolist(), "memory_lengths": memory_lengths.tolist(),
            "alignments": listed(values["alignments"]), "variables": listed(values["vars"]),
            "hardmax": values["hardmax"].tolist(), "cumprod": values["cumprod"].tolist(),
            "monotonic": listed(values["monotonic"])}


class TableCell(tf.nn.rnn_cell.RNNCell):
    """A cell whose logits are table[step, previous token]: inputs are one-hot tokens, the state counts steps."""

    def __init__(self, table):
        super().__init__()
        self._table = tf.constant(table)

    @property
    def state_size(self):
        return 1

    @property
    def output_size(self):
        return int(self._table.shape[-1])

    def call(self, inputs, state):
        rows = tf.gather(self._table, tf.cast(state[:, 0], tf.int32))
        logits = tf.squeeze(tf.matmul(tf.expand_dims(inputs, 1), rows), [1])
        return logits, state + 1.0


def beam_search():
    """BeamSearchDecoder over TableCell: full-width beams, a narrow beam, a length penalty."""
    tf.reset_default_graph()
    tf.set_random_seed(6)
    vocab, steps, batch = 4, 3, 2
    table = np.random.RandomState(3).normal(scale=2.0, size=(steps, vocab, vocab)).astype(np.float32)
    results = {}
    for name, width, penalty in (("wide", vocab ** (steps - 1), 0.0), ("narrow", 2, 0.0), ("penalised", 3, 0.8)):
        cell = TableCell(table)
        decoder = seq2seq.BeamSearchDecoder(cell, np.eye(vocab, dtype=np.float32), tf.fill([batch], 1), 0,
                                            cell.zero_state(batch * width, tf.float32), width,
                                            length_penalty_weight=penalty)
        outputs, state, _ = seq2seq.dynamic_decode(decoder, maximum_iterations=steps, scope=name)
        results[name] = {"ids": outputs.predicted_ids, "scores": outputs.beam_search_decoder_output.scores,
                         "lengths": state.lengths, "log_probs": state.log_probs}
    with tf.Session() as session:
        values = session.run(results)
    return {"table": table.tolist(), "results": {name: listed(value) for name, value in values.items()}}


def gather_trees():
    """gather_tree on random parents (with end tokens and per-batch lengths) and tile_batch."""
    tf.reset_default_graph()
    tf.set_random_seed(6)
    rng = np.random.RandomState(4)
    step_ids = rng.randint(0, 5, size=(6, 3, 4)).astype(np.int32)
    parent_ids = rng.randint(0, 4, size=(6, 3, 4)).astype(np.int32)
    lengths = np.array([6, 4, 1], np.int32)
    tree = seq2seq.gather_tree(step_ids, parent_ids, max_sequence_lengths=lengths, end_token=0)
    tiled = seq2seq.tile_batch(tf.constant([[1, 2], [3, 4]]), 3)
    with tf.Session() as session:
        tree_value, tiled_value = session.run([tree, tiled])
    return {"step_ids": step_ids.tolist(), "parent_ids": parent_ids.tolist(), "lengths": lengths.tolist(),
            "tree": tree_value.tolist(), "tiled": tiled_value.tolist(), "tiled_static": tiled.shape.as_list()}


def nmt_variable_names():
    """The variables of a tensorflow/nmt-style attention decoder (training and beam-search inference)."""
    tf.reset_default_graph()
    tf.set_random_seed(6)
    source = tf.placeholder(tf.int32, [None, None])
    target = tf.placeholder(tf.int32, [None, None])
    lengths = tf.placeholder(tf.int32, [None])
    with tf.variable_scope("dynamic_seq2seq"):
        with tf.variable_scope("embeddings"):
            with tf.variable_scope("encoder"):
                embedding_encoder = tf.get_variable("embedding_encoder", [7, 4])
            with tf.variable_scope("decoder"):
                embedding_decoder = tf.get_variable("embedding_decoder", [7, 4])
        with tf.variable_scope("encoder"):
            memory, encoder_state = tf.nn.dynamic_rnn(tf.nn.rnn_cell.BasicLSTMCell(6),
                                                      tf.nn.embedding_lookup(embedding_encoder, source),
                                                      sequence_length=lengths, dtype=tf.float32)
        with tf.variable_scope("decoder") as decoder_scope:
            mechanism = seq2seq.LuongAttention(6, memory, memory_sequence_length=lengths, scale=True)
            cell = seq2seq.AttentionWrapper(tf.nn.rnn_cell.BasicLSTMCell(6), mechanism, attention_layer_size=6,
                                            alignment_history=False, name="attention")
            batch = tf.size(lengths)
            initial = cell.zero_state(batch, tf.float32).clone(cell_state=encoder_state)
            helper = seq2seq.TrainingHelper(tf.nn.embedding_lookup(embedding_decoder, target), lengths)
            outputs, _, _ = seq2seq.dynamic_decode(seq2seq.BasicDecoder(cell, helper, initial),
                                                   scope=decoder_scope)
            tf.layers.Dense(7, use_bias=False, name="output_projection")(outputs.rnn_output)
    names = sorted(f"{v.op.name} {v.shape.as_list()}" for v in tf.global_variables())
    return {"names": names, "trainable": len(tf.trainable_variables())}


def main():
    checks = {"training": training_decode, "greedy": greedy_decode, "attention": attention_scores,
              "beam": beam_search, "gather_tree": gather_trees, "nmt_names": nmt_variable_names}
    print(json.dumps({name: check() for name, check in checks.items()}))


main()
