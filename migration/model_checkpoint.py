"""Model checkpoint in idiomatic TensorFlow 2 (twin of legacy_examples/model_checkpoint.py).

The "Model base class" becomes a ``tf.Module`` that owns its layers (no variable
scopes, no collections: ``model.trainable_variables``), the graph-building ``build()``
becomes ``__call__``, ``opt_op`` a ``tf.function`` train step with Keras Adam, and
``tf.train.Saver`` a ``tf.train.Checkpoint`` managed by a ``CheckpointManager``. With
``--from-tf1 CKPT`` it skips training and loads the legacy Saver checkpoint through
``migration.checkpoints.restore_tf1_checkpoint``.

    python -m migration.model_checkpoint --steps 200
    python -m migration.model_checkpoint --from-tf1 tmp/mlp.ckpt
"""
import argparse
import os
import sys
import time

import numpy as np
import tensorflow as tf

from migration.checkpoints import restore_tf1_checkpoint

# Setup
INPUT_DIM, NUM_CLASSES = 784, 10
# TF1's AdamOptimizer default epsilon (Keras defaults to 1e-7); the update rule is the same.
ADAM_EPSILON = 1e-8


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m migration.model_checkpoint",
                                     description="Train an MLP (tf.Module), checkpoint it, reload it; or load a TF1 checkpoint.")
    parser.add_argument("--steps", type=int, default=200, help="training iterations (default 200)")
    parser.add_argument("--batch-size", type=int, default=100, help="images per iteration (default 100)")
    parser.add_argument("--display-step", type=int, default=50, help="print metrics every N steps (default 50)")
    parser.add_argument("--hidden", type=int, default=64, help="hidden units (default 64)")
    parser.add_argument("--learning-rate", type=float, default=0.01, help="Adam learning rate (default 0.01)")
    parser.add_argument("--weight-decay", type=float, default=5e-4, help="L2 on the first layer (default 5e-4)")
    parser.add_argument("--data-dir", default="MNIST_data/", help="where the MNIST .gz files are (default MNIST_data/)")
    parser.add_argument("--checkpoint-dir", default="tmp", help="folder for the checkpoints (default tmp/)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--from-tf1", metavar="CKPT", help="skip training: load this TF1 Saver checkpoint")
    flags = parser.parse_args(argv)
    for name in ("steps", "batch_size", "display_step", "hidden"):
        if getattr(flags, name) < 1:
            parser.error(f"`--{name.replace('_', '-')} {getattr(flags, name)}`: must be at least 1")
    return flags


# Data
# The embedded real-MNIST subset shipped with this repository, read when --data-dir lacks the files.
EMBEDDED_MNIST = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tf1compat", "data")


def read_idx(path, header_bytes):
    """The uint8 values of an IDX ``.gz`` file (MNIST's format) after its header, read with ``tf.io``."""
    data = tf.io.decode_compressed(tf.io.read_file(path), compression_type="GZIP")
    return tf.io.decode_raw(tf.strings.substr(data, header_bytes, tf.strings.length(data) - header_bytes), tf.uint8)


def load_mnist(data_dir, split):
    """``(images, one-hot labels)`` of MNIST ``split`` ("train" or "t10k") as float32 NumPy arrays in [0, 1]."""
    folder = data_dir if os.path.isfile(os.path.join(data_dir, f"{split}-labels-idx1-ubyte.gz")) else EMBEDDED_MNIST
    images = tf.reshape(read_idx(os.path.join(folder, f"{split}-images-idx3-ubyte.gz"), 16), [-1, INPUT_DIM])
    labels = read_idx(os.path.join(folder, f"{split}-labels-idx1-ubyte.gz"), 8)
    return (tf.cast(images, tf.float32) * (1.0 / 255.0)).numpy(), tf.one_hot(labels, NUM_CLASSES).numpy()


def make_dataset(features, labels, batch_size, seed=None):
    """Endless ``(features, labels)`` batches, reshuffled every epoch."""
    dataset = tf.data.Dataset.from_tensor_slices((features, labels))
    dataset = dataset.shuffle(len(features), seed=seed, reshuffle_each_iteration=True).repeat()
    return dataset.batch(batch_size).prefetch(2)


