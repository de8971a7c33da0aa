"""The TF1 op catalogue of legacy_examples/api_tour.py, evaluated eagerly in TF2.

No graph, no Session, no placeholder: every op runs when called and ``.numpy()``
reads its value. keep_prob becomes ``rate = 1 - keep_prob``; seeded random ops
use the stateless RNG (``tf.random.stateless_*``), which is reproducible from its
seed alone. Each section prints its results.

    python -m migration.api_tour [--seed 42]
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
    return tf.reshape(tf.range(1.0, 26.0), [1, 5, 5, 1])


def sobel_kernel():
    """A 3x3 edge kernel with negative taps (so relu has something to clip): [h, w, in, out]."""
    return tf.reshape(tf.constant([[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]]), [3, 3, 1, 1])


def matmul_input():
    return tf.constant([[1.0, 2.0, 3.0], [-1.0, 0.5, 4.0]])


# Model
def convolution_and_pooling():
    image, kernel = image_5x5(), sobel_kernel()
    conv_same = tf.nn.conv2d(image, kernel, strides=2, padding="SAME")
    return {
        "conv2d_valid": tf.nn.conv2d(image, kernel, strides=2, padding="VALID"),
        "conv2d_same": conv_same,
        "relu_conv2d_same": tf.nn.relu(conv_same),
        "max_pool_valid": tf.nn.max_pool2d(image, ksize=2, strides=2, padding="VALID"),
        "max_pool_same": tf.nn.max_pool2d(image, ksize=2, strides=2, padding="SAME"),
    }


def losses_constants_and_matmul(x):
    logits = tf.constant([[-2.0, 0.0, 3.0], [1.5, -0.5, 0.25]])
    labels = tf.constant([[0.0, 1.0, 1.0], [1.0, 0.0, 0.5]])
    weights = tf.constant([[1.0, 0.5], [-1.0, 2.0], [0.25, 0.0]])
    return {
        "sigmoid_cross_entropy": tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits),
        "constant": tf.constant([[1, 2], [3, 4]]),
        "constant_filled": tf.fill([2, 3], -1.0),
        "matmul": x @ weights,  # the placeholder became a plain argument
    }


def broadcasting_and_reductions():
    x = tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    return {
        "bias_add": tf.nn.bias_add(x, [10.0, 20.0, 30.0]),  # bias must match the last axis
        "add_row": x + [10.0, 20.0, 30.0],
        "add_column": x + [[100.0], [200.0]],  # + broadcasts any compatible shape
        "reduce_mean_all": tf.reduce_mean(x),
        "reduce_mean_axis0": tf.reduce_mean(x, axis=0),
        "reduce_mean_axis1_keepdims": tf.reduce_mean(x, axis=1, keepdims=True),
        "reduce_mean_int": tf.reduce_mean([1, 2, 4]),  # integer mean still truncates: 2
        "squared_difference": tf.math.squared_difference(x, 2.0),
        "square": tf.square(x - 3.5),
    }


def random_ops(seed):
    return {
        "random/truncated_normal": tf.random.stateless_truncated_normal([10000], seed=[seed, 0]),
        "random/dropout": tf.nn.experimental.stateless_dropout(tf.ones([100, 100]), rate=1 - KEEP_PROB,
                                                               seed=[seed, 0]),
        "random/dropout_noise_shape": tf.nn.experimental.stateless_dropout(
            tf.ones([1000, 8]), rate=1 - ROW_KEEP_PROB, noise_shape=[1000, 1], seed=[seed, 1]),
    }


# Evaluate
def run_tour(seed=SEED):
    """Evaluate every op eagerly: {name: ndarray}."""
    ops = {**convolution_and_pooling(), **losses_constants_and_matmul(matmul_input()),
           **broadcasting_and_reductions(), **random_ops(seed)}
    results = {name: tensor.numpy() for name, tensor in ops.items()}
    counter = tf.Variable([1.0, 2.0], name="counter")  # initialised when created
    results["variable_initial"] = counter.numpy()
    counter.assign_add([10.0, 20.0])
    results["variable_after_assign_add"] = counter.numpy()
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
    parser = argparse.ArgumentParser(description="Evaluate the TF1 op catalogue eagerly in TF2.")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the random ops")
    args = parser.parse_args(argv)
    print_sections(run_tour(args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
