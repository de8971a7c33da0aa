"""A convolutional network on MNIST with keep_prob dropout, trained with Adam (TensorFlow 1.x).

The classic 2017-2019 tutorial CNN: placeholders x [None, 784], y [None, 10] and
keep_prob; conv 5x5x1x32 SAME + bias + ReLU, 2x2 max-pool, dense 14*14*32 -> 500
ReLU, dropout, dense 500 -> 10; mean softmax cross-entropy; tf.train.AdamOptimizer.
Every --display-step it prints the minibatch loss, the training and the test
accuracy; at the end it plots the loss per iteration and the accuracy curves.

    python -m tf1compat legacy_examples/cnn_mnist.py                      # 500 steps, batch 128
    python -m tf1compat legacy_examples/cnn_mnist.py --steps 100 --batch-size 256 --seed 1
"""
import argparse
import json
import os
import sys
import time

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

# Setup
IMAGE_SIZE = 28
NUM_CLASSES = 10
HIDDEN_UNITS = 500
INIT_STDDEV = 0.1
LINE = "Step {}, Minibatch Loss= {:.4f}, Training Accuracy= {:.3f}, Test Accuracy= {:.3f}"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Train a keep_prob-dropout CNN on MNIST (TF1 Session).")
    parser.add_argument("--steps", type=int, default=500, help="training iterations (default 500)")
    parser.add_argument("--batch-size", type=int, default=128, help="images per iteration (default 128)")
    parser.add_argument("--display-step", type=int, default=10, help="print metrics every N steps (default 10)")
    parser.add_argument("--keep-prob", type=float, default=0.85, help="dropout keep probability (default 0.85)")
    parser.add_argument("--learning-rate", type=float, default=1e-3, help="Adam learning rate (default 1e-3)")
    parser.add_argument("--data-dir", default="MNIST_data/", help="where the MNIST .gz files are (default MNIST_data/)")
    parser.add_argument("--seed", type=int, default=0, help="graph-level random seed (default 0)")
    parser.add_argument("--figures-dir", default="figures", help="where the PNG plots go (default figures/)")
    parser.add_argument("--logdir", default="/tmp/cnn_mnist/logs", help="TensorBoard logs (default /tmp/cnn_mnist/logs)")
    parser.add_argument("--history-json", help="also write the loss and accuracy history to this JSON file")
    return parser.parse_args(argv)


# Data
def read_data(data_dir, seed=0):
    """MNIST with one-hot labels, all training images for training (the subset has no room for validation)."""
    return input_data.read_data_sets(data_dir, one_hot=True, validation_size=0, seed=seed)


# Model
def conv_net(x, weights, biases, keep_prob):
    """Logits of the network, plus the hidden layer before and after dropout."""
    images = tf.reshape(x, [-1, IMAGE_SIZE, IMAGE_SIZE, 1])
    conv1 = tf.nn.conv2d(images, weights["wc1"], strides=[1, 1, 1, 1], padding="SAME")
    conv1 = tf.nn.relu(conv1 + biases["bc1"])
    pool1 = tf.nn.max_pool(conv1, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding="SAME")
    flat = tf.reshape(pool1, [-1, 14 * 14 * 32])
    hidden = tf.nn.relu(tf.matmul(flat, weights["wd1"]) + biases["bd1"])
    dropped = tf.nn.dropout(hidden, keep_prob)
    logits = tf.matmul(dropped, weights["wout"]) + biases["bout"]
    return logits, hidden, dropped


def build_graph(learning_rate=1e-3, seed=0):
    """Placeholders, weights, loss, accuracy, train op and summaries, in the default graph."""
    tf.set_random_seed(seed)
    x = tf.placeholder(tf.float32, [None, IMAGE_SIZE * IMAGE_SIZE], name="x")
    y = tf.placeholder(tf.float32, [None, NUM_CLASSES], name="y")
    keep_prob = tf.placeholder(tf.float32, name="keep_prob")
    weights = {
        "wc1": tf.Variable(tf.random_normal([5, 5, 1, 32], stddev=INIT_STDDEV), name="wc1"),
        "wd1": tf.Variable(tf.random_normal([14 * 14 * 32, HIDDEN_UNITS], stddev=INIT_STDDEV), name="wd1"),
        "wout": tf.Variable(tf.random_normal([HIDDEN_UNITS, NUM_CLASSES], stddev=INIT_STDDEV), name="wout"),
    }
    biases = {
        "bc1": tf.Variable(tf.random_normal([32], stddev=INIT_STDDEV), name="bc1"),
        "bd1": tf.Variable(tf.random_normal([HIDDEN_UNITS], stddev=INIT_STDDEV), name="bd1"),
        "bout": tf.Variable(tf.random_normal([NUM_CLASSES], stddev=INIT_STDDEV), name="bout"),
    }
    logits, hidden, dropped = conv_net(x, weights, biases, keep_prob)
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=logits))
    train_op = tf.train.AdamOptimizer(learning_rate).minimize(loss)
    correct = tf.equal(tf.argmax(logits, 1), tf.argmax(y, 1))
    accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))
    tf.summary.scalar("loss", loss)
    tf.summary.scalar("accuracy", accuracy)
    return dict(x=x, y=y, keep_prob=keep_prob, logits=logits, hidden=hidden, dropped=dropped, loss=loss,
                accuracy=accuracy, train_op=train_op, summaries=tf.summary.merge_all())


