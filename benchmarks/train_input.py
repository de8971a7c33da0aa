"""cnn_mnist training throughput, one variant per process: legacy feed_dict and queues, migrated TF2, fixed batch.

    python -m benchmarks.train_input --variant migrated --workdir /tmp/bench [--quick]
"""
import os
import sys
import time

import numpy as np

from benchmarks import legacy_cnn
from benchmarks.step_timing import stamped, throughput, timed_steps
from benchmarks.variant_process import run_variant

BATCH_SIZE = 100  # the setting; the examples default to 128
KEEP_PROB = 0.85
LEARNING_RATE = 1e-3
SEED = 0
EPOCHS = 3  # of the 4000-image embedded subset: 40 steps each, the first one is the warm-up
QUICK_STEPS = 4


def step_count(train_images, quick):
    steps_per_epoch = len(train_images) // BATCH_SIZE
    return (QUICK_STEPS if quick else EPOCHS * steps_per_epoch), steps_per_epoch


def mnist_dir(workdir):
    return os.path.join(workdir, "MNIST_data")  # absent: the embedded subset (offline)


def _result(step_seconds, steps_per_epoch, test_accuracy, cpu_stamps):
    return dict(throughput(step_seconds, BATCH_SIZE, steps_per_epoch, cpu_stamps), test_accuracy=float(test_accuracy))


# Legacy (TF1 graph mode, legacy_examples/cnn_mnist.py's own graph and training loop)
def feed_dict(workdir, quick):
    """TF1 Session, ``mnist.train.next_batch`` and feed_dict: the legacy program's ``train``."""
    cnn = legacy_cnn.load_legacy("cnn_mnist")
    mnist = cnn.read_data(mnist_dir(workdir), SEED)
    steps, steps_per_epoch = step_count(mnist.train.images, quick)
    graph = cnn.build_graph(LEARNING_RATE, SEED)
    cpu_stamps = []
    next_batch = stamped(iter(lambda: mnist.train.next_batch(BATCH_SIZE), None), cpu_stamps)
    with cnn.tf.Session() as sess:
        sess.run(cnn.tf.global_variables_initializer())
        history = cnn.train(sess, graph, lambda: next(next_batch), (mnist.test.images, mnist.test.labels),
                            steps, steps, KEEP_PROB)
    return _result(history["step_seconds"], steps_per_epoch, history["test_accuracy"][-1], cpu_stamps)


def queues(workdir, quick):
    """slice_input_producer + tf.train.batch + Coordinator (coordinator_loop's pipeline) into the same graph."""
    cnn, coordinator_loop = legacy_cnn.load_legacy("cnn_mnist"), legacy_cnn.load_legacy("coordinator_loop")
    mnist = cnn.read_data(mnist_dir(workdir), SEED)
    images, labels = mnist.train.images, mnist.train.labels.astype(np.float32)
    steps, steps_per_epoch = step_count(images, quick)
    image_batch, label_batch = legacy_cnn.queue_batches(coordinator_loop, images, labels, BATCH_SIZE, SEED)
    graph = legacy_cnn.build_on(cnn, image_batch, label_batch, LEARNING_RATE, SEED)
    return _legacy_loop(cnn, graph, steps, steps_per_epoch, (image_batch, label_batch), mnist.test,
                        run_loop=coordinator_loop.run_queue_loop)


def legacy_fixed_step(workdir, quick):
    """The legacy graph on one constant in-memory batch: TF1's compute limit (no input work at all)."""
    cnn = legacy_cnn.load_legacy("cnn_mnist")
    mnist = cnn.read_data(mnist_dir(workdir), SEED)
    steps, steps_per_epoch = step_count(mnist.train.images, quick)
    tf = cnn.tf
    # Defaults rather than plain constants so the test set can still be fed for the accuracy.
    images = tf.placeholder_with_default(mnist.train.images[:BATCH_SIZE], [None, cnn.IMAGE_SIZE ** 2])
    labels = tf.placeholder_with_default(mnist.train.labels[:BATCH_SIZE].astype(np.float32), [None, cnn.NUM_CLASSES])
    graph = legacy_cnn.build_on(cnn, images, labels, LEARNING_RATE, SEED)
    return _legacy_loop(cnn, graph, steps, steps_per_epoch, (images, labels), mnist.test)


def feed_dict_bf16(workdir, quick):
    """``feed_dict`` with every Session under the runner's ``--bf16`` (the parent skips it without native bfloat16)."""
    from tf1compat.session import bfloat16
    from tf1compat.session import config as session_config

    legacy_cnn.load_legacy("cnn_mnist")  # loads the TF1 runtime, whose Session the next line wraps
    bfloat16.enable("force")
    session_config.install()
    return feed_dict(workdir, quick)


