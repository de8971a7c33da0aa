"""TF1 script (run with `python -m tf1compat`): contrib.opt, learn.preprocessing and learn.datasets.base.

Usage: training_check.py WORK_DIR TF1_VOCABULARY_PICKLE. Prints one `RESULT {json}` line.
"""
import json
import os
import pickle
import sys

import numpy as np
import tensorflow as tf

WORK_DIR, TF1_PICKLE = sys.argv[1], sys.argv[2]
# First, before any tf.contrib name is used: a plain pickle.load of TF1's file must find TF1's module paths.
with open(TF1_PICKLE, "rb") as first_handle:
    LOADED_FIRST = type(pickle.load(first_handle)).__name__

from tensorflow.contrib.learn.python.learn.preprocessing import text  # noqa: E402  TF1's implementation path


def run_steps(optimizer, initial, gradient_scale, steps=2, **minimize_kwargs):
    """Minimise sum(gradient_scale * var) for `steps` steps; the variable after each step and its names."""
    tf.reset_default_graph()
    var = tf.get_variable("var", initializer=tf.constant(initial, tf.float32))
    train = optimizer().minimize(tf.reduce_sum(tf.constant(gradient_scale, tf.float32) * var), **minimize_kwargs)
    values = []
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        for _ in range(steps):
            session.run(train)
            values.append(session.run(var).tolist())
    return {"values": values, "variables": sorted(v.op.name for v in tf.global_variables())}


def decoupled_weight_decay():
    initial, scale = [1.0, -2.0, 0.5], [0.3, -1.0, 2.0]
    return {
        "adamw": run_steps(lambda: tf.contrib.opt.AdamWOptimizer(0.01, learning_rate=0.1), initial, scale),
        "momentumw": run_steps(lambda: tf.contrib.opt.MomentumWOptimizer(0.05, 0.1, 0.9), initial, scale),
        "extended_sgd": run_steps(lambda: tf.contrib.opt.extend_with_decoupled_weight_decay(
            tf.train.GradientDescentOptimizer)(0.1, learning_rate=0.5), initial, scale, steps=1),
        "decay_list": decay_var_list(),
    }


def decay_var_list():
    """AdamW with decay_var_list=[a]: b gets the Adam step only."""
    tf.reset_default_graph()
    a = tf.get_variable("a", initializer=tf.constant([2.0]))
    b = tf.get_variable("b", initializer=tf.constant([2.0]))
    optimizer = tf.contrib.opt.AdamWOptimizer(0.5, learning_rate=0.1)
    train = optimizer.minimize(tf.reduce_sum(a + b), decay_var_list=[a])
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        session.run(train)
        return session.run([a, b])[0].tolist() + session.run(b).tolist()


def lazy_adam():
    """Two sparse steps on an embedding: rows 0 and 2, then row 0 only."""
    tf.reset_default_graph()
    table = np.arange(8, dtype=np.float32).reshape(4, 2)
    embedding = tf.get_variable("embedding", initializer=tf.constant(table))
    ids = tf.placeholder(tf.int32, [None])
    weights = tf.constant([1.0, -2.0])
    loss = tf.reduce_sum(tf.nn.embedding_lookup(embedding, ids) * weights)
    optimizer = tf.contrib.opt.LazyAdamOptimizer(learning_rate=0.1)
    train = optimizer.minimize(loss)
    result = {"slots": sorted(optimizer.get_slot_names()), "steps": []}
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        for batch in ([0, 2], [0]):
            session.run(train, {ids: batch})
            result["steps"].append({"embedding": session.run(embedding).tolist(),
                                    "m": session.run(optimizer.get_slot(embedding, "m")).tolist()})
    result["variables"] = sorted(v.op.name for v in tf.global_variables())
    return result


def nadam():
    """One dense and one sparse Nadam step (TF1's default name is "Adam")."""
    dense = run_steps(lambda: tf.contrib.opt.NadamOptimizer(learning_rate=0.1), [1.0, -2.0, 0.5],
                      [0.3, -1.0, 2.0], steps=2)
    tf.reset_default_graph()
    embedding = tf.get_variable("embedding", initializer=tf.constant(np.ones([3, 2], np.float32)))
    loss = tf.reduce_sum(tf.gather(embedding, [2]) * tf.constant([1.0, -2.0]))
    train = tf.contrib.opt.NadamOptimizer(learning_rate=0.1).minimize(loss)
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        session.run(train)
        return {"dense": dense, "sparse": session.run(embedding).tolist()}


def moving_average():
    """SGD(0.5) on loss 2 * var from 1.0, averages with decay 0.5; the swapping saver writes the averages."""
    tf.reset_default_graph()
    var = tf.get_variable("var", initializer=tf.constant([1.0]))
    optimizer = tf.contrib.opt.MovingAverageOptimizer(tf.train.GradientDescentOptimizer(0.5), average_decay=0.5)
    train = optimizer.minimize(tf.reduce_sum(2.0 * var))
    saver = optimizer.swapping_saver()
    path = os.path.join(WORK_DIR, "averaged.ckpt")
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        for _ in range(2):
            session.run(train)
        saver.save(session, path, write_meta_graph=False)
        trained = session.run(var).tolist()
    return {"trained": trained, "saved": {name: tf.train.load_variable(path, name).tolist()
                                          for name, _ in tf.train.list_variables(path)}}


