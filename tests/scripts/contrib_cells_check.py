"""TF1 script (run with `python -m tf1compat`): one step of each contrib.rnn / cudnn_rnn cell, as JSON.

For every cell it prints the variable names and shapes it created (the TF1 checkpoint names), the
variable values, the inputs, the previous state and the new output/state, so the test can redo
the step in NumPy.
"""
import json

import numpy as np
import tensorflow as tf
from tensorflow.contrib import cudnn_rnn, rnn

BATCH, FEATURES, UNITS = 2, 3, 4
RNG = np.random.RandomState(7)


def cells():
    """name -> (cell, input width, extra: how the input is given)."""
    lstm_state = (UNITS, UNITS)
    return {
        "lstm_block": (rnn.LSTMBlockCell(UNITS, forget_bias=0.5, use_peephole=True, cell_clip=2.0), FEATURES),
        "gru_block": (rnn.GRUBlockCell(UNITS), FEATURES),
        "gru_block_v2": (rnn.GRUBlockCellV2(UNITS), FEATURES),
        "layer_norm_lstm": (rnn.LayerNormBasicLSTMCell(UNITS, norm_gain=1.5, norm_shift=0.1), FEATURES),
        "layer_norm_lstm_plain": (rnn.LayerNormBasicLSTMCell(UNITS, layer_norm=False), FEATURES),
        "cifg": (rnn.CoupledInputForgetGateLSTMCell(UNITS, use_peepholes=True, num_proj=3, proj_clip=0.5), FEATURES),
        "layer_norm_lstm_cell": (rnn.LayerNormLSTMCell(UNITS, use_peepholes=True, num_proj=3, cell_clip=1.0,
                                                       layer_norm=True, norm_gain=1.2), FEATURES),
        "sru": (rnn.SRUCell(FEATURES), FEATURES),
        "glstm": (rnn.GLSTMCell(UNITS, num_proj=2, number_of_groups=2), 4),
        "indrnn": (rnn.IndRNNCell(UNITS), FEATURES),
        "indy_gru": (rnn.IndyGRUCell(UNITS), FEATURES),
        "indy_lstm": (rnn.IndyLSTMCell(UNITS, forget_bias=0.5), FEATURES),
        "compiled": (rnn.CompiledWrapper(rnn.BasicRNNCell(UNITS)), FEATURES),
        "minimal": (rnn.MinimalRNNCell(UNITS, bias_initializer="glorot_uniform"), FEATURES),
        "cfn": (rnn.CFNCell(UNITS), FEATURES),
        "weight_norm": (rnn.WeightNormLSTMCell(UNITS, use_peepholes=True, num_proj=3, cell_clip=1.5), FEATURES),
        "nas": (rnn.NASCell(UNITS, num_proj=3, use_biases=True), FEATURES),
        "ugrnn": (rnn.UGRNNCell(UNITS), FEATURES),
        "intersection": (rnn.IntersectionRNNCell(UNITS, num_in_proj=UNITS), FEATURES),
        "phased": (rnn.PhasedLSTMCell(UNITS, use_peepholes=True), FEATURES),
        "grid": (rnn.GridLSTMCell(UNITS, use_peepholes=True, feature_size=2, frequency_skip=1,
                                  num_frequency_blocks=[2]), FEATURES),
        "bidirectional_grid": (rnn.BidirectionalGridLSTMCell(UNITS, use_peepholes=True, feature_size=2,
                                                             frequency_skip=1, num_frequency_blocks=[2]), FEATURES),
        "time_freq": (rnn.TimeFreqLSTMCell(UNITS, use_peepholes=True, cell_clip=1.0, feature_size=2), FEATURES),
        "attention": (rnn.AttentionCellWrapper(rnn.BasicLSTMCell(UNITS), attn_length=2), FEATURES),
        "highway": (rnn.HighwayWrapper(rnn.BasicRNNCell(FEATURES), couple_carry_transform_gates=False), FEATURES),
        "input_projection": (rnn.InputProjectionWrapper(rnn.BasicRNNCell(UNITS), num_proj=5), FEATURES),
        "embedding": (rnn.EmbeddingWrapper(rnn.BasicRNNCell(UNITS), embedding_classes=6, embedding_size=5), None),
        "conv2d_lstm": (rnn.Conv2DLSTMCell(input_shape=[3, 3, 2], output_channels=2, kernel_shape=[3, 3]), None),
        "conv1d_lstm": (rnn.Conv1DLSTMCell(input_shape=[4, 2], output_channels=2, kernel_shape=[2],
                                           skip_connection=True), None),
        "cudnn_lstm": (cudnn_rnn.CudnnCompatibleLSTMCell(UNITS), FEATURES),
        "cudnn_gru": (cudnn_rnn.CudnnCompatibleGRUCell(UNITS), FEATURES),
    }, lstm_state


