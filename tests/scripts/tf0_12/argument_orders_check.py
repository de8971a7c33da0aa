"""TF 0.12's renamed names and argument orders next to TF 1.x's (run with `python -m tf1compat`, unchanged).

Each pair must compute the same values; prints one RESULT line of {check: [0.12 value, 1.x value]}.
"""
import json

import numpy as np
import tensorflow as tf

a = tf.constant([[1.0, 2.0], [3.0, 4.0]])
b = tf.constant([[5.0, 6.0], [7.0, 8.0]])
logits = tf.constant([[2.0, 1.0, 0.1], [0.5, 2.5, 0.2]])
onehot = tf.constant([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
ids = tf.constant([0, 2])
sparse = tf.SparseTensor(indices=[[0, 0], [1, 3]], values=[1.0, 2.0], dense_shape=[2, 4])
axis = tf.constant(1)

PAIRS = {
    "concat_axis0": (tf.concat(0, [a, b]), tf.concat([a, b], 0)),
    "concat_axis1": (tf.concat(1, [a, b]), tf.concat([a, b], axis=1)),
    "concat_tensor_axis": (tf.concat(axis, [a, b]), tf.concat([a, b], axis)),
    "concat_negative_axis": (tf.concat(-1, [a, b]), tf.concat([a, b], -1)),
    "concat_keyword": (tf.concat(concat_dim=0, values=[a, b]), tf.concat(values=[a, b], axis=0)),
    "split": (tf.split(1, 2, a), tf.split(a, 2, 1)),
    "split_keyword": (tf.split(split_dim=0, num_split=2, value=b), tf.split(b, num_or_size_splits=2, axis=0)),
    "split_int_value": (tf.split(0, 2, tf.constant([7, 8])), tf.split(tf.constant([7, 8]), 2, 0)),
    "sparse_split": ([tf.sparse_tensor_to_dense(t) for t in tf.sparse_split(1, 2, sparse)],
                     [tf.sparse_tensor_to_dense(t) for t in tf.sparse_split(sp_input=sparse, num_split=2, axis=1)]),
    "reverse": (tf.reverse(a, [False, True]), tf.reverse(a, [1])),
    "reverse_numpy_mask": (tf.reverse(a, np.array([True, True])), tf.reverse(a, axis=[0, 1])),
    "softmax_xent": (tf.nn.softmax_cross_entropy_with_logits(logits, onehot),
                     tf.nn.softmax_cross_entropy_with_logits(labels=onehot, logits=logits)),
    "sparse_xent": (tf.nn.sparse_softmax_cross_entropy_with_logits(logits, ids),
                    tf.nn.sparse_softmax_cross_entropy_with_logits(labels=ids, logits=logits)),
    "sigmoid_xent": (tf.nn.sigmoid_cross_entropy_with_logits(logits, onehot),
                     tf.nn.sigmoid_cross_entropy_with_logits(labels=onehot, logits=logits)),
    "sigmoid_targets": (tf.nn.sigmoid_cross_entropy_with_logits(logits=logits, targets=onehot),
                        tf.nn.sigmoid_cross_entropy_with_logits(labels=onehot, logits=logits)),
    "mul": (tf.mul(a, b), tf.multiply(a, b)),
    "sub": (tf.sub(a, b), tf.subtract(a, b)),
    "neg": (tf.neg(a), tf.negative(a)),
    "inv": (tf.inv(a), tf.reciprocal(a)),
    "pack": (tf.pack([a, b], axis=1), tf.stack([a, b], axis=1)),
    "unpack": (tf.unpack(a), tf.unstack(a)),
    "select": (tf.select(tf.constant([True, False]), a, b), tf.where(tf.constant([True, False]), a, b)),
    "complex_abs": (tf.complex_abs(tf.complex(a, b)), tf.abs(tf.complex(a, b))),
    "batch_matmul": (tf.batch_matmul(a, b, adj_x=True), tf.matmul(a, b, adjoint_a=True)),
    "batch_matrix_transpose": (tf.batch_matrix_transpose(tf.stack([a, b])), tf.matrix_transpose(tf.stack([a, b]))),
    "listdiff": (tf.listdiff([1, 2, 3, 4], [2, 4])[0], tf.setdiff1d([1, 2, 3, 4], [2, 4])[0]),
    "per_image_whitening": (tf.image.per_image_whitening(tf.reshape(a, [2, 2, 1])),
                            tf.image.per_image_standardization(tf.reshape(a, [2, 2, 1]))),
}
with tf.variable_scope("linear_0_12", initializer=tf.constant_initializer(0.5)):
    PAIRS["rnn_cell_linear"] = (tf.nn.rnn_cell._linear([a, b], 3, True, bias_start=1.0, scope="proj"),
                                tf.tile(tf.reduce_sum(a + b, 1, keepdims=True) * 0.5 + 1.0, [1, 3]))
for scope, rnn in (("rnn_0_12", tf.nn.rnn), ("rnn_1_x", tf.nn.static_rnn)):
    with tf.variable_scope(scope, initializer=tf.constant_initializer(0.1)):
        PAIRS.setdefault("nn_rnn", []).append(rnn(tf.nn.rnn_cell.GRUCell(3), [a, b], dtype=tf.float32)[0][-1])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    values = sess.run(PAIRS)
result = {name: [np.asarray(old).tolist(), np.asarray(new).tolist()] for name, (old, new) in values.items()}
result["contrib_deprecated"] = [tf.contrib.deprecated.scalar_summary is tf.scalar_summary,
                                tf.contrib.deprecated.merge_all_summaries is tf.merge_all_summaries]
result["linear_variables"] = sorted(v.op.name for v in tf.global_variables() if v.op.name.startswith("linear_0_12"))
print("RESULT " + json.dumps(result))