def scipy_interface():
    """(x - 3)^2 + (y + 1)^2, free and with x bounded to [0, 2]."""
    tf.reset_default_graph()
    x = tf.get_variable("x", initializer=0.5)
    y = tf.get_variable("y", initializer=0.5)
    loss = tf.square(x - 3.0) + tf.square(y + 1.0)
    free = tf.contrib.opt.ScipyOptimizerInterface(loss, options={"maxiter": 100})
    bounded = tf.contrib.opt.ScipyOptimizerInterface(loss, var_to_bounds={x: (0.0, 2.0)})
    losses = []
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        free.minimize(session, loss_callback=losses.append, fetches=[loss])
        solution = session.run([x, y])
        bounded.minimize(session)
        return {"free": [float(v) for v in solution], "bounded": [float(v) for v in session.run([x, y])],
                "loss_calls": len(losses), "first_loss": float(losses[0])}


def vocabulary():
    documents = ["the cat sat", "the dog sat down", "a cat"]
    processor = tf.contrib.learn.preprocessing.VocabularyProcessor(4)
    rows = [row.tolist() for row in processor.fit_transform(documents)]
    unseen = list(processor.transform(["the bird sat"]))[0]
    path = os.path.join(WORK_DIR, "vocab.pickle")
    processor.save(path)
    restored = tf.contrib.learn.preprocessing.VocabularyProcessor.restore(path)
    trimmed = tf.contrib.learn.preprocessing.VocabularyProcessor(3, min_frequency=1).fit(documents)
    with open(path, "rb") as handle:
        saved_bytes = handle.read()
    tf1 = text.VocabularyProcessor.restore(TF1_PICKLE)
    return {
        "rows": rows, "unseen": unseen.tolist(), "dtype": str(unseen.dtype),
        "reverse": list(processor.reverse([unseen])),
        "restored_rows": [row.tolist() for row in restored.transform(documents)],
        "vocabulary_size": len(processor.vocabulary_),
        "trimmed": sorted(trimmed.vocabulary_._mapping.items(), key=lambda item: item[1]),
        "pickle_names_tf1_module": b"tensorflow.contrib.learn.python.learn.preprocessing.text" in saved_bytes,
        "pickle_loads_directly": type(pickle.loads(saved_bytes)).__name__, "pickle_protocol": saved_bytes[1],
        "tf1_pickle": {"class": type(tf1).__module__ + "." + type(tf1).__name__, "loaded_first": LOADED_FIRST,
                       "rows": [row.tolist() for row in tf1.transform(["hello world", "world peace hello"])],
                       "reverse": list(tf1.reverse([[2, 1, 0]])),
                       "max_document_length": tf1.max_document_length},
        "bytes": [row.tolist() for row in tf.contrib.learn.preprocessing.ByteProcessor(4).transform(["hé"])],
        "categorical": categorical(),
    }


def categorical():
    """CategoricalProcessor per column and shared, NaN as unknown, pickled under TF1's module path."""
    rows = [["a", "x"], ["b", "x"], ["a", float("nan")]]
    per_column = tf.contrib.learn.preprocessing.CategoricalProcessor()
    fitted = [row.tolist() for row in per_column.fit_transform(rows)]
    shared = tf.contrib.learn.preprocessing.CategoricalProcessor(share=True)
    return {"fitted": fitted, "unseen": [row.tolist() for row in per_column.transform([["c", "x"]])],
            "shared": [row.tolist() for row in shared.fit_transform(rows)],
            "pickled_module": b"preprocessing.categorical\n" in pickle.dumps(per_column, protocol=2)}


def csv_loaders():
    with_header = os.path.join(WORK_DIR, "iris_like.csv")
    with open(with_header, "w") as handle:
        handle.write("3,2,setosa,versicolor\n5.1,3.5,0\n4.9,3.0,1\n6.2,2.9,2\n")
    without_header = os.path.join(WORK_DIR, "plain.csv")
    with open(without_header, "w") as handle:
        handle.write("1,0.5,0.25\n0,1.5,2.5\n")
    base = tf.contrib.learn.datasets.base
    first = base.load_csv_with_header(with_header, target_dtype=np.int32, features_dtype=np.float32)
    second = base.load_csv_without_header(without_header, target_dtype=np.int64, features_dtype=np.float64,
                                          target_column=0)
    return {"data": first.data.tolist(), "target": first.target.tolist(), "dtypes": [str(first.data.dtype),
                                                                                      str(first.target.dtype)],
            "fields": list(first._fields), "datasets_fields": list(base.Datasets._fields),
            "plain_data": second.data.tolist(), "plain_target": second.target.tolist()}


print("RESULT " + json.dumps({"weight_decay": decoupled_weight_decay(), "lazy_adam": lazy_adam(), "nadam": nadam(),
                              "moving_average": moving_average(),
                              "scipy": scipy_interface(), "vocabulary": vocabulary(), "csv": csv_loaders()}))
