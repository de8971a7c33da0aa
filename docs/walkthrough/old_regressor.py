"""A team's TF1 model, as it was in 2018: a small regressor with tf.layers, a Session and a Saver."""
import numpy as np
import tensorflow as tf


def make_data(n=256, seed=0):
    rng = np.random.RandomState(seed)
    x = rng.uniform(-1, 1, size=(n, 3)).astype(np.float32)
    y = (np.sin(2 * x[:, :1]) + x[:, 1:2] * x[:, 2:3]).astype(np.float32)
    return x, y


def build(inputs):
    with tf.variable_scope("regressor"):
        hidden = tf.layers.dense(inputs, 16, activation=tf.nn.tanh, name="hidden")
        return tf.layers.dense(hidden, 1, name="output")


def train(checkpoint, steps=50, learning_rate=0.1):
    """Train on make_data() with plain SGD, save with a Saver; return the initial weights and the losses."""
    tf.reset_default_graph()
    tf.set_random_seed(1)
    x_data, y_data = make_data()
    x = tf.placeholder(tf.float32, [None, 3])
    y = tf.placeholder(tf.float32, [None, 1])
    loss = tf.reduce_mean(tf.square(build(x) - y))
    train_op = tf.train.GradientDescentOptimizer(learning_rate).minimize(loss)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        initial = {v.name[:-2]: sess.run(v) for v in tf.trainable_variables()}
        losses = [sess.run([loss, train_op], {x: x_data, y: y_data})[0] for _ in range(steps)]
        tf.train.Saver().save(sess, checkpoint)
    return initial, np.array(losses, np.float32)


def predict(checkpoint, inputs=None):
    """Restore the checkpoint in a new graph and predict (default: on make_data()'s inputs)."""
    inputs = make_data()[0] if inputs is None else inputs
    tf.reset_default_graph()
    x = tf.placeholder(tf.float32, [None, 3])
    prediction = build(x)
    with tf.Session() as sess:
        tf.train.Saver().restore(sess, checkpoint)
        return sess.run(prediction, {x: inputs})
