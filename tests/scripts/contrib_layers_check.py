"""TF1 script (run with `python -m tf1compat`): checks contrib.layers / slim / framework, prints JSON."""
import json
import os
import sys
import tempfile

import numpy as np
import tensorflow as tf
import tensorflow.contrib.slim as slim
from tensorflow.contrib.layers import fully_connected, xavier_initializer
from tensorflow.contrib.layers.python.layers import batch_norm as implementation_batch_norm
from tensorflow.contrib.slim.nets import vgg


def variables_of(scope=None):
    return {v.op.name: v.get_shape().as_list() for v in tf.global_variables(scope)}


def layer_variables():
    tf.reset_default_graph()
    images = tf.placeholder(tf.float32, [None, 8, 8, 3])
    shapes = {
        "flatten": tf.contrib.layers.flatten(images),
        "fully_connected": fully_connected(tf.contrib.layers.flatten(images), 5),
        "fully_connected_rank3": fully_connected(tf.ones([2, 3, 4]), 5, scope="sequence_fc"),
        "conv2d": tf.contrib.layers.conv2d(images, 6, [3, 3]),
        "conv2d_stride2_valid": tf.contrib.layers.conv2d(images, 4, 3, stride=2, padding="VALID"),
        "conv2d_transpose": tf.contrib.layers.conv2d_transpose(images, 2, 3, stride=2),
        "max_pool2d": tf.contrib.layers.max_pool2d(images, 2),
        "avg_pool2d": tf.contrib.layers.avg_pool2d(images, [2, 2], stride=2),
        "batch_norm": tf.contrib.layers.batch_norm(images, scale=True),
        "layer_norm": tf.contrib.layers.layer_norm(images),
        "one_hot_encoding": tf.contrib.layers.one_hot_encoding(tf.constant([0, 2, 1]), 4),
        "embed_sequence": tf.contrib.layers.embed_sequence(tf.constant([[1, 2, 3]]), 10, 7),
        "slim_stack": slim.stack(tf.ones([2, 6]), slim.fully_connected, [4, 3], scope="fc"),
        "slim_repeat": slim.repeat(images, 2, slim.conv2d, 4, [3, 3], scope="conv"),
    }
    return {
        "variables": variables_of(),
        "outputs": {name: tensor.get_shape().as_list() for name, tensor in shapes.items()},
        "update_ops": len(tf.get_collection(tf.GraphKeys.UPDATE_OPS)),
        "model_variables": [v.op.name for v in tf.contrib.framework.get_model_variables()],
    }


def normalization_and_dropout():
    """batch_norm statistics and moving averages (UPDATE_OPS and in-place), dropout's keep_prob semantics."""
    tf.reset_default_graph()
    tf.set_random_seed(0)
    data = np.random.RandomState(0).normal(2.0, 3.0, size=(64, 5)).astype(np.float32)
    x = tf.constant(data)
    collected = tf.contrib.layers.batch_norm(x, decay=0.9, is_training=True, scope="collected")
    in_place = tf.contrib.layers.batch_norm(x, updates_collections=None, is_training=True, scope="in_place")
    fused = tf.contrib.layers.batch_norm(tf.reshape(x, [4, 4, 4, 5]), fused=True, is_training=True, scope="fused")
    dropped = tf.contrib.layers.dropout(tf.ones([1000, 100]), keep_prob=0.8)
    kept = tf.contrib.layers.dropout(tf.ones([10, 10]), keep_prob=0.8, is_training=False)
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        normalized = session.run(collected)
        session.run(tf.get_collection(tf.GraphKeys.UPDATE_OPS, "collected"))
        session.run(in_place)
        moving = session.run({name: tf.contrib.framework.get_variables(name + "/moving_mean")[0]
                              for name in ("collected", "in_place")})
        dropped_value, kept_value, fused_value = session.run([dropped, kept, fused])
    return {
        "batch_mean": data.mean(0).tolist(),
        "normalized_mean": normalized.mean(0).tolist(), "normalized_std": normalized.std(0).tolist(),
        "moving_mean": {name: value.tolist() for name, value in moving.items()},
        "fused_std": fused_value.reshape(-1, 5).std(0).tolist(),
        "dropout_zero_fraction": float((dropped_value == 0).mean()),
        "dropout_values": np.unique(dropped_value).tolist(), "dropout_eval_values": np.unique(kept_value).tolist(),
    }


