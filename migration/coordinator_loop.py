"""Train an MNIST classifier over a tf.data pipeline (TF2 twin of legacy_examples/coordinator_loop.py).

`slice_input_producer` + `tf.train.batch` + Coordinator + queue-runner threads become one
`tf.data` pipeline (`from_tensor_slices` -> `shuffle(reshuffle_each_iteration=True)` ->
`repeat(num_epochs)` -> `batch` -> `prefetch`) and a plain `for` loop: the loop ends
when the data does, with no OutOfRangeError and no threads to stop.

    python -m migration.coordinator_loop
    python -m migration.coordinator_loop --num-epochs 1 --no-shuffle --num-threads 1
"""
import argparse
import os
import sys

import tensorflow as tf

# Setup
IMAGE_PIXELS = 784
NUM_CLASSES = 10


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Train on MNIST from a tf.data pipeline (TF2 twin of coordinator_loop).")
    parser.add_argument("--data-dir", default="MNIST_data/", help="where the MNIST .gz files are (default MNIST_data/)")
    parser.add_argument("--batch-size", type=int, default=128, help="examples per batch (default 128)")
    parser.add_argument("--num-epochs", type=int, default=2, help="passes over the training set (default 2)")
    parser.add_argument("--num-threads", type=int, default=2,
                        help="accepted for parity with the TF1 twin; tf.data picks its own parallelism")
    parser.add_argument("--hidden-units", type=int, default=64, help="width of the hidden layer (default 64)")
    parser.add_argument("--learning-rate", type=float, default=0.5, help="SGD step size (default 0.5)")
    parser.add_argument("--no-shuffle", dest="shuffle", action="store_false", help="keep the data order")
    parser.add_argument("--display-step", type=int, default=10, help="print the loss every N steps")
    parser.add_argument("--seed", type=int, default=0, help="seed of the shuffle and the weights")
    return parser.parse_args(argv)


# Data
# The embedded real-MNIST subset shipped with this repository, read when --data-dir lacks the files.
EMBEDDED_MNIST = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tf1compat", "data")


def read_idx_records(path, record_bytes, header_bytes):
    """Every record of an IDX ``.gz`` file (MNIST's format) as one uint8 tensor ``[N, record_bytes]``, via tf.data."""
    records = tf.data.FixedLengthRecordDataset(path, record_bytes, header_bytes=header_bytes, compression_type="GZIP")
    return tf.io.decode_raw(records.batch(1 << 30).get_single_element(), tf.uint8)


def mnist_split(data_dir, split):
    """``(images, one-hot labels)`` of MNIST ``split`` ("train" or "t10k"), float32, pixels scaled by 1/255."""
    folder = data_dir if os.path.isfile(os.path.join(data_dir, f"{split}-labels-idx1-ubyte.gz")) else EMBEDDED_MNIST
    images = read_idx_records(os.path.join(folder, f"{split}-images-idx3-ubyte.gz"), IMAGE_PIXELS, 16)
    labels = read_idx_records(os.path.join(folder, f"{split}-labels-idx1-ubyte.gz"), 1, 8)[:, 0]
    return tf.cast(images, tf.float32) * (1.0 / 255.0), tf.one_hot(tf.cast(labels, tf.int32), NUM_CLASSES)


def make_dataset(images, labels, batch_size, num_epochs, shuffle=True, seed=None):
    """(images, labels) batches; the final batch of the last epoch may be smaller."""
    dataset = tf.data.Dataset.from_tensor_slices((images, labels))
    if shuffle:
        dataset = dataset.shuffle(len(images), seed=seed, reshuffle_each_iteration=True)
    # Repeat before batch: like slice_input_producer + tf.train.batch, batches run across
    # epoch ends and only the very last batch is short.
    dataset = dataset.repeat(num_epochs).batch(batch_size)
    return dataset.prefetch(tf.data.AUTOTUNE)


# Model
class Dense(tf.Module):
    def __init__(self, fan_in, units, name, activation=None, seed=0):
        super().__init__(name=name)
        initial = tf.random.stateless_truncated_normal([fan_in, units], seed=[seed, fan_in], stddev=0.1)
        with self.name_scope:  # variable names hidden/weights, softmax/biases, ... as in the TF1 graph
            self.kernel = tf.Variable(initial, name="weights")
            self.bias = tf.Variable(tf.zeros([units]), name="biases")
        self.activation = activation

    def __call__(self, inputs):
        outputs = tf.matmul(inputs, self.kernel) + self.bias
        return self.activation(outputs) if self.activation else outputs


class MLP(tf.Module):
    """A one-hidden-layer MLP: 784 -> hidden_units (relu) -> 10 logits."""

    def __init__(self, hidden_units=64, seed=0):
        super().__init__(name=None)
        self.hidden = Dense(IMAGE_PIXELS, hidden_units, "hidden", tf.nn.relu, seed)
        self.softmax = Dense(hidden_units, NUM_CLASSES, "softmax", seed=seed)

    def __call__(self, images):
        return self.softmax(self.hidden(images))


def loss_and_accuracy(logits, labels):
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits))
    correct = tf.equal(tf.argmax(logits, 1), tf.argmax(labels, 1))
    return loss, tf.reduce_mean(tf.cast(correct, tf.float32))


def make_train_step(model, learning_rate):
    optimizer = tf.keras.optimizers.SGD(learning_rate)

    @tf.function(reduce_retracing=True)  # the short final batch must not cost a retrace per shape
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            loss, accuracy = loss_and_accuracy(model(images), labels)
        optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
        return loss, accuracy

    return train_step


# Train
def train(model, train_set, test_set, batch_size=128, num_epochs=2, shuffle=True, learning_rate=0.5, seed=0,
          display_step=0, max_steps=None):
    """Train over the whole dataset; return the losses, batch sizes and test accuracy."""
    train_step = make_train_step(model, learning_rate)
    history = {"losses": [], "batch_sizes": []}
    for images, labels in make_dataset(*train_set, batch_size, num_epochs, shuffle, seed):
        loss, accuracy = train_step(images, labels)
        history["losses"].append(loss.numpy())
        history["batch_sizes"].append(len(labels))
        count = len(history["losses"])
        if display_step and count % display_step == 0:
            print(f"step {count}: minibatch loss {loss:.4f}, training accuracy {accuracy:.3f}")
        if max_steps and count >= max_steps:
            break
    # Evaluate
    history["test_accuracy"] = loss_and_accuracy(model(test_set[0]), test_set[1])[1].numpy()
    return history


def main(argv=None):
    args = parse_args(argv)
    train_set, test_set = mnist_split(args.data_dir, "train"), mnist_split(args.data_dir, "t10k")
    print(f"{len(train_set[0])} training and {len(test_set[0])} test images, batches of {args.batch_size}, "
          f"{args.num_epochs} epochs, {args.num_threads} queue threads")
    model = MLP(args.hidden_units, args.seed)
    history = train(model, train_set, test_set, args.batch_size, args.num_epochs, args.shuffle,
                    args.learning_rate, args.seed, args.display_step)
    print(f"trained {len(history['losses'])} steps, final batch of {history['batch_sizes'][-1]} examples, "
          f"final minibatch loss {history['losses'][-1]:.4f}")
    print(f"test accuracy {history['test_accuracy']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
