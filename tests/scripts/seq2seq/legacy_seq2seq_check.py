"""TF1 script (run with `python -m tf1compat`): tf.contrib.legacy_seq2seq's values, names and errors as one RESULT line."""
import json

import numpy as np
import tensorflow as tf
from tensorflow.contrib import legacy_seq2seq as seq2seq
from tensorflow.contrib.legacy_seq2seq.python.ops import seq2seq as seq2seq_ops  # the TF1 module path

BATCH = 3


def listed(value):
    if isinstance(value, (list, tuple)):
        return [listed(item) for item in value]
    return np.asarray(value).tolist()


def arrays(values):
    return {name: listed(value) for name, value in values.items()}


def variable_shapes():
    return {v.op.name: v.get_shape().as_list() for v in tf.global_variables()}


def fetch_all(fetches, randomize=None):
    """Run ``fetches`` after initialising (and, with a RandomState ``randomize``, re-drawing) every variable."""
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        if randomize is not None:
            for variable in tf.global_variables():
                shape = variable.get_shape().as_list()
                variable.load(randomize.normal(scale=0.5, size=shape).astype(np.float32), session)
        values = session.run(fetches)
        weights = session.run({v.op.name: v for v in tf.global_variables()})
    return values, arrays(weights)


def losses():
    """Both losses in every averaging mode and with a custom softmax_loss_function; the inputs they saw."""
    tf.reset_default_graph()
    rng = np.random.RandomState(0)
    logits = rng.normal(size=(4, BATCH, 6)).astype(np.float32)
    targets = rng.randint(0, 6, size=(4, BATCH)).astype(np.int32)
    weights = np.array([[1, 1, 1], [1, 0.5, 1], [1, 0, 2], [0, 0, 1]], np.float32)
    lists = [list(map(tf.constant, array)) for array in (logits, targets, weights)]

    def doubled(labels, logits):
        return 2 * tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)

    tensors = {
        "by_example": seq2seq.sequence_loss_by_example(*lists),
        "by_example_sum": seq2seq.sequence_loss_by_example(*lists, average_across_timesteps=False),
        "by_example_doubled": seq2seq.sequence_loss_by_example(*lists, softmax_loss_function=doubled),
        "loss": seq2seq.sequence_loss(*lists),
        "loss_no_batch_average": seq2seq.sequence_loss(*lists, average_across_batch=False),
        "loss_sum": seq2seq.sequence_loss(*lists, average_across_timesteps=False, average_across_batch=False),
    }
    values, _ = fetch_all(tensors)
    names = {"by_example": tensors["by_example"].op.name, "loss": tensors["loss"].op.name}
    return {"tf": arrays(values), "names": names,
            "inputs": arrays({"logits": logits, "targets": targets, "weights": weights})}


def rnn_decoders():
    """rnn_decoder with a BasicRNNCell of known weights, with and without a loop_function."""
    tf.reset_default_graph()
    rng = np.random.RandomState(1)
    data = rng.normal(size=(4, BATCH, 3)).astype(np.float32)
    initial = rng.normal(size=(BATCH, 3)).astype(np.float32)
    inputs = [tf.constant(step) for step in data]
    cell = tf.nn.rnn_cell.BasicRNNCell(3)
    outputs, state = seq2seq.rnn_decoder(inputs, tf.constant(initial), cell)
    looped, looped_state = seq2seq.rnn_decoder(inputs, tf.constant(initial), cell, scope="looped",
                                               loop_function=lambda prev, i: 0.5 * prev + float(i))
    values, weights = fetch_all({"outputs": outputs, "state": state, "looped": looped,
                                 "looped_state": looped_state}, randomize=rng)
    return {"tf": arrays(values), "weights": weights, "inputs": arrays({"data": data, "initial": initial})}


def attention():
    """attention_decoder with two heads over random attention states: every value a NumPy replay needs."""
    tf.reset_default_graph()
    tf.set_random_seed(2)
    rng = np.random.RandomState(2)
    data = rng.normal(size=(2, BATCH, 3)).astype(np.float32)
    states = rng.normal(size=(BATCH, 5, 4)).astype(np.float32)
    initial = rng.normal(size=(BATCH, 2)).astype(np.float32)
    inputs = [tf.constant(step) for step in data]
    with tf.variable_scope("plain"):
        cell = tf.nn.rnn_cell.BasicRNNCell(2)
        outputs, state = seq2seq.attention_decoder(inputs, tf.constant(initial), tf.constant(states), cell,
                                                   output_size=6, num_heads=2)
    with tf.variable_scope("resumed"):
        cell = tf.nn.rnn_cell.BasicRNNCell(2)
        resumed, _ = seq2seq.attention_decoder(inputs, tf.constant(initial), tf.constant(states), cell,
                                               initial_state_attention=True)
    values, weights = fetch_all({"outputs": outputs, "state": state, "resumed": resumed}, randomize=rng)
    return {"tf": arrays(values), "weights": weights, "shapes": variable_shapes(),
            "inputs": arrays({"data": data, "states": states, "initial": initial})}