def embeddings_and_summaries():
    """embed_sequence (plain and unique lookups) against the table, and summarize_* summaries."""
    tf.reset_default_graph()
    table = np.arange(15, dtype=np.float32).reshape(5, 3)
    ids = [[1, 2, 1], [3, 1, 0]]
    plain = tf.contrib.layers.embed_sequence(ids, 5, 3, initializer=tf.constant_initializer(table), scope="emb")
    unique = tf.contrib.layers.embed_sequence(ids, unique=True, scope="emb", reuse=True)
    activation = tf.nn.relu(tf.constant([[-1.0, 2.0], [3.0, -4.0]]))
    tf.contrib.layers.summarize_activation(activation)
    tf.contrib.layers.summarize_tensor(tf.constant(2.0), tag="two")
    summaries = tf.get_collection(tf.GraphKeys.SUMMARIES)
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        plain_value, unique_value, serialized = session.run([plain, unique, tf.summary.merge_all()])
    scalars = {value.tag: value.simple_value for value in tf.Summary.FromString(serialized).value
               if value.WhichOneof("value") == "simple_value"}
    return {"table": table.tolist(), "ids": ids, "plain": plain_value.tolist(), "unique": unique_value.tolist(),
            "summary_ops": sorted(op.op.type for op in summaries), "scalars": scalars}


def sample_stats(initializer, shape):
    tf.reset_default_graph()
    tf.set_random_seed(1)
    weights = tf.get_variable("w", shape, initializer=initializer)
    with tf.Session() as session:
        session.run(weights.initializer)
        values = session.run(weights)
    return {"std": float(values.std()), "mean": float(values.mean()), "max_abs": float(np.abs(values).max())}


def initializer_stats():
    return {
        "xavier_uniform_1000x1000": sample_stats(xavier_initializer(), [1000, 1000]),
        "xavier_normal_1000x1000": sample_stats(tf.contrib.layers.xavier_initializer(uniform=False), [1000, 1000]),
        "xavier_conv2d_3x3x64x128": sample_stats(tf.contrib.layers.xavier_initializer_conv2d(), [3, 3, 64, 128]),
        "variance_scaling_default_1000x1000": sample_stats(tf.contrib.layers.variance_scaling_initializer(),
                                                           [1000, 1000]),
        "variance_scaling_fan_out_uniform_500x2000": sample_stats(
            tf.contrib.layers.variance_scaling_initializer(factor=1.0, mode="FAN_OUT", uniform=True), [500, 2000]),
    }


def regularizer_values():
    tf.reset_default_graph()
    first = np.arange(-3.0, 3.0, 0.5, dtype=np.float32).reshape(3, 4)
    second = np.linspace(-1.0, 2.0, 5).astype(np.float32)
    w1, w2 = tf.constant(first), tf.constant(second)
    inputs = tf.constant(np.ones((2, 4), np.float32))
    fully_connected(inputs, 3, weights_initializer=tf.constant_initializer(first.T.copy()),
                    weights_regularizer=tf.contrib.layers.l2_regularizer(0.5), scope="regularized")
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        values = session.run({
            "l2_0.1": tf.contrib.layers.l2_regularizer(0.1)(w1),
            "l1_0.05": tf.contrib.layers.l1_regularizer(0.05)(w1),
            "l1_l2_0.3_0.2": tf.contrib.layers.l1_l2_regularizer(0.3, 0.2)(w1),
            "apply_l2_0.1": tf.contrib.layers.apply_regularization(tf.contrib.layers.l2_regularizer(0.1), [w1, w2]),
            "collected_loss": tf.losses.get_regularization_loss(),
            "regularized_weights": tf.contrib.framework.get_variables("regularized/weights")[0],
        })
    values = {key: np.asarray(value).tolist() for key, value in values.items()}
    values.update({"first": first.tolist(), "second": second.tolist()})
    return values


def train_toy_model(steps=80):
    """fully_connected + batch_norm + dropout, trained with contrib.layers.optimize_loss."""
    tf.reset_default_graph()
    tf.set_random_seed(0)
    rng = np.random.RandomState(0)
    features = rng.normal(size=(256, 10)).astype(np.float32)
    labels = (features[:, 0] - 0.5 * features[:, 1] + 0.25 * features[:, 2] > 0).astype(np.int64)
    x = tf.placeholder(tf.float32, [None, 10])
    y = tf.placeholder(tf.int64, [None])
    training = tf.placeholder_with_default(False, [])
    hidden = tf.contrib.layers.fully_connected(x, 32, activation_fn=None)
    hidden = tf.nn.relu(tf.contrib.layers.batch_norm(hidden, is_training=training, decay=0.9))
    hidden = tf.contrib.layers.dropout(hidden, keep_prob=0.8, is_training=training)
    logits = tf.contrib.layers.fully_connected(hidden, 2, activation_fn=None)
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits))
    accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1), y), tf.float32))
    global_step = tf.contrib.framework.get_or_create_global_step()
    train_op = tf.contrib.layers.optimize_loss(loss, global_step, learning_rate=0.02, optimizer="Adam",
                                               summaries=[])
    losses = []
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        feed = {x: features, y: labels}
        train_feed = {x: features, y: labels, training: True}
        initial = session.run([loss, accuracy], feed)
        for _ in range(steps):
            losses.append(float(session.run(train_op, train_feed)))
        final = session.run([loss, accuracy], feed)
        moving_mean = session.run(tf.contrib.framework.get_variables("BatchNorm/moving_mean")[0])
        step = session.run(global_step)
    return {"initial_loss": float(initial[0]), "initial_accuracy": float(initial[1]),
            "final_loss": float(final[0]), "final_accuracy": float(final[1]),
            "train_losses": losses, "moving_mean_abs_sum": float(np.abs(moving_mean).sum()),
            "global_step": int(step)}