def _legacy_loop(cnn, graph, steps, steps_per_epoch, inputs, test, run_loop=None):
    """Time ``steps`` runs of [train_op, loss] (as the legacy ``train`` fetches), then the test accuracy."""
    seconds, cpu_stamps = [], []
    with cnn.tf.Session() as sess:
        sess.run(cnn.tf.global_variables_initializer())

        def work():
            seconds.extend(timed_steps(lambda: sess.run([graph["train_op"], graph["loss"]],
                                                        {graph["keep_prob"]: KEEP_PROB}), steps, cpu_stamps))
            return False  # one call does all the steps: stop the queue loop

        (run_loop or (lambda _, step: step()))(sess, work)
        # Dequeued (or constant) tensors can be fed like placeholders: the test set bypasses the input.
        feed = {inputs[0]: test.images, inputs[1]: test.labels, graph["keep_prob"]: 1.0}
        test_accuracy = sess.run(graph["accuracy"], feed)
    return _result(seconds, steps_per_epoch, test_accuracy, cpu_stamps)


# Migrated (TF2 eager, migration/cnn_mnist.py as shipped)
def migrated(workdir, quick):
    """``make_dataset`` + ``ConvNet`` + ``make_optimizer`` + ``make_train_step`` + ``train``, as shipped."""
    from migration import cnn_mnist

    return _migrated_run(cnn_mnist, workdir, quick, cnn_mnist.make_dataset)


def migrated_bf16(workdir, quick):
    """The migrated trainer under Keras' mixed_bfloat16 policy (``--mixed-precision bfloat16``)."""
    from migration import cnn_mnist

    return _migrated_run(cnn_mnist, workdir, quick, cnn_mnist.make_dataset, policy="mixed_bfloat16")


def _migrated_run(cnn_mnist, workdir, quick, make_batches, policy="float32"):
    """``cnn_mnist.train`` as shipped on ``make_batches(images, labels, batch_size, seed)``.

    It displays at step 1 and the last only, as the legacy run.
    """
    import tensorflow as tf

    tf.random.set_seed(SEED)
    train_images, train_labels, test_images, test_labels = cnn_mnist.load_mnist(mnist_dir(workdir))
    steps, steps_per_epoch = step_count(train_images, quick)
    batches = make_batches(train_images, train_labels, BATCH_SIZE, seed=SEED)
    model = cnn_mnist.ConvNet(seed=SEED, policy=policy)
    train_step = cnn_mnist.make_train_step(model, cnn_mnist.make_optimizer(model, LEARNING_RATE), 1.0 - KEEP_PROB)
    test_set = (tf.constant(test_images), tf.constant(test_labels))
    # train() may run several steps per call (no per-batch hook then): CPU time is stamped as each
    # display ends, i.e. after steps 1 and ``steps``; the final display's own CPU is measured and removed.
    display_ends = []
    history = cnn_mnist.train(model, train_step, batches, test_set, steps, steps,
                              log=lambda line: display_ends.append(time.process_time()))
    started = time.process_time()
    model.evaluate(*test_set)
    display_cpu = time.process_time() - started
    result = _result(history.step_seconds, steps_per_epoch, history.test_accuracy[-1], cpu_stamps=None)
    result["images_per_cpu_second"] = BATCH_SIZE * (steps - 1) / (display_ends[-1] - display_ends[0] - display_cpu)
    return result


def fixed_step(workdir, quick):
    """The migrated ``train`` on one constant batch repeated: its compute limit (no input work to speak of)."""
    from migration import cnn_mnist

    return _migrated_run(cnn_mnist, workdir, quick, one_batch_repeated)


def one_batch_repeated(images, labels, batch_size, seed=None):
    """The first ``batch_size`` examples as one in-memory batch, endlessly (``make_dataset``'s signature)."""
    import tensorflow as tf

    return tf.data.Dataset.from_tensors((images[:batch_size], labels[:batch_size])).repeat()


VARIANTS = {"feed_dict": feed_dict, "queues": queues, "legacy_fixed_step": legacy_fixed_step,
            "migrated": migrated, "fixed_step": fixed_step, "feed_dict_bf16": feed_dict_bf16,
            "migrated_bf16": migrated_bf16}

if __name__ == "__main__":
    sys.exit(run_variant("python -m benchmarks.train_input", VARIANTS))
