"""A convolutional network on MNIST as a custom-model_fn tf.estimator.Estimator (TensorFlow 1.x).

The Estimator-era shape of the MNIST tutorial: a ``model_fn`` with ``EstimatorSpec`` for
each ``ModeKeys``, ``params``, ``RunConfig``, ``numpy_input_fn``, train / evaluate /
predict, and a SavedModel export for serving. Model: conv 5x5x16 SAME + ReLU, 2x2
max-pool, dense 128 ReLU, dense 10; sparse softmax cross-entropy; AdamOptimizer.

    python -m tf1compat legacy_examples/estimator_mnist.py                 # 500 steps, batch 100
    python -m tf1compat legacy_examples/estimator_mnist.py --steps 100 --model-dir /tmp/m
"""
import argparse
import os

import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

# Setup
IMAGE_SIZE = 28
NUM_CLASSES = 10
LINE = "Step {}, Average Loss= {:.4f}"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Train a CNN on MNIST with a custom-model_fn Estimator (TF1).")
    parser.add_argument("--steps", type=int, default=500, help="training steps (default 500)")
    parser.add_argument("--batch-size", type=int, default=100, help="images per step (default 100)")
    parser.add_argument("--display-step", type=int, default=100, help="print the loss every N steps (default 100)")
    parser.add_argument("--learning-rate", type=float, default=1e-3, help="Adam learning rate (default 1e-3)")
    parser.add_argument("--data-dir", default="MNIST_data/", help="where the MNIST .gz files are (default MNIST_data/)")
    parser.add_argument("--model-dir", default="/tmp/estimator_mnist/model", help="checkpoints (default /tmp/estimator_mnist/model)")
    parser.add_argument("--export-dir", default="/tmp/estimator_mnist/export", help="SavedModels (default /tmp/estimator_mnist/export)")
    parser.add_argument("--seed", type=int, default=0, help="graph-level random seed (default 0)")
    return parser.parse_args(argv)


# Data
def read_data(data_dir):
    """MNIST with integer labels, all training images for training."""
    mnist = input_data.read_data_sets(data_dir, validation_size=0)
    return (mnist.train.images, mnist.train.labels.astype(np.int32),
            mnist.test.images, mnist.test.labels.astype(np.int32))


def input_fn(images, labels, batch_size, shuffle, num_epochs=None):
    """A ``numpy_input_fn`` over ``{"x": images}`` (in order when ``shuffle`` is False)."""
    return tf.estimator.inputs.numpy_input_fn({"x": images}, labels, batch_size=batch_size,
                                              num_epochs=num_epochs, shuffle=shuffle, num_threads=1)


# Model
def cnn_model_fn(features, labels, mode, params):
    """The ``EstimatorSpec`` of the CNN for ``mode``."""
    images = tf.reshape(features["x"], [-1, IMAGE_SIZE, IMAGE_SIZE, 1])
    conv = tf.layers.conv2d(images, 16, 5, padding="same", activation=tf.nn.relu, name="conv1")
    pool = tf.layers.max_pooling2d(conv, 2, 2)
    hidden = tf.layers.dense(tf.layers.flatten(pool), 128, activation=tf.nn.relu, name="hidden")
    logits = tf.layers.dense(hidden, NUM_CLASSES, name="logits")
    predictions = {"classes": tf.argmax(logits, axis=1), "probabilities": tf.nn.softmax(logits), "logits": logits}
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions=predictions, export_outputs={
            "serving_default": tf.estimator.export.PredictOutput(predictions)})
    loss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
    if mode == tf.estimator.ModeKeys.EVAL:
        accuracy = tf.metrics.accuracy(labels=labels, predictions=predictions["classes"])
        return tf.estimator.EstimatorSpec(mode, loss=loss, eval_metric_ops={"accuracy": accuracy})
    optimizer = tf.train.AdamOptimizer(params["learning_rate"])
    train_op = optimizer.minimize(loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


def build_estimator(model_dir, learning_rate, seed):
    config = tf.estimator.RunConfig(tf_random_seed=seed, keep_checkpoint_max=5)
    return tf.estimator.Estimator(cnn_model_fn, model_dir=model_dir, config=config,
                                  params={"learning_rate": learning_rate})


class LossHistoryHook(tf.train.SessionRunHook):
    """Records the loss of every step; prints the average so far every ``display_step`` steps."""

    def __init__(self, display_step, log=print):
        self.losses, self._display_step, self._log = [], display_step, log

    def before_run(self, run_context):
        return tf.train.SessionRunArgs(tf.get_collection(tf.GraphKeys.LOSSES)[0])

    def after_run(self, run_context, run_values):
        self.losses.append(float(run_values.results))
        if len(self.losses) % self._display_step == 0:
            self._log(LINE.format(len(self.losses), np.mean(self.losses)))


# Train
def train(estimator, images, labels, batch_size, steps, display_step, shuffle=True, log=print):
    """Train ``steps`` steps; return the loss of each step."""
    history = LossHistoryHook(display_step, log)
    estimator.train(input_fn(images, labels, batch_size, shuffle), steps=steps, hooks=[history])
    return history.losses


def train_on_batches(model_dir, images, labels, batch_size, steps, learning_rate=1e-3, seed=0):
    """Train in data order (no shuffling) into ``model_dir``; the losses (model.ckpt-0 holds the initial weights)."""
    return train(build_estimator(model_dir, learning_rate, seed), images, labels, batch_size, steps, steps + 1,
                 shuffle=False)


# Evaluate
def predict(estimator, images, checkpoint_path=None):
    """``{"classes", "probabilities", "logits"}`` arrays for ``images``."""
    outputs = list(estimator.predict(input_fn(images, None, 100, False, num_epochs=1), checkpoint_path=checkpoint_path))
    return {key: np.array([output[key] for output in outputs]) for key in outputs[0]}


def predict_logits(model_dir, images, checkpoint_name=None):
    """The logits from ``model_dir``'s latest checkpoint (or ``checkpoint_name`` in it)."""
    path = os.path.join(model_dir, checkpoint_name) if checkpoint_name else None
    return predict(build_estimator(model_dir, 1e-3, 0), images, path)["logits"]


def serving_input_receiver_fn():
    images = tf.placeholder(tf.float32, [None, IMAGE_SIZE * IMAGE_SIZE], name="images")
    return tf.estimator.export.ServingInputReceiver({"x": images}, {"images": images})


def export(model_dir, export_dir):
    """Export the latest checkpoint as a SavedModel; its path."""
    path = build_estimator(model_dir, 1e-3, 0).export_saved_model(export_dir, serving_input_receiver_fn)
    return path.decode() if isinstance(path, bytes) else path


def main(argv=None):
    flags = parse_args(argv)
    train_images, train_labels, test_images, test_labels = read_data(flags.data_dir)
    estimator = build_estimator(flags.model_dir, flags.learning_rate, flags.seed)
    train(estimator, train_images, train_labels, flags.batch_size, flags.steps, flags.display_step)
    metrics = estimator.evaluate(input_fn(test_images, test_labels, 100, False, num_epochs=1))
    print("Test accuracy= {:.3f} after {} steps".format(metrics["accuracy"], metrics["global_step"]))
    first = predict(estimator, test_images[:10])["classes"]
    print("Predicted classes of the first 10 test images: {}".format(" ".join(str(c) for c in first)))
    print("SavedModel: {}".format(export(flags.model_dir, flags.export_dir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