def make_inputs(name, cell, width):
    if name == "embedding":
        return np.array([1, 4], dtype=np.int32)
    if name == "conv2d_lstm":
        return RNG.normal(size=(BATCH, 3, 3, 2)).astype(np.float32)
    if name == "conv1d_lstm":
        return RNG.normal(size=(BATCH, 4, 2)).astype(np.float32)
    if name == "phased":
        return (np.array([[3.0], [250.0]], np.float32), RNG.normal(size=(BATCH, width)).astype(np.float32))
    return RNG.normal(size=(BATCH, width)).astype(np.float32)


def random_state(cell):
    if isinstance(cell, rnn.TimeFreqLSTMCell):  # [c, m] per frequency slice: 2 slices of 3 features
        return RNG.normal(scale=0.5, size=(BATCH, 4 * UNITS)).astype(np.float32)
    return tf.contrib.framework.nest.map_structure(
        lambda size: RNG.normal(scale=0.5, size=[BATCH] + tf.TensorShape(size).as_list()).astype(np.float32),
        cell.state_size)


def to_json(value):
    return tf.contrib.framework.nest.map_structure(lambda a: np.asarray(a).tolist(), value)


def one_step(name, cell, width, session):
    inputs = make_inputs(name, cell, width)
    state = random_state(cell)
    with tf.variable_scope(name):
        output, new_state = cell(tf.contrib.framework.nest.map_structure(tf.constant, inputs),
                                 tf.contrib.framework.nest.map_structure(tf.constant, state))
    variables = tf.global_variables(name + "/")
    session.run(tf.variables_initializer(variables))
    values = session.run({v.op.name[len(name) + 1:]: v for v in variables})
    out, new = session.run([output, new_state])
    return {"variables": {key: list(np.shape(v)) for key, v in values.items()},
            "values": to_json(values), "inputs": to_json(inputs), "state": to_json(state),
            "output": to_json(out),
            "new_state": [np.asarray(a).tolist() for a in tf.contrib.framework.nest.flatten(new)]}