def slim_training(steps=20):
    """slim.losses + slim.learning.create_train_op (gradient clipping) on a linear softmax model."""
    tf.reset_default_graph()
    tf.set_random_seed(0)
    rng = np.random.RandomState(1)
    features = rng.normal(size=(64, 4)).astype(np.float32)
    labels = np.argmax(features[:, :3], 1)
    logits = slim.fully_connected(tf.constant(features), 3, activation_fn=None,
                                  weights_regularizer=slim.l2_regularizer(0.01))
    cross_entropy = slim.losses.softmax_cross_entropy(logits, tf.one_hot(labels, 3))
    total = slim.losses.get_total_loss()
    regularization = tf.add_n(slim.losses.get_regularization_losses())
    train_op = slim.learning.create_train_op(total, tf.train.GradientDescentOptimizer(0.5), clip_gradient_norm=1.0)
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        parts = session.run([total, cross_entropy, regularization])
        losses = [float(session.run(train_op)) for _ in range(steps)]
    return {"total": float(parts[0]), "cross_entropy": float(parts[1]), "regularization": float(parts[2]),
            "losses": losses}


@tf.contrib.framework.add_arg_scope
def scaled(value, factor=1):
    return value * factor


def arg_scope_effects():
    tf.reset_default_graph()
    inputs = tf.ones([1, 2])
    with slim.arg_scope([slim.fully_connected], activation_fn=None,
                        weights_initializer=tf.constant_initializer(-0.5),
                        biases_initializer=tf.constant_initializer(0.25)):
        scoped = slim.fully_connected(inputs, 3, scope="scoped")
    unscoped = slim.fully_connected(inputs, 3, weights_initializer=tf.constant_initializer(-0.5),
                                    biases_initializer=tf.constant_initializer(0.25), scope="unscoped")
    with tf.contrib.framework.arg_scope([scaled], factor=7):
        custom = scaled(3)
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        scoped_value, unscoped_value = session.run([scoped, unscoped])
    return {"scoped": scoped_value.tolist(), "unscoped_relu": unscoped_value.tolist(), "custom": custom,
            "custom_outside": scaled(3)}


def framework_helpers():
    tf.reset_default_graph()
    model_var = tf.contrib.framework.model_variable("mv", shape=[2], initializer=tf.constant_initializer(3.0))
    tf.contrib.framework.variable("plain", shape=[1], initializer=tf.zeros_initializer())
    with tf.variable_scope("block"):
        tf.get_variable("kept", initializer=tf.constant([1.0, 2.0]))
        tf.get_variable("skipped", initializer=tf.constant([5.0]))
    step = tf.contrib.framework.get_or_create_global_step()
    local = tf.contrib.framework.local_variable([1.0, 2.0], name="counter")
    path = os.path.join(tempfile.mkdtemp(), "model.ckpt")
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        tf.train.Saver().save(session, path)
        session.run(tf.assign(model_var, [9.0, 9.0]))
        restore = tf.contrib.framework.assign_from_checkpoint_fn(
            path, tf.contrib.framework.get_variables_to_restore(exclude=["block/skipped"]))
        restore(session)
        restored = session.run(model_var).tolist()
    return {
        "model_variables": [v.op.name for v in tf.contrib.framework.get_model_variables()],
        "block_variables": [v.op.name for v in tf.contrib.framework.get_variables("block")],
        "to_restore": sorted(v.op.name for v in tf.contrib.framework.get_variables_to_restore(exclude=["block/skipped"])),
        "global_step": [step.op.name, step.dtype.base_dtype.name, tf.contrib.framework.get_global_step() is step],
        "restored": restored,
        "local": [local.op.name, [v.op.name for v in tf.local_variables()], local in tf.trainable_variables()],
        "nest_flatten": tf.contrib.framework.nest.flatten({"b": (2, 3), "a": 1}),
        "is_tensor": [tf.contrib.framework.is_tensor(step.value()), tf.contrib.framework.is_tensor(3)],
        "slim_vgg16": callable(vgg.vgg_16),
        "implementation_path": implementation_batch_norm is tf.contrib.layers.batch_norm,
    }


def main(argv=None):
    results = {
        "layers": layer_variables(),
        "normalization": normalization_and_dropout(),
        "embeddings": embeddings_and_summaries(),
        "initializers": initializer_stats(),
        "regularizers": regularizer_values(),
        "training": train_toy_model(),
        "slim_training": slim_training(),
        "arg_scope": arg_scope_effects(),
        "framework": framework_helpers(),
    }
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
