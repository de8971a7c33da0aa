"""Two ways of training cnn_mnist timed in alternating blocks inside ONE process, so a busy CPU hits both alike.

    python -m benchmarks.interleaved --variant tf2_pipeline_vs_fixed_step --workdir /tmp/bench [--quick]

Separate processes (the other suites) run minutes apart and see different loads from
other programs; here the pair alternates every few steps, and the ratio of the two
median step times is what survives a shared machine. Both sides must share a TF mode.
"""
import functools
import statistics
import sys

import numpy as np

from benchmarks import legacy_cnn
from benchmarks.step_timing import timed_steps
from benchmarks.train_input import BATCH_SIZE, KEEP_PROB, LEARNING_RATE, SEED, mnist_dir, one_batch_repeated
from benchmarks.variant_process import run_variant

BLOCK_STEPS = 8
BLOCKS, QUICK_BLOCKS = 15, 1
WARM_UP_STEPS = 10  # tracing, thread start, first epoch's cold caches


def alternate(numerator, denominator, blocks, steps_per_call=1):
    """Warm both up, then time ``BLOCK_STEPS`` of each in turn ``blocks`` times; the ratio of median steps.

    ``numerator()`` and ``denominator()`` each run ``steps_per_call`` training steps.
    """
    calls = max(1, BLOCK_STEPS // steps_per_call)
    for step in (numerator, denominator):
        timed_steps(step, max(1, WARM_UP_STEPS // steps_per_call))
    seconds = ([], [])
    for _ in range(blocks):
        for times, step in zip(seconds, (numerator, denominator)):
            times.extend(call / steps_per_call for call in timed_steps(step, calls))
    top, bottom = (BATCH_SIZE / statistics.median(times) for times in seconds)
    return {"ratio": top / bottom, "numerator_images_per_second": top, "denominator_images_per_second": bottom,
            "timings_each": len(seconds[0])}


def tf2_pipeline_vs_fixed_step(workdir, quick):
    """The shipped ``make_dataset`` + ``train_loop`` vs the same loop on one constant batch repeated."""
    import tensorflow as tf
    from migration import cnn_mnist

    tf.random.set_seed(SEED)
    train_images, train_labels, _, _ = cnn_mnist.load_mnist(mnist_dir(workdir))
    runs = []
    for make_batches in (cnn_mnist.make_dataset, one_batch_repeated):  # each side its own model, as alone
        model = cnn_mnist.ConvNet(seed=SEED)
        step = cnn_mnist.make_train_step(model, cnn_mnist.make_optimizer(model, LEARNING_RATE), 1.0 - KEEP_PROB)
        iterator = iter(make_batches(train_images, train_labels, BATCH_SIZE, seed=SEED))
        runs.append(functools.partial(cnn_mnist.make_train_loop(step), iterator, tf.constant(BLOCK_STEPS)))
    # As cnn_mnist.train does between displays: BLOCK_STEPS steps per call, losses back to Python.
    return alternate(*(lambda run=run: run()[0].numpy() for run in runs), QUICK_BLOCKS if quick else BLOCKS,
                     steps_per_call=BLOCK_STEPS)


def tf1_feed_dict_vs_fixed_step(workdir, quick):
    """The legacy ``next_batch`` + feed_dict step vs the legacy graph on one in-memory batch."""
    cnn = legacy_cnn.load_legacy("cnn_mnist")
    tf = cnn.tf
    mnist = cnn.read_data(mnist_dir(workdir), SEED)
    with tf.Graph().as_default() as feed_graph:
        fed = cnn.build_graph(LEARNING_RATE, SEED)
        feed_session = _initialised_session(tf, feed_graph)
    with tf.Graph().as_default() as fixed_graph:
        images = tf.placeholder_with_default(mnist.train.images[:BATCH_SIZE], [None, cnn.IMAGE_SIZE ** 2])
        labels = tf.placeholder_with_default(mnist.train.labels[:BATCH_SIZE].astype(np.float32),
                                             [None, cnn.NUM_CLASSES])
        fixed = legacy_cnn.build_on(cnn, images, labels, LEARNING_RATE, SEED)
        fixed_session = _initialised_session(tf, fixed_graph)

    def feed_step():  # the loop body of the legacy train()
        batch_x, batch_y = mnist.train.next_batch(BATCH_SIZE)
        feed_session.run([fed["train_op"], fed["loss"]],
                         feed_dict={fed["x"]: batch_x, fed["y"]: batch_y, fed["keep_prob"]: KEEP_PROB})

    fixed_step = lambda: fixed_session.run([fixed["train_op"], fixed["loss"]], {fixed["keep_prob"]: KEEP_PROB})
    return alternate(feed_step, fixed_step, QUICK_BLOCKS if quick else BLOCKS)


def tf1_bf16_vs_float32(workdir, quick):
    """The legacy ``next_batch`` + feed_dict step in a Session under ``--bf16`` vs one in float32."""
    from tf1compat.session import bfloat16

    cnn = legacy_cnn.load_legacy("cnn_mnist")
    tf = cnn.tf
    mnist = cnn.read_data(mnist_dir(workdir), SEED)
    steps = []
    for precision in ("bf16", "float32"):
        config = tf.ConfigProto()
        if precision == "bf16":
            bfloat16.adjust(config, "")  # what --bf16 merges into every session, here into one of the two
        with tf.Graph().as_default() as graph:
            handles = cnn.build_graph(LEARNING_RATE, SEED)
            session = _initialised_session(tf, graph, config)
        steps.append(functools.partial(_feed_step, mnist, session, handles))
    return alternate(*steps, QUICK_BLOCKS if quick else BLOCKS)


def _feed_step(mnist, session, handles):
    batch_x, batch_y = mnist.train.next_batch(BATCH_SIZE)
    session.run([handles["train_op"], handles["loss"]],
                feed_dict={handles["x"]: batch_x, handles["y"]: batch_y, handles["keep_prob"]: KEEP_PROB})


def _initialised_session(tf, graph, config=None):
    session = tf.Session(graph=graph, config=config)
    session.run(tf.global_variables_initializer())
    return session


VARIANTS = {"tf2_pipeline_vs_fixed_step": tf2_pipeline_vs_fixed_step,
            "tf1_feed_dict_vs_fixed_step": tf1_feed_dict_vs_fixed_step, "tf1_bf16_vs_float32": tf1_bf16_vs_float32}

if __name__ == "__main__":
    sys.exit(run_variant("python -m benchmarks.interleaved", VARIANTS))