# Model
class Dense(tf.Module):
    """Fully connected layer: activation(inputs @ weights + bias), Glorot-uniform weights."""

    def __init__(self, input_dim, output_dim, activation=tf.nn.relu, seed=0, name=None):
        super().__init__(name=name)
        limit = np.sqrt(6.0 / (input_dim + output_dim))
        uniform = tf.random.Generator.from_seed(seed)
        with self.name_scope:
            self.weights = tf.Variable(uniform.uniform([input_dim, output_dim], -limit, limit), name="weights")
            self.bias = tf.Variable(tf.zeros([output_dim]), name="bias")
        self.activation = activation

    def __call__(self, inputs):
        return self.activation(tf.matmul(inputs, self.weights) + self.bias)


class MLP(tf.Module):
    """784 -> hidden ReLU -> 10; the layers are applied in sequence."""

    def __init__(self, hidden_dim=64, weight_decay=5e-4, seed=0, name="mlp"):
        super().__init__(name=name)
        self.weight_decay = weight_decay
        with self.name_scope:
            self.layers = [Dense(INPUT_DIM, hidden_dim, tf.nn.relu, seed=seed, name="dense_1"),
                           Dense(hidden_dim, NUM_CLASSES, tf.identity, seed=seed + 1, name="dense_2")]

    def __call__(self, features):
        for layer in self.layers:
            features = layer(features)
        return features

    def predict(self, features):
        return tf.nn.softmax(self(features))

    def loss(self, logits, labels):
        """Mean softmax cross-entropy plus weight decay on the first layer, as the legacy ``_loss``."""
        decay = tf.add_n([tf.nn.l2_loss(v) for v in self.layers[0].trainable_variables])
        cross_entropy = tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits)
        return self.weight_decay * decay + tf.reduce_mean(cross_entropy)


def accuracy(logits, labels):
    return tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1), tf.argmax(labels, 1)), tf.float32))


def build_model(hidden=64, weight_decay=5e-4, seed=0):
    """The MLP (the factory for ``python -m migration.checkpoints convert --model``)."""
    return MLP(hidden, weight_decay, seed)


# Train
def make_train_step(model, optimizer):
    @tf.function
    def train_step(features, labels):
        with tf.GradientTape() as tape:
            logits = model(features)
            loss = model.loss(logits, labels)
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        return loss, accuracy(logits, labels)
    return train_step


def train(model, optimizer, batches, steps, display_step):
    """Run ``steps`` Adam steps over ``batches`` (a dataset or a list); return the loss of each step."""
    train_step = make_train_step(model, optimizer)
    losses = []
    for step, (features, labels) in zip(range(steps), batches):
        loss, acc = train_step(features, labels)
        losses.append(float(loss))
        if (step + 1) % display_step == 0 or step == 0:
            print("Step:", "%04d" % (step + 1), "train_loss=", "{:.5f}".format(float(loss)),
                  "train_acc=", "{:.5f}".format(float(acc)))
    return losses


def make_optimizer(learning_rate):
    return tf.keras.optimizers.Adam(learning_rate, epsilon=ADAM_EPSILON)


# Evaluate
def evaluate(model, features, labels):
    logits = model(features)
    return float(model.loss(logits, labels)), float(accuracy(logits, labels))


def main(argv=None):
    flags = parse_args(argv)
    test_set = load_mnist(flags.data_dir, "t10k")
    started = time.time()
    model = build_model(flags.hidden, flags.weight_decay, flags.seed)
    if flags.from_tf1:
        print(restore_tf1_checkpoint(model, flags.from_tf1))
    else:
        optimizer = make_optimizer(flags.learning_rate)
        batches = make_dataset(*load_mnist(flags.data_dir, "train"), flags.batch_size, flags.seed)
        train(model, optimizer, batches, flags.steps, flags.display_step)
        print("Optimization Finished!")
        manager = tf.train.CheckpointManager(tf.train.Checkpoint(model=model, optimizer=optimizer),
                                             os.path.join(flags.checkpoint_dir, model.name), max_to_keep=3)
        print("Model saved in file: %s" % manager.save())
        # A new model object: the weights come only from the checkpoint.
        model = build_model(flags.hidden, flags.weight_decay, flags.seed + 100)
        tf.train.Checkpoint(model=model).read(manager.latest_checkpoint).expect_partial()
        print("Model restored from file: %s" % manager.latest_checkpoint)
    cost, acc = evaluate(model, *test_set)
    print("Test set results:", "cost=", "{:.5f}".format(cost), "accuracy=", "{:.5f}".format(acc),
          "time=", "{:.5f}".format(time.time() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
