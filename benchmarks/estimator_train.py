"""estimator_mnist training throughput: the legacy Estimator, its model_fn in a plain Session loop, the Keras twin.

    python -m benchmarks.estimator_train --variant estimator --workdir /tmp/bench [--quick]
"""
import sys
import tempfile
import time

import numpy as np

from benchmarks import legacy_cnn
from benchmarks.train_input import BATCH_SIZE, LEARNING_RATE, SEED, mnist_dir, step_count
from benchmarks.step_timing import throughput, timed_steps
from benchmarks.variant_process import run_variant


def _intervals(stamps):
    """Step times from the wall-clock stamps that separate the steps (n + 1 stamps for n steps)."""
    return [later - earlier for earlier, later in zip(stamps, stamps[1:])]


# Legacy (TF1 graph mode, legacy_examples/estimator_mnist.py)
def session(workdir, quick):
    """The legacy ``cnn_model_fn`` (TRAIN mode) on placeholders, run by a plain Session loop with feed_dict."""
    example = legacy_cnn.load_legacy("estimator_mnist")
    tf = example.tf
    train_images, train_labels, _, _ = example.read_data(mnist_dir(workdir))
    steps, steps_per_epoch = step_count(train_images, quick)
    tf.set_random_seed(SEED)
    images, labels = tf.placeholder(tf.float32, [None, 784]), tf.placeholder(tf.int32, [None])
    tf.train.get_or_create_global_step()
    spec = example.cnn_model_fn({"x": images}, labels, tf.estimator.ModeKeys.TRAIN, {"learning_rate": LEARNING_RATE})
    batches = _shuffled_batches(len(train_images))
    cpu_stamps = []
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())

        def step():
            index = next(batches)
            sess.run([spec.train_op, spec.loss], {images: train_images[index], labels: train_labels[index]})

        seconds = timed_steps(step, steps, cpu_stamps)
    return throughput(seconds, BATCH_SIZE, steps_per_epoch, cpu_stamps)


def _shuffled_batches(count):
    random = np.random.RandomState(SEED)
    while True:
        order = random.permutation(count)
        for start in range(0, count - BATCH_SIZE + 1, BATCH_SIZE):
            yield order[start:start + BATCH_SIZE]


def estimator(workdir, quick):
    """``Estimator.train`` as the legacy program calls it (numpy_input_fn, shuffled); steps timed by a hook."""
    example = legacy_cnn.load_legacy("estimator_mnist")
    tf = example.tf
    train_images, train_labels, test_images, test_labels = example.read_data(mnist_dir(workdir))
    steps, steps_per_epoch = step_count(train_images, quick)

    class StepStamps(tf.train.SessionRunHook):
        def __init__(self):
            self.wall, self.cpu = [], []

        def before_run(self, run_context):
            if not self.wall:
                self.wall.append(time.perf_counter())
            self.cpu.append(time.process_time())

        def after_run(self, run_context, run_values):
            self.wall.append(time.perf_counter())

    stamps = StepStamps()
    model = example.build_estimator(tempfile.mkdtemp(prefix="estimator_", dir=workdir), LEARNING_RATE, SEED)
    model.train(example.input_fn(train_images, train_labels, BATCH_SIZE, True), steps=steps, hooks=[stamps])
    result = throughput(_intervals(stamps.wall), BATCH_SIZE, steps_per_epoch, stamps.cpu)
    metrics = model.evaluate(example.input_fn(test_images, test_labels, 100, False, num_epochs=1))
    return dict(result, test_accuracy=float(metrics["accuracy"]))


# Migrated (TF2, migration/estimator_mnist.py as shipped)
def keras(workdir, quick):
    """``build_model`` + ``make_dataset`` + ``Model.fit``, as the twin trains; executions timed by a callback.

    The twin runs ``execution_size`` steps per execution (``steps_per_execution``); Keras calls
    callbacks once per execution, so each timed interval is that many steps.
    """
    import tensorflow as tf

    from migration import estimator_mnist as twin

    train_images, train_labels, test_images, test_labels = twin.read_data(mnist_dir(workdir))
    steps, steps_per_epoch = step_count(train_images, quick)

    class StepStamps(tf.keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.wall, self.cpu = [], []

        def on_train_batch_begin(self, batch, logs=None):
            if not self.wall:
                self.wall.append(time.perf_counter())
            self.cpu.append(time.process_time())

        def on_train_batch_end(self, batch, logs=None):
            self.wall.append(time.perf_counter())

    stamps = StepStamps()
    size = 1 if quick else twin.execution_size(steps, steps_per_epoch)  # --quick: a few single steps to time
    model = twin.build_model(LEARNING_RATE, SEED, size)
    model.fit(twin.make_dataset(train_images, train_labels, BATCH_SIZE, True, SEED), steps_per_epoch=steps,
              epochs=1, verbose=0, callbacks=[stamps])
    result = throughput(_intervals(stamps.wall), BATCH_SIZE * size, steps_per_epoch // size, stamps.cpu)
    result.update(steps=steps, batch_size=BATCH_SIZE, steps_per_execution=size)
    _, accuracy = model.evaluate(test_images, test_labels, batch_size=100, verbose=0)
    return dict(result, test_accuracy=float(accuracy))


VARIANTS = {"session": session, "estimator": estimator, "keras": keras}

if __name__ == "__main__":
    sys.exit(run_variant("python -m benchmarks.estimator_train", VARIANTS))