# Train
def train(sess, graph, next_batch, test_set, steps, display_step, keep_prob, writers=None):
    """Run ``steps`` Adam steps on ``next_batch()``; return the loss and accuracy history."""
    history = dict(loss=[], step_seconds=[], display_steps=[], train_accuracy=[], test_accuracy=[])
    for step in range(1, steps + 1):
        started = time.time()
        batch_x, batch_y = next_batch()
        _, loss = sess.run([graph["train_op"], graph["loss"]],
                           feed_dict={graph["x"]: batch_x, graph["y"]: batch_y, graph["keep_prob"]: keep_prob})
        history["step_seconds"].append(time.time() - started)
        history["loss"].append(float(loss))
        if step == 1 or step % display_step == 0 or step == steps:
            display(sess, graph, step, (batch_x, batch_y), test_set, history, writers)
    return history


def display(sess, graph, step, batch, test_set, history, writers=None):
    """Print and record the minibatch loss, training and test accuracy (keep_prob 1.0)."""
    results = {}
    for split, (images, labels) in (("train", batch), ("test", test_set)):
        feed = {graph["x"]: images, graph["y"]: labels, graph["keep_prob"]: 1.0}
        results[split] = sess.run([graph["loss"], graph["accuracy"], graph["summaries"]], feed_dict=feed)
        if writers:
            writers[split].add_summary(results[split][2], step)
    history["display_steps"].append(step)
    history["train_accuracy"].append(float(results["train"][1]))
    history["test_accuracy"].append(float(results["test"][1]))
    print(LINE.format(step, results["train"][0], results["train"][1], results["test"][1]))
    sys.stdout.flush()


# Evaluate
def plot_history(history, figures_dir):
    """Plot the loss per iteration and the train/test accuracy curves; save PNGs and show them."""
    if not os.path.exists(figures_dir):
        os.makedirs(figures_dir)
    plt.figure()
    plt.plot(np.arange(1, len(history["loss"]) + 1), history["loss"])
    plt.title("Training loss per iteration")
    plt.xlabel("iteration")
    plt.ylabel("cross-entropy loss")
    plt.savefig(os.path.join(figures_dir, "cnn_mnist_loss.png"))
    plt.figure()
    plt.plot(history["display_steps"], history["train_accuracy"], label="training (minibatch)")
    plt.plot(history["display_steps"], history["test_accuracy"], label="test")
    plt.title("Accuracy")
    plt.xlabel("iteration")
    plt.ylabel("accuracy")
    plt.legend(loc="lower right")
    plt.savefig(os.path.join(figures_dir, "cnn_mnist_accuracy.png"))
    plt.show()


def run(flags):
    """Train as the command line asks, in a fresh graph; return the history (the batch-size study calls this)."""
    with tf.Graph().as_default():
        mnist = read_data(flags.data_dir, flags.seed)
        graph = build_graph(flags.learning_rate, flags.seed)
        writers = {split: tf.summary.FileWriter(os.path.join(flags.logdir, split)) for split in ("train", "test")}
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            history = train(sess, graph, lambda: mnist.train.next_batch(flags.batch_size),
                            (mnist.test.images, mnist.test.labels), flags.steps, flags.display_step,
                            flags.keep_prob, writers)
        for writer in writers.values():
            writer.close()
    return history


def main(argv=None):
    flags = parse_args(argv)
    started = time.time()
    history = run(flags)
    print("Optimization Finished! Testing Accuracy= {:.3f}, wall time {:.1f} s".format(
        history["test_accuracy"][-1], time.time() - started))
    if flags.history_json:
        with open(flags.history_json, "w") as handle:
            json.dump(history, handle)
    plot_history(history, flags.figures_dir)
    return 0


# Reuse: the equivalence check (migration/checks/cnn_mnist.py) and the batch-size study call these.
def variable_shapes():
    """``[(name, shape), ...]`` of the trainable variables, in creation order."""
    with tf.Graph().as_default():
        build_graph()
        return [(v.op.name, tuple(v.shape.as_list())) for v in tf.trainable_variables()]


def initial_weights(seed=0):
    """The freshly initialised weights for graph seed ``seed``: ``{name: array}``."""
    with tf.Graph().as_default():
        build_graph(seed=seed)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            return current_weights(sess)


def current_weights(sess):
    variables = tf.trainable_variables()
    return dict(zip([v.op.name for v in variables], sess.run(variables)))


def initialise(sess, values=None):
    """Initialise every variable, then overwrite the trainable ones with ``values`` (by name) if given."""
    sess.run(tf.global_variables_initializer())
    for variable in tf.trainable_variables() if values is not None else []:
        variable.load(values[variable.op.name], sess)


def predict(images, keep_prob=1.0, seed=0, values=None):
    """``[logits, hidden, dropped]`` for ``images``: the weights of ``seed`` (or ``values``)."""
    with tf.Graph().as_default():
        graph = build_graph(seed=seed)
        with tf.Session() as sess:
            initialise(sess, values)
            fetches = [graph["logits"], graph["hidden"], graph["dropped"]]
            return sess.run(fetches, feed_dict={graph["x"]: images, graph["keep_prob"]: keep_prob})


def train_losses(batches, keep_prob=1.0, seed=0, values=None, learning_rate=1e-3):
    """``(losses, final weights)`` of one Adam step per ``(images, labels)`` in ``batches``."""
    with tf.Graph().as_default():
        graph = build_graph(learning_rate, seed)
        with tf.Session() as sess:
            initialise(sess, values)
            losses = [sess.run([graph["train_op"], graph["loss"]], feed_dict={
                graph["x"]: x, graph["y"]: y, graph["keep_prob"]: keep_prob})[1] for x, y in batches]
            return np.array(losses, dtype=np.float32), current_weights(sess)


if __name__ == "__main__":
    sys.exit(main())
