"""The cnn_mnist model's FLOPs per training image, and this machine's measured float32 matmul/conv peak.

    python -m benchmarks.flops --variant peak --workdir /tmp/bench [--quick]
"""
import sys
import time

from benchmarks.variant_process import run_variant

# Forward + backward ~ 3 x forward: the backward pass computes the gradients of both the
# inputs and the weights, each about the cost of the forward product.
TRAINING_TO_FORWARD = 3
MATMUL_SIZE = 1024
# A compute-bound convolution (64 -> 64 channels, 3x3); the model's own 1-channel conv is not.
CONV_SHAPE = dict(batch=32, side=56, channels=64, kernel=3)


def model_flops():
    """Multiply-adds x 2 of each cnn_mnist layer for one image, and the training cost per image."""
    conv = 2 * 28 * 28 * 32 * (5 * 5 * 1)  # 5x5x1x32 SAME on 28x28
    pool = 14 * 14 * 32 * 4  # 2x2 max-pool: one comparison per input
    hidden = 2 * (14 * 14 * 32) * 500 + 500  # dense 6272 -> 500, plus bias
    logits = 2 * 500 * 10 + 10  # dense 500 -> 10, plus bias
    forward = conv + pool + hidden + logits
    return {"conv": conv, "pool": pool, "dense_hidden": hidden, "dense_logits": logits,
            "forward_per_image": forward, "training_per_image": TRAINING_TO_FORWARD * forward}


def _rate(function, flops_per_call, seconds_wanted):
    function()  # trace and warm up
    calls, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds_wanted:
        function().numpy()  # wait for the result: eager ops may run ahead
        calls += 1
    return flops_per_call * calls / (time.perf_counter() - started)


def peak(workdir, quick):
    """Measured GFLOP/s of a float32 matmul and a 3x3 conv in a ``tf.function`` (the best of both is the peak)."""
    import tensorflow as tf

    seconds = 0.2 if quick else 1.0
    a = tf.random.normal([MATMUL_SIZE, MATMUL_SIZE])
    matmul = tf.function(lambda: tf.reduce_sum(tf.matmul(a, a)))
    n, side, channels, kernel = (CONV_SHAPE[key] for key in ("batch", "side", "channels", "kernel"))
    images, filters = tf.random.normal([n, side, side, channels]), tf.random.normal([kernel, kernel, channels, channels])
    conv = tf.function(lambda: tf.reduce_sum(tf.nn.conv2d(images, filters, 1, "SAME")))
    matmul_rate = _rate(matmul, 2 * MATMUL_SIZE ** 3, seconds)
    conv_rate = _rate(conv, 2 * n * side * side * channels * kernel * kernel * channels, seconds)
    return {"matmul_gflops": matmul_rate / 1e9, "conv_gflops": conv_rate / 1e9,
            "peak_gflops": max(matmul_rate, conv_rate) / 1e9, "seconds_each": seconds}


VARIANTS = {"peak": peak}

if __name__ == "__main__":
    sys.exit(run_variant("python -m benchmarks.flops", VARIANTS))
