"""`copy.deepcopy` of built TF1 cells (run with `python -m tf1compat`, unchanged TF1 code).

A built two-layer GRU MultiRNNCell and a built BasicLSTMCell are deep-copied: the copy must share the
variables (and graph), be a new cell with new inner cells, and compute the same outputs in the same
variable scope without creating a variable. Prints one RESULT line.
"""
import copy
import json

import numpy as np
import tensorflow as tf


def run_cell(cell, inputs, scope):
    with tf.variable_scope(scope, reuse=tf.AUTO_REUSE):
        outputs, _ = tf.nn.static_rnn(cell, inputs, dtype=tf.float32)
    return outputs[-1]


def check(make_cell, scope):
    inputs = [tf.constant(np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3) * step) for step in (1, 2)]
    cell = make_cell()
    original = run_cell(cell, inputs, scope)
    count = len(tf.global_variables())
    twin = copy.deepcopy(cell)
    copied = run_cell(twin, inputs, scope)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        first, second = sess.run([original, copied])
    inner = getattr(cell, "_cells", [cell])
    twin_inner = getattr(twin, "_cells", [twin])
    return {
        "new_object": twin is not cell and all(a is not b for a, b in zip(inner, twin_inner)),
        "shares_variables": [a is b for a, b in zip(cell.weights, twin.weights)],
        "built": twin.built,
        "new_variables": len(tf.global_variables()) - count,
        "max_abs_difference": float(np.max(np.abs(first - second))),
        "output_norm": float(np.linalg.norm(first)),
    }


tf.set_random_seed(0)  # the initial weights, so the outputs' size is the same on every run
gru = check(lambda: tf.nn.rnn_cell.MultiRNNCell([tf.nn.rnn_cell.GRUCell(4) for _ in range(2)]), "gru")
lstm = check(lambda: tf.contrib.rnn.BasicLSTMCell(5), "lstm")
unbuilt = copy.deepcopy(tf.nn.rnn_cell.GRUCell(3))
dispatch_clean = not any("Tensor" in kind.__name__ or "Variable" in kind.__name__
                         for kind in copy._deepcopy_dispatch if isinstance(kind, type))
try:
    copy.deepcopy(tf.constant(1.0))
    tensor_copy = "copied"
except TypeError as error:
    tensor_copy = "TypeError: " + str(error)
print("RESULT " + json.dumps({"gru": gru, "lstm": lstm, "unbuilt_built": unbuilt.built,
                              "dispatch_clean": dispatch_clean, "tensor_copy": tensor_copy}))
