"""TF1 script (run with `python -m tf1compat`): checks contrib.rnn, seq2seq and the unsupported-name errors."""
import json
import sys

import numpy as np
import tensorflow as tf
from tensorflow.contrib import rnn

BATCH, STEPS, FEATURES = 2, 4, 5


def step_inputs(rng):
    data = rng.normal(size=(BATCH, STEPS, FEATURES)).astype(np.float32)
    return data, [tf.constant(data[:, t]) for t in range(STEPS)]


def variables_of(scope):
    return {v.op.name: v.get_shape().as_list() for v in tf.global_variables(scope)}


def shapes(tensors):
    return [t.get_shape().as_list() for t in tf.contrib.framework.nest.flatten(tensors)]


def cell_shapes():
    """Output/state shapes and variable names of each cell under static_rnn."""
    tf.reset_default_graph()
    _, inputs = step_inputs(np.random.RandomState(0))
    cells = {
        "basic_lstm": rnn.BasicLSTMCell(4),
        "lstm_peephole_proj": rnn.LSTMCell(4, use_peepholes=True, num_proj=3),
        "gru": rnn.GRUCell(4),
        "multi": rnn.MultiRNNCell([rnn.BasicLSTMCell(4), rnn.GRUCell(3)]),
        "dropout": rnn.DropoutWrapper(rnn.BasicRNNCell(4), output_keep_prob=0.5),
    }
    result = {}
    for name, cell in cells.items():
        outputs, state = rnn.static_rnn(cell, inputs, dtype=tf.float32, scope=name)
        result[name] = {"outputs": len(outputs), "output": shapes(outputs[-1]), "state": shapes(state),
                        "variables": variables_of(name)}
    result["lstm_state_is_tuple"] = isinstance(state_of(cells["basic_lstm"]), rnn.LSTMStateTuple)
    result["all_are_rnn_cells"] = all(isinstance(cell, rnn.RNNCell) for cell in cells.values())
    return result


def state_of(cell):
    return cell.zero_state(BATCH, tf.float32)


def basic_rnn_against_numpy():
    """static_rnn with a BasicRNNCell, ResidualWrapper and OutputProjectionWrapper vs numpy."""
    tf.reset_default_graph()
    rng = np.random.RandomState(1)
    data, inputs = step_inputs(rng)
    kernel = rng.normal(scale=0.5, size=(FEATURES + 3, 3)).astype(np.float32)
    bias = rng.normal(scale=0.1, size=3).astype(np.float32)
    with tf.variable_scope("plain", initializer=tf.constant_initializer(kernel)):
        outputs, state = rnn.static_rnn(rnn.BasicRNNCell(3), inputs, dtype=tf.float32)
    residual_cell = rnn.ResidualWrapper(rnn.BasicRNNCell(FEATURES))
    residual_outputs, _ = rnn.static_rnn(residual_cell, inputs, dtype=tf.float32, scope="residual")
    projected = rnn.OutputProjectionWrapper(rnn.BasicRNNCell(3), output_size=1)
    projected_outputs, _ = tf.nn.dynamic_rnn(projected, tf.constant(data), dtype=tf.float32)
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        session.run(tf.assign(tf.global_variables("plain/rnn/basic_rnn_cell/bias")[0], bias))
        values = session.run({"outputs": outputs, "state": state, "residual": residual_outputs,
                              "projected": projected_outputs})
        weights = session.run({v.op.name: v for v in tf.global_variables()})
    reference = numpy_basic_rnn(data, kernel, bias)
    inner = numpy_basic_rnn(data, weights["rnn/output_projection_wrapper/basic_rnn_cell/kernel"],
                            weights["rnn/output_projection_wrapper/basic_rnn_cell/bias"])
    projection = inner @ weights["rnn/output_projection_wrapper/kernel"] + weights["rnn/output_projection_wrapper/bias"]
    residual_inner = numpy_basic_rnn(data, weights["residual/basic_rnn_cell/kernel"],
                                     weights["residual/basic_rnn_cell/bias"])
    return {
        "max_abs_diff": float(np.abs(np.stack(values["outputs"], 1) - reference).max()),
        "state_diff": float(np.abs(values["state"] - reference[:, -1]).max()),
        "residual_diff": float(np.abs(np.stack(values["residual"], 1) - (residual_inner + data)).max()),
        "projection_diff": float(np.abs(values["projected"] - projection).max()),
        "projection_variables": sorted(n for n in weights if n.startswith("rnn/output_projection_wrapper")),
        "projection_shape": list(values["projected"].shape),
    }


