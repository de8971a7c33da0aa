"""Input pipelines alone, with a trivial consumer: legacy feed_dict, legacy queues, the migrated tf.data.

    python -m benchmarks.input_only --variant tf_data --workdir /tmp/bench [--quick]
"""
import sys

import numpy as np

from benchmarks import legacy_cnn
from benchmarks.step_timing import throughput, timed_steps
from benchmarks.train_input import BATCH_SIZE, SEED, mnist_dir
from benchmarks.variant_process import run_variant

EPOCHS = 20  # 800 batches of 100: well under a second for the fast pipelines
QUICK_STEPS = 10


def _steps(images, quick):
    steps_per_epoch = len(images) // BATCH_SIZE
    return (QUICK_STEPS if quick else EPOCHS * steps_per_epoch), steps_per_epoch


def feed_dict(workdir, quick):
    """``mnist.train.next_batch`` fed into the model's placeholders; the consumer sums one pixel column."""
    cnn = legacy_cnn.load_legacy("cnn_mnist")
    tf = cnn.tf
    mnist = cnn.read_data(mnist_dir(workdir), SEED)
    steps, steps_per_epoch = _steps(mnist.train.images, quick)
    graph = cnn.build_graph(seed=SEED)
    consumer = _trivial_consumer(tf, graph["x"], graph["y"])
    with tf.Session() as sess:
        def step():
            images, labels = mnist.train.next_batch(BATCH_SIZE)
            sess.run(consumer, {graph["x"]: images, graph["y"]: labels})

        seconds = timed_steps(step, steps)
    return throughput(seconds, BATCH_SIZE, steps_per_epoch)


def queues(workdir, quick):
    """slice_input_producer + tf.train.batch under a Coordinator; the consumer dequeues and sums."""
    cnn, coordinator_loop = legacy_cnn.load_legacy("cnn_mnist"), legacy_cnn.load_legacy("coordinator_loop")
    tf = cnn.tf
    mnist = cnn.read_data(mnist_dir(workdir), SEED)
    images, labels = mnist.train.images, mnist.train.labels.astype(np.float32)
    steps, steps_per_epoch = _steps(images, quick)
    consumer = _trivial_consumer(tf, *legacy_cnn.queue_batches(coordinator_loop, images, labels, BATCH_SIZE, SEED))
    seconds = []
    with tf.Session() as sess:
        def work():
            seconds.extend(timed_steps(lambda: sess.run(consumer), steps))
            return False  # one call does all the steps: stop the queue loop

        coordinator_loop.run_queue_loop(sess, work)
    return throughput(seconds, BATCH_SIZE, steps_per_epoch)


def _trivial_consumer(tf, images, labels):
    # Depends on both tensors (so both are fed or dequeued) at negligible compute.
    return tf.reduce_sum(images[:, 0]) + tf.reduce_sum(labels[:, 0])


def tf_data(workdir, quick):
    """migration/cnn_mnist.py's ``make_dataset`` iterated eagerly; the consumer takes each batch."""
    from migration import cnn_mnist

    train_images, train_labels, _, _ = cnn_mnist.load_mnist(mnist_dir(workdir))
    steps, steps_per_epoch = _steps(train_images, quick)
    iterator = iter(cnn_mnist.make_dataset(train_images, train_labels, BATCH_SIZE, seed=SEED))
    seconds = timed_steps(lambda: next(iterator), steps)
    return throughput(seconds, BATCH_SIZE, steps_per_epoch)


VARIANTS = {"feed_dict": feed_dict, "queues": queues, "tf_data": tf_data}

if __name__ == "__main__":
    sys.exit(run_variant("python -m benchmarks.input_only", VARIANTS))
