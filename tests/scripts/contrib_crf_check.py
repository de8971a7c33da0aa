"""TF1 script (run with `python -m tf1compat`): tf.contrib.crf on tiny tag sets, printed as one JSON line.

The test recomputes everything by enumerating every tag sequence.
"""
import json

import numpy as np
import tensorflow as tf

NUM_TAGS = 3
RNG = np.random.RandomState(3)


def batch(lengths, max_len):
    inputs = RNG.normal(size=(len(lengths), max_len, NUM_TAGS)).astype(np.float32)
    tags = RNG.randint(0, NUM_TAGS, size=(len(lengths), max_len)).astype(np.int32)
    bitmap = RNG.rand(len(lengths), max_len, NUM_TAGS) < 0.6
    bitmap[:, :, 0] = True  # every step allows at least one tag
    return inputs, tags, bitmap, np.array(lengths, np.int32)


def crf_graph(inputs, tags, bitmap, lengths, transitions):
    crf = tf.contrib.crf
    log_likelihood, _ = crf.crf_log_likelihood(inputs, tags, lengths, transitions)
    decoded, best = crf.crf_decode(inputs, transitions, lengths)
    return {"log_likelihood": log_likelihood,
            "sequence_score": crf.crf_sequence_score(inputs, tags, lengths, transitions),
            "log_norm": crf.crf_log_norm(inputs, lengths, transitions),
            "unary": crf.crf_unary_score(tags, lengths, inputs),
            "binary": crf.crf_binary_score(tags, lengths, transitions),
            "multitag": crf.crf_multitag_sequence_score(inputs, bitmap, lengths, transitions),
            "decoded": decoded, "best_score": best}


def static_case(session, lengths, max_len, transitions):
    data = batch(lengths, max_len)
    fetched = session.run(crf_graph(*(tf.constant(a) for a in data[:3]), tf.constant(data[3]), transitions))
    return data, fetched


def dynamic_case(session, lengths, max_len, transitions):
    """Unknown time dimension: the one-step shortcut is chosen by tf.cond at run time."""
    data = batch(lengths, max_len)
    holders = [tf.placeholder(tf.float32, [None, None, NUM_TAGS]), tf.placeholder(tf.int32, [None, None]),
               tf.placeholder(tf.bool, [None, None, NUM_TAGS]), tf.placeholder(tf.int32, [None])]
    fetched = session.run(crf_graph(*holders, transitions), dict(zip(holders, data)))
    return data, fetched


def record(data, fetched, transitions):
    inputs, tags, bitmap, lengths = data
    viterbi = [tf.contrib.crf.viterbi_decode(inputs[i, :n], transitions) for i, n in enumerate(lengths) if n > 0]
    return {"inputs": inputs.tolist(), "tags": tags.tolist(), "bitmap": bitmap.tolist(), "lengths": lengths.tolist(),
            "transitions": transitions.tolist(), "tf": {k: np.asarray(v).tolist() for k, v in fetched.items()},
            "viterbi": [[np.asarray(path).tolist(), float(score)] for path, score in viterbi]}


def variable_and_training():
    """crf_log_likelihood without transition_params creates `transitions`; gradients reach it."""
    inputs = tf.constant(RNG.normal(size=(2, 4, NUM_TAGS)).astype(np.float32))
    tags = tf.constant([[0, 1, 2, 1], [2, 2, 0, 0]])
    with tf.variable_scope("crf"):
        log_likelihood, transitions = tf.contrib.crf.crf_log_likelihood(inputs, tags, tf.constant([4, 2]))
    loss = tf.reduce_mean(-log_likelihood)
    train = tf.train.GradientDescentOptimizer(0.5).minimize(loss)
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        before = session.run(loss)
        for _ in range(30):
            session.run(train)
        after = session.run(loss)
    return {"variables": {v.op.name: v.get_shape().as_list() for v in tf.global_variables()},
            "is_variable": transitions.op.name == "crf/transitions", "loss_before": float(before),
            "loss_after": float(after)}


def main():
    transitions = RNG.normal(size=(NUM_TAGS, NUM_TAGS)).astype(np.float32)
    result = {}
    with tf.Session() as session:
        const = tf.constant(transitions)
        result["multi"] = record(*static_case(session, [4, 1, 0, 3, 2], 4, const), transitions)
        result["single"] = record(*static_case(session, [1, 0], 1, const), transitions)
        result["dynamic_multi"] = record(*dynamic_case(session, [3, 1], 3, const), transitions)
        result["dynamic_single"] = record(*dynamic_case(session, [1, 1], 1, const), transitions)
    tf.reset_default_graph()
    result["training"] = variable_and_training()
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