def dropout_wrapper_values():
    """DropoutWrapper(output_keep_prob=0.5) on shared weights: each output is 0 or twice the plain one."""
    tf.reset_default_graph()
    tf.set_random_seed(0)
    _, inputs = step_inputs(np.random.RandomState(4))
    with tf.variable_scope("shared"):
        plain, _ = rnn.static_rnn(rnn.BasicRNNCell(50), inputs, dtype=tf.float32)
    with tf.variable_scope("shared", reuse=True):
        dropped, _ = rnn.static_rnn(rnn.DropoutWrapper(rnn.BasicRNNCell(50), output_keep_prob=0.5), inputs,
                                    dtype=tf.float32)
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        plain_value, dropped_value = (np.stack(v) for v in session.run([plain, dropped]))
    zeros = dropped_value == 0
    return {"zero_fraction": float(zeros.mean()),
            "kept_ratio_error": float(np.abs(dropped_value[~zeros] - 2 * plain_value[~zeros]).max()),
            "variables": len(tf.global_variables())}


def numpy_basic_rnn(data, kernel, bias):
    """h_t = tanh([x_t, h_{t-1}] @ kernel + bias), the BasicRNNCell recurrence; returns [batch, time, units]."""
    state = np.zeros((data.shape[0], kernel.shape[1]), np.float32)
    outputs = []
    for t in range(data.shape[1]):
        state = np.tanh(np.concatenate([data[:, t], state], 1) @ kernel + bias)
        outputs.append(state)
    return np.stack(outputs, 1)


def bidirectional_shapes():
    tf.reset_default_graph()
    data, inputs = step_inputs(np.random.RandomState(2))
    outputs, state_fw, state_bw = rnn.static_bidirectional_rnn(
        rnn.BasicLSTMCell(4), rnn.GRUCell(3), inputs, dtype=tf.float32)
    stacked, stacked_fw, _ = rnn.stack_bidirectional_rnn(
        [rnn.GRUCell(2), rnn.GRUCell(2)], [rnn.GRUCell(3), rnn.GRUCell(3)], inputs, dtype=tf.float32)
    dynamic, dynamic_fw, dynamic_bw = rnn.stack_bidirectional_dynamic_rnn(
        [rnn.BasicLSTMCell(2), rnn.BasicLSTMCell(2)], [rnn.BasicLSTMCell(1), rnn.BasicLSTMCell(1)],
        tf.constant(data), dtype=tf.float32, sequence_length=[STEPS, 2])
    return {
        "static": {"outputs": len(outputs), "output": shapes(outputs[0]), "fw": shapes(state_fw),
                   "bw": shapes(state_bw), "variables": variables_of("bidirectional_rnn")},
        "stacked": {"outputs": len(stacked), "output": shapes(stacked[0]), "layers": len(stacked_fw)},
        "stacked_dynamic": {"output": shapes(dynamic), "layers_fw": len(dynamic_fw), "layers_bw": len(dynamic_bw)},
        "stack_variables": sorted(variables_of("stack_bidirectional_rnn")),
    }


def numpy_cross_entropy(logits, targets):
    shifted = logits - logits.max(-1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(-1, keepdims=True))
    return -np.take_along_axis(log_probs, targets[..., None], -1)[..., 0]