def fused_sequence(session):
    """LSTMBlockFusedCell over a time-major sequence with lengths vs LSTMBlockCell under dynamic_rnn."""
    data = RNG.normal(size=(5, BATCH, FEATURES)).astype(np.float32)
    lengths = np.array([5, 3], np.int32)
    with tf.variable_scope("fused"):
        fused = rnn.LSTMBlockFusedCell(UNITS)
        outputs, (final_c, final_h) = fused(tf.constant(data), dtype=tf.float32, sequence_length=lengths)
    names = sorted(v.op.name for v in tf.global_variables("fused/"))
    with tf.variable_scope("fused", reuse=True):
        block_outputs, block_state = tf.nn.dynamic_rnn(
            rnn.LSTMBlockCell(UNITS, name="lstm_fused_cell"), tf.constant(data), sequence_length=lengths,
            time_major=True, dtype=tf.float32, scope=tf.get_variable_scope())
    with tf.variable_scope("fused", reuse=True):
        reversed_outputs, reversed_state = rnn.TimeReversedFusedRNN(fused)(
            tf.constant(data), dtype=tf.float32, sequence_length=lengths)
    with tf.variable_scope("fused", reuse=True):
        adapted_outputs, adapted_state = rnn.FusedRNNCellAdaptor(
            rnn.LSTMBlockCell(UNITS, name="lstm_fused_cell"), use_dynamic_rnn=True)(
            tf.constant(data[::-1][2:]), dtype=tf.float32, scope=tf.get_variable_scope())
    session.run(tf.variables_initializer(tf.global_variables("fused/")))
    got = session.run([outputs, final_c, final_h, block_outputs, block_state.c, block_state.h])
    backward = session.run([reversed_outputs, reversed_state.h, adapted_outputs, adapted_state.h])
    return {"variables": names, "outputs_gap": float(np.abs(got[0] - got[3]).max()),
            "final_c_gap": float(np.abs(got[1] - got[4]).max()), "final_h_gap": float(np.abs(got[2] - got[5]).max()),
            "padded_outputs_zero": bool(np.all(got[0][3:, 1] == 0)),
            # Sequence 1 has length 3: reversed within its length it is data[2::-1], which the adaptor reads.
            "reversed_gap": float(np.abs(backward[0][2::-1, 1] - backward[2][:, 1]).max()),
            "reversed_final_gap": float(np.abs(backward[1][1] - backward[3][1]).max()),
            "variables_after_reuse": sorted(v.op.name for v in tf.global_variables("fused/"))}


def rnn_utilities(session):
    """transpose_batch_time and best_effort_input_batch_size (static and dynamic)."""
    data = tf.constant(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
    holder = tf.placeholder(tf.float32, [None, None, 4])
    swapped = rnn.transpose_batch_time(data)
    dynamic = rnn.best_effort_input_batch_size([holder])
    return {"swapped_shape": swapped.get_shape().as_list(), "swapped": session.run(swapped).tolist(),
            "static_batch": rnn.best_effort_input_batch_size([holder, data]),
            "dynamic_batch": int(session.run(dynamic, {holder: np.zeros((5, 7, 4))})),
            "block_wrapper_base": issubclass(rnn.LSTMBlockFusedCell, rnn.LSTMBlockWrapper),
            "layer_rnn_cell_base": issubclass(rnn.LSTMBlockCell, rnn.LayerRNNCell)}


def gradients_flow(session):
    """The LSTMBlockCell and GRUBlockCell gradients (registered by tf1compat) against finite differences."""
    result = {}
    for name, cell in (("lstm_block_grad", rnn.LSTMBlockCell(UNITS)), ("gru_block_grad", rnn.GRUBlockCell(UNITS))):
        data = tf.constant(RNG.normal(size=(BATCH, 4, FEATURES)).astype(np.float32))
        with tf.variable_scope(name):
            outputs, _ = tf.nn.dynamic_rnn(cell, data, dtype=tf.float32)
        loss = tf.reduce_sum(tf.square(outputs))
        variables = tf.global_variables(name + "/")
        session.run(tf.variables_initializer(variables))
        grads = session.run(tf.gradients(loss, variables))
        kernel = variables[0]
        base = session.run(kernel)
        delta, (row, col) = 1e-2, (1, 2)
        bumped = base.copy()
        bumped[row, col] += delta
        up = session.run(loss, {kernel: bumped})
        bumped[row, col] -= 2 * delta
        down = session.run(loss, {kernel: bumped})
        result[name] = {"analytic": float(grads[0][row, col]), "numeric": float((up - down) / (2 * delta)),
                        "all_finite": bool(all(np.all(np.isfinite(g)) for g in grads))}
    return result


def main():
    tf.set_random_seed(7)  # fixed initial weights: the finite-difference probes see the same loss surface each run
    table, _ = cells()
    with tf.Session() as session:
        result = {name: one_step(name, cell, width, session) for name, cell, width in
                  ((n, c, w) for n, (c, w) in table.items())}
        result["fused"] = fused_sequence(session)
        result["utilities"] = rnn_utilities(session)
        result.update(gradients_flow(session))
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