def id_inputs(count, name):
    return [tf.placeholder(tf.int32, [None], name=f"{name}{i}") for i in range(count)]


def model_variable_names():
    """The variables each model creates (names and shapes), to compare with TF 1.15's."""
    names = {}
    builders = {
        "embedding_attention_seq2seq": lambda enc, dec: seq2seq.embedding_attention_seq2seq(
            enc, dec, tf.nn.rnn_cell.MultiRNNCell([tf.nn.rnn_cell.GRUCell(4) for _ in range(2)]), 7, 9, 5),
        "embedding_attention_seq2seq_projected": lambda enc, dec: seq2seq.embedding_attention_seq2seq(
            enc, dec, tf.nn.rnn_cell.BasicLSTMCell(4), 7, 9, 5,
            output_projection=(tf.get_variable("proj_w", [4, 9]), tf.get_variable("proj_b", [9]))),
        "embedding_rnn_seq2seq": lambda enc, dec: seq2seq.embedding_rnn_seq2seq(
            enc, dec, tf.nn.rnn_cell.GRUCell(4), 7, 9, 5),
        "embedding_tied_rnn_seq2seq": lambda enc, dec: seq2seq.embedding_tied_rnn_seq2seq(
            enc, dec, tf.nn.rnn_cell.GRUCell(4), 7, 5),
        "one2many_rnn_seq2seq": lambda enc, dec: seq2seq.one2many_rnn_seq2seq(
            enc, {"fr": dec, "de": dec}, tf.nn.rnn_cell.GRUCell(4),
            {"fr": tf.nn.rnn_cell.GRUCell(4), "de": tf.nn.rnn_cell.GRUCell(4)}, 7, {"fr": 9, "de": 8}, 5),
    }
    for name, build in builders.items():
        tf.reset_default_graph()
        build(id_inputs(3, "enc"), id_inputs(2, "dec"))
        names[name] = variable_shapes()
    for name, model in (("basic_rnn_seq2seq", seq2seq.basic_rnn_seq2seq), ("tied_rnn_seq2seq", seq2seq.tied_rnn_seq2seq)):
        tf.reset_default_graph()
        floats = [tf.zeros([BATCH, 3]) for _ in range(3)]
        model(floats, floats[:2], tf.nn.rnn_cell.BasicLSTMCell(4))
        names[name] = variable_shapes()
    return names


def feed_previous_modes():
    """Each model built with feed_previous as a tensor, against the same model (same weights) with a bool."""
    results = {}
    models = {
        "embedding_rnn_seq2seq": lambda enc, dec, feed: seq2seq.embedding_rnn_seq2seq(
            enc, dec, tf.nn.rnn_cell.GRUCell(4), 7, 9, 5, feed_previous=feed),
        "embedding_attention_seq2seq": lambda enc, dec, feed: seq2seq.embedding_attention_seq2seq(
            enc, dec, tf.nn.rnn_cell.BasicLSTMCell(4), 7, 9, 5, feed_previous=feed),
        "embedding_tied_rnn_seq2seq": lambda enc, dec, feed: seq2seq.embedding_tied_rnn_seq2seq(
            enc, dec, tf.nn.rnn_cell.BasicLSTMCell(4), 9, 5, feed_previous=feed),
        "one2many_rnn_seq2seq": lambda enc, dec, feed: seq2seq.one2many_rnn_seq2seq(
            enc, {"x": dec}, tf.nn.rnn_cell.GRUCell(4), {"x": tf.nn.rnn_cell.GRUCell(4)}, 7, {"x": 9}, 5,
            feed_previous=feed)[0]["x"],
    }
    rng = np.random.RandomState(4)
    ids = rng.randint(0, 7, size=(6, BATCH))
    for name, build in models.items():
        tf.reset_default_graph()
        tf.set_random_seed(5)
        enc, dec = id_inputs(3, "enc"), id_inputs(3, "dec")
        switch = tf.placeholder(tf.bool, [])
        with tf.variable_scope("model"):
            either = build(enc, dec, switch)
        count = len(tf.global_variables())
        with tf.variable_scope("model", reuse=True):
            greedy, given = build(enc, dec, True), build(enc, dec, False)
        feed = dict(zip(enc + dec, ids))
        outputs = [pick[0] if isinstance(pick, tuple) else pick for pick in (either, greedy, given)]
        with tf.Session() as session:
            session.run(tf.global_variables_initializer())
            either_true = session.run(outputs[0], {**feed, switch: True})
            either_false = session.run(outputs[0], {**feed, switch: False})
            greedy_value, given_value = session.run(outputs[1:], feed)
        results[name] = {
            "true_vs_greedy": float(np.abs(np.array(either_true) - greedy_value).max()),
            "false_vs_given": float(np.abs(np.array(either_false) - given_value).max()),
            "greedy_vs_given": float(np.abs(np.array(greedy_value) - given_value).max()),
            "variables": count, "variables_after_reuse": len(tf.global_variables()),
        }
    return results