def sequence_losses():
    """tf.contrib.seq2seq.sequence_loss in each reduction mode, and the numpy reference values."""
    tf.reset_default_graph()
    rng = np.random.RandomState(3)
    logits = rng.normal(size=(3, 5, 7)).astype(np.float32)
    targets = rng.randint(0, 7, size=(3, 5)).astype(np.int32)
    weights = np.array([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0], [0.5, 2, 1, 1, 0]], np.float32)
    modes = {
        "default": {},
        "per_example": {"average_across_batch": False},
        "per_step": {"average_across_timesteps": False},
        "none": {"average_across_timesteps": False, "average_across_batch": False},
        "sum_both": {"average_across_timesteps": False, "average_across_batch": False,
                     "sum_over_timesteps": True, "sum_over_batch": True},
        "sum_timesteps": {"average_across_timesteps": False, "sum_over_timesteps": True,
                          "average_across_batch": False},
        "doubled_loss_fn": {"softmax_loss_function":
                            lambda labels, logits: 2 * tf.nn.sparse_softmax_cross_entropy_with_logits(
                                labels=labels, logits=logits)},
    }
    tensors = {name: tf.contrib.seq2seq.sequence_loss(logits, targets, weights, **options)
               for name, options in modes.items()}
    with tf.Session() as session:
        values = {name: np.asarray(value).tolist() for name, value in session.run(tensors).items()}
    try:
        tf.contrib.seq2seq.sequence_loss(logits, targets, weights, sum_over_batch=True)
        conflict = None
    except ValueError as error:
        conflict = str(error)
    crossent = numpy_cross_entropy(logits, targets) * weights
    return {"tf": values, "conflict_error": conflict,
            "numpy": {"crossent": crossent.tolist(), "weights": weights.tolist()}}


def error_flavours():
    """The unsupported-name errors in each context a TF1 script meets them."""
    found = {}
    try:
        from tensorflow.contrib.layers import nope  # noqa: F401
    except ImportError as error:
        found["from_layers_import"] = describe(error)
    try:
        tf.contrib.layers.nope
    except AttributeError as error:
        found["layers_attribute"] = describe(error)
    try:
        rnn.NTMCell(4)
    except AttributeError as error:
        found["rnn_removed_cell"] = describe(error)
    try:
        from tensorflow.contrib.rnn import NTMCell  # noqa: F401
    except ImportError as error:
        found["rnn_removed_cell_import"] = describe(error)
    try:
        from tensorflow.contrib import nonexistent  # noqa: F401
    except ImportError as error:
        found["contrib_import"] = describe(error)
    try:
        from tensorflow.contrib.seq2seq import BasicDecoderV2  # noqa: F401  (TF 1.15's Keras-based V2 classes are not provided)
    except ImportError as error:
        found["seq2seq_import"] = describe(error)
    try:
        tf.contrib.layers._fields
    except AttributeError as error:
        found["private_probe"] = describe(error)
    found["hasattr"] = {"contrib.nonexistent": hasattr(tf.contrib, "nonexistent"),
                        "contrib.layers.nope": hasattr(tf.contrib.layers, "nope"),
                        "contrib.slim.nope": hasattr(tf.contrib.slim, "nope"),
                        "contrib.framework.nope": hasattr(tf.contrib.framework, "nope"),
                        "contrib.rnn.GRUCell": hasattr(tf.contrib.rnn, "GRUCell"),
                        "contrib.layers.flatten": hasattr(tf.contrib.layers, "flatten")}
    found["dir"] = {name: dir(getattr(tf.contrib, name)) for name in ("layers", "rnn", "slim", "framework")}
    return found


def describe(error):
    return {"type": type(error).__name__, "bases": [cls.__name__ for cls in type(error).__mro__],
            "message": str(error)}


def main(argv=None):
    results = {
        "cells": cell_shapes(),
        "numpy": basic_rnn_against_numpy(),
        "dropout_wrapper": dropout_wrapper_values(),
        "bidirectional": bidirectional_shapes(),
        "sequence_loss": sequence_losses(),
        "errors": error_flavours(),
    }
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
