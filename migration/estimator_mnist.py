"""A convolutional network on MNIST with Keras: compile / fit / evaluate / predict and a SavedModel (TensorFlow 2).

The TF2 form of ``legacy_examples/estimator_mnist.py``: the ``model_fn`` becomes a Keras
model, ``numpy_input_fn`` a ``tf.data.Dataset``, ``Estimator.train/evaluate/predict``
``Model.fit/evaluate/predict``, ``model_dir`` checkpoints a ``tf.train.CheckpointManager``,
``export_saved_model`` ``tf.saved_model.save`` with an explicit serving signature.

    python -m migration.estimator_mnist                 # 500 steps, batch 100
    python -m migration.estimator_mnist --steps 100 --model-dir /tmp/m
"""
import argparse
import gzip
import math
import os
import time

import numpy as np
import tensorflow as tf

from migration.cnn_mnist import FusedAdam

# Setup
IMAGE_SIZE = 28
NUM_CLASSES = 10
LINE = "Step {}, Average Loss= {:.4f}"
EMBEDDED_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tf1compat", "data")
# Model.fit runs this many steps per call of its traced train function (compile's steps_per_execution):
# the Estimator ran one Session.run per step with no Python in between; fit's per-call work (callbacks,
# fetching the logs) then happens once per execution instead of once per step.
STEPS_PER_EXECUTION = 20
FILES = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Train a CNN on MNIST with Keras fit (TF2).")
    parser.add_argument("--steps", type=int, default=500, help="training steps (default 500)")
    parser.add_argument("--batch-size", type=int, default=100, help="images per step (default 100)")
    parser.add_argument("--display-step", type=int, default=100, help="print the loss every N steps (default 100)")
    parser.add_argument("--learning-rate", type=float, default=1e-3, help="Adam learning rate (default 1e-3)")
    parser.add_argument("--data-dir", default="MNIST_data/", help="where the MNIST .gz files are (default MNIST_data/)")
    parser.add_argument("--model-dir", default="/tmp/estimator_mnist/model", help="checkpoints (default /tmp/estimator_mnist/model)")
    parser.add_argument("--export-dir", default="/tmp/estimator_mnist/export", help="SavedModels (default /tmp/estimator_mnist/export)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    return parser.parse_args(argv)


# Data
def read_idx(path):
    """An IDX file (gzip) as a uint8 array: images [n, 28, 28] or labels [n]."""
    with gzip.open(path, "rb") as handle:
        data = handle.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


def read_data(data_dir):
    """``(train_images, train_labels, test_images, test_labels)``: float32 [n, 784] in [0, 1], int32 labels."""
    if not all(os.path.exists(os.path.join(data_dir, name)) for name in FILES):
        print(f"MNIST files missing in `{data_dir}`; using the embedded real-MNIST subset in {EMBEDDED_DIR}")
        data_dir = EMBEDDED_DIR
    arrays = [read_idx(os.path.join(data_dir, name)) for name in FILES]
    images = [a.reshape(len(a), -1).astype(np.float32) / 255.0 for a in arrays[0::2]]
    labels = [a.astype(np.int32) for a in arrays[1::2]]
    return images[0], labels[0], images[1], labels[1]


def make_dataset(images, labels, batch_size, shuffle, seed=0):
    """Endless ``(images, labels)`` batches, reshuffled every epoch when ``shuffle``."""
    dataset = tf.data.Dataset.from_tensor_slices((images, labels))
    if shuffle:
        dataset = dataset.shuffle(len(images), seed=seed, reshuffle_each_iteration=True)
    return dataset.repeat().batch(batch_size).prefetch(tf.data.AUTOTUNE)


# Model
def execution_size(steps, display_step):
    """Steps per execution for ``fit``: at most STEPS_PER_EXECUTION, dividing ``steps`` and ``display_step``.

    ``fit`` runs whole executions and calls callbacks at their ends, so every execution ends on or
    before the last step and each loss line falls on an execution's end.
    """
    common = math.gcd(steps, display_step)
    return max(size for size in range(1, STEPS_PER_EXECUTION + 1) if common % size == 0)


def build_model(learning_rate=1e-3, seed=0, steps_per_execution=1):
    """The CNN, compiled: Adam on TF1's fused kernel (epsilon 1e-8 as TF1's), cross-entropy on logits, accuracy.

    ``FusedAdam`` (the cnn_mnist twin's) is Keras Adam updating each variable with TF1's ``ApplyAdam``
    kernel: Keras 3's Adam is about ten element-wise ops per variable, measured 1.5 ms per step of
    this model against ApplyAdam's 0.8 ms (docs/performance.md).
    """
    tf.random.set_seed(seed)
    model = tf.keras.Sequential([
        tf.keras.Input(shape=(IMAGE_SIZE * IMAGE_SIZE,), name="images"),
        tf.keras.layers.Reshape((IMAGE_SIZE, IMAGE_SIZE, 1)),
        tf.keras.layers.Conv2D(16, 5, padding="same", activation="relu", name="conv1"),
        tf.keras.layers.MaxPooling2D(2, 2),
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(128, activation="relu", name="hidden"),
        tf.keras.layers.Dense(NUM_CLASSES, name="logits"),
    ])
    model.compile(optimizer=FusedAdam(learning_rate, epsilon=1e-8),
                  loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"],
                  steps_per_execution=steps_per_execution)
    return model


class LossDisplay(tf.keras.callbacks.Callback):
    """Prints fit's running average loss every ``display_step`` steps."""

    def __init__(self, display_step, log=print):
        super().__init__()
        self._display_step, self._log = display_step, log

    def on_train_batch_end(self, batch, logs=None):
        # ``batch`` is the last step of the execution; ``logs["loss"]`` the mean over every step so far.
        if (batch + 1) % self._display_step == 0:
            self._log(LINE.format(batch + 1, logs["loss"]))


# Train
def train(model, images, labels, batch_size, steps, display_step, model_dir, seed=0, log=print):
    """``fit`` for ``steps`` steps, then save a checkpoint in ``model_dir`` (the Estimator's model_dir)."""
    model.fit(make_dataset(images, labels, batch_size, True, seed), steps_per_epoch=steps, epochs=1, verbose=0,
              callbacks=[LossDisplay(display_step, log)])
    checkpoint = tf.train.Checkpoint(model=model, optimizer=model.optimizer)
    return tf.train.CheckpointManager(checkpoint, model_dir, max_to_keep=5).save(checkpoint_number=steps)


# Evaluate
def export(model, export_dir):
    """Save ``model`` with a ``serving_default`` signature (``images`` -> classes, probabilities, logits)."""
    @tf.function(input_signature=[tf.TensorSpec([None, IMAGE_SIZE * IMAGE_SIZE], tf.float32, name="images")])
    def serve(images):
        logits = model(images, training=False)
        return {"classes": tf.argmax(logits, axis=1), "probabilities": tf.nn.softmax(logits), "logits": logits}

    path = os.path.join(export_dir, str(int(time.time())))
    module = tf.Module()
    module.model, module.serve = model, serve
    tf.saved_model.save(module, path, signatures={"serving_default": serve})
    return path


def main(argv=None):
    flags = parse_args(argv)
    train_images, train_labels, test_images, test_labels = read_data(flags.data_dir)
    model = build_model(flags.learning_rate, flags.seed, execution_size(flags.steps, flags.display_step))
    train(model, train_images, train_labels, flags.batch_size, flags.steps, flags.display_step, flags.model_dir, flags.seed)
    _, accuracy = model.evaluate(test_images, test_labels, batch_size=100, verbose=0)
    print("Test accuracy= {:.3f} after {} steps".format(accuracy, int(model.optimizer.iterations)))
    first = np.argmax(model.predict(test_images[:10], verbose=0), axis=1)
    print("Predicted classes of the first 10 test images: {}".format(" ".join(str(c) for c in first)))
    print("SavedModel: {}".format(export(model, flags.export_dir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