def buckets():
    """model_with_buckets over two buckets (3, 2) and (3, 4) of basic_rnn_seq2seq; per-bucket values."""
    tf.reset_default_graph()
    tf.set_random_seed(6)
    rng = np.random.RandomState(6)
    data = rng.normal(size=(7, BATCH, 3)).astype(np.float32)
    targets = rng.randint(0, 4, size=(4, BATCH)).astype(np.int32)
    weights = np.ones((4, BATCH), np.float32)
    weights[3, 0] = 0
    enc, dec = [tf.constant(x) for x in data[:3]], [tf.constant(x) for x in data[3:]]
    target_list, weight_list = [tf.constant(t) for t in targets], [tf.constant(w) for w in weights]
    model = lambda x, y: seq2seq.basic_rnn_seq2seq(x, y, tf.nn.rnn_cell.BasicRNNCell(4))
    outputs, losses = seq2seq.model_with_buckets(enc, dec, target_list, weight_list, [(3, 2), (3, 4)], model)
    count = len(tf.global_variables())
    with tf.variable_scope(tf.get_variable_scope(), reuse=True):  # the same weights, per-example losses
        _, example_losses = seq2seq.model_with_buckets(enc, dec, target_list, weight_list, [(3, 2), (3, 4)],
                                                       model, per_example_loss=True)
    values, _ = fetch_all({"outputs": outputs, "losses": losses, "example_losses": example_losses})
    return {"tf": arrays(values), "lengths": [len(o) for o in outputs], "variables": count,
            "loss_names": [loss.op.name for loss in losses],
            "inputs": arrays({"targets": targets, "weights": weights})}


def raised(build):
    try:
        build()
    except (ValueError, TypeError) as error:
        return [type(error).__name__, str(error)]
    return None


def errors():
    tf.reset_default_graph()
    steps = [tf.zeros([BATCH, 3]) for _ in range(2)]
    ids = [tf.zeros([BATCH], tf.int32) for _ in range(2)]
    cell = tf.nn.rnn_cell.GRUCell(3)
    model = lambda x, y: seq2seq.basic_rnn_seq2seq(x, y, tf.nn.rnn_cell.GRUCell(3))
    return {
        "loss_lengths": raised(lambda: seq2seq.sequence_loss_by_example(steps, ids[:1], steps)),
        "no_heads": raised(lambda: seq2seq.attention_decoder(steps, steps[0], tf.zeros([BATCH, 2, 3]), cell,
                                                             num_heads=0)),
        "no_inputs": raised(lambda: seq2seq.attention_decoder([], steps[0], tf.zeros([BATCH, 2, 3]), cell)),
        "short_buckets": raised(lambda: seq2seq.model_with_buckets(steps, steps, ids, steps, [(5, 2)], model)),
        "one2many_keys": raised(lambda: seq2seq.one2many_rnn_seq2seq(ids, {"a": ids}, cell, {"b": cell}, 3,
                                                                     {"a": 3}, 2)),
        "one2many_cell": raised(lambda: seq2seq.one2many_rnn_seq2seq(ids, {"a": ids}, "gru", {"a": cell}, 3,
                                                                     {"a": 3}, 2)),
        "projection_shape": raised(lambda: seq2seq.embedding_rnn_decoder(
            ids, steps[0], cell, 5, 2, output_projection=(tf.zeros([3, 4]), tf.zeros([4])))),
    }


if __name__ == "__main__":
    result = {"losses": losses(), "rnn_decoder": rnn_decoders(), "attention": attention(),
              "names": model_variable_names(), "feed_previous": feed_previous_modes(), "buckets": buckets(),
              "errors": errors(), "dir": dir(seq2seq),
              "module_path_is_the_shim": all(getattr(seq2seq_ops, name) is getattr(seq2seq, name)
                                             for name in dir(seq2seq))}
    print("RESULT " + json.dumps(result))
