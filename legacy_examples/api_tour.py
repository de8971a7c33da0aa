"""A tour of the TF 1.x op catalogue, built as one graph and run in a Session.

Convolution and pooling with VALID and SAME padding on the classic 5x5 input,
relu, dropout with keep_prob / noise_shape / seed, sigmoid cross-entropy,
truncated_normal, constants, a placeholder fed into matmul, bias_add against
broadcasting add, reduce_mean over axes, squared_difference, square and a
Variable. Each section prints its results.

    python -m tf1compat legacy_examples/api_tour.py [--seed 42]
"""
import argparse
import sys

import numpy as np
import tensorflow as tf

# Setup
SEED = 42
KEEP_PROB = 0.6
ROW_KEEP_PROB = 0.5
SECTIONS = (
    ("Convolution (3x3 Sobel kernel, stride 2) and relu", ("conv2d_valid", "conv2d_same", "relu_conv2d_same")),
    ("Max pooling (2x2 window, stride 2)", ("max_pool_valid", "max_pool_same")),
    ("Losses", ("sigmoid_cross_entropy",)),
    ("Constants, placeholder and matmul", ("constant", "constant_filled", "matmul")),
    ("Broadcasting", ("bias_add", "add_row", "add_column")),
    ("Reductions", ("reduce_mean_all", "reduce_mean_axis0", "reduce_mean_axis1_keepdims", "reduce_mean_int")),
    ("Element-wise", ("squared_difference", "square")),
    ("Variable", ("variable_initial", "variable_after_assign_add")),
    ("Random (seeded; compared by statistics)", ("random/truncated_normal", "random/dropout",
                                                  "random/dropout_noise_shape")),
)


# Data
def image_5x5():
    """The 5x5 single-channel input 1..25, shaped [batch, height, width, channels]."""
    return np.arange(1, 26, dtype=np.float32).reshape(1, 5, 5, 1)


def sobel_kernel():
    """A 3x3 edge kernel with negative taps (so relu has something to clip): [h, w, in, out]."""
    return np.array([[1, 0, -1], [2, 0, -2], [1, 0, -1]], np.float32).reshape(3, 3, 1, 1)


def matmul_feed():
    return np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 4.0]], np.float32)


# Model
def convolution_and_pooling():
    image, kernel = tf.constant(image_5x5()), tf.constant(sobel_kernel())
    conv_same = tf.nn.conv2d(image, kernel, strides=[1, 2, 2, 1], padding="SAME")
    return {
        "conv2d_valid": tf.nn.conv2d(image, kernel, strides=[1, 2, 2, 1], padding="VALID"),
        "conv2d_same": conv_same,
        "relu_conv2d_same": tf.nn.relu(conv_same),
        "max_pool_valid": tf.nn.max_pool(image, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding="VALID"),
        "max_pool_same": tf.nn.max_pool(image, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding="SAME"),
    }


def losses_constants_and_matmul(x):
    logits = tf.constant([[-2.0, 0.0, 3.0], [1.5, -0.5, 0.25]])
    labels = tf.constant([[0.0, 1.0, 1.0], [1.0, 0.0, 0.5]])
    weights = tf.constant([[1.0, 0.5], [-1.0, 2.0], [0.25, 0.0]])
    return {
        "sigmoid_cross_entropy": tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits),
        "constant": tf.constant([[1, 2], [3, 4]]),
        "constant_filled": tf.constant(-1.0, shape=[2, 3]),
        "matmul": tf.matmul(x, weights),
    }


def broadcasting_and_reductions():
    x = tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    return {
        "bias_add": tf.nn.bias_add(x, tf.constant([10.0, 20.0, 30.0])),  # bias must match the last axis
        "add_row": tf.add(x, tf.constant([10.0, 20.0, 30.0])),
        "add_column": tf.add(x, tf.constant([[100.0], [200.0]])),  # add broadcasts any compatible shape
        "reduce_mean_all": tf.reduce_mean(x),
        "reduce_mean_axis0": tf.reduce_mean(x, reduction_indices=[0]),
        "reduce_mean_axis1_keepdims": tf.reduce_mean(x, axis=1, keep_dims=True),
        "reduce_mean_int": tf.reduce_mean(tf.constant([1, 2, 4])),  # integer mean truncates: 2
        "squared_difference": tf.squared_difference(x, tf.constant([2.0, 2.0, 2.0])),
        "square": tf.square(x - 3.5),
    }


def random_ops(seed):
    tf.set_random_seed(seed)
    return {
        "random/truncated_normal": tf.truncated_normal([10000], mean=0.0, stddev=1.0, seed=seed),
        "random/dropout": tf.nn.dropout(tf.ones([100, 100]), keep_prob=KEEP_PROB, seed=seed),
        "random/dropout_noise_shape": tf.nn.dropout(tf.ones([1000, 8]), keep_prob=ROW_KEEP_PROB,
                                                    noise_shape=[1000, 1], seed=seed + 1),
    }


# Evaluate
def run_tour(seed=SEED):
    """Build every op in a fresh graph, run them in one Session: {name: ndarray}."""
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 3], name="x")
        ops = {**convolution_and_pooling(), **losses_constants_and_matmul(x),
               **broadcasting_and_reductions(), **random_ops(seed)}
        counter = tf.Variable([1.0, 2.0], name="counter")
        increment = tf.assign_add(counter, [10.0, 20.0])
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            results = sess.run(ops, feed_dict={x: matmul_feed()})
            results["variable_initial"] = sess.run(counter)
            sess.run(increment)
            results["variable_after_assign_add"] = sess.run(counter)
    return results


def print_sections(results):
    for title, names in SECTIONS:
        print(f"== {title}")
        for name in names:
            value = np.asarray(results[name])
            if value.size > 12:  # random tensors: their statistics, not 10000 numbers
                text = f"mean {value.mean():.4f}, nonzero {np.count_nonzero(value)}"
            else:
                text = np.array2string(np.squeeze(value), separator=", ").replace("\n", "")
            print(f"{name} {list(value.shape)}: {text}")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run the TF1 op catalogue in a Session.")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the random ops")
    args = parser.parse_args(argv)
    print_sections(run_tour(args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
