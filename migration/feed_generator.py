"""Train a softmax classifier on tf.data batches (TF2 twin of legacy_examples/feed_generator.py).

The Python `batch_iter` generator + `feed_dict` become a `tf.data` pipeline: shuffle with
`reshuffle_each_iteration=True` (a new order every epoch), `batch(drop_remainder=True)`
(the generator's dropped tail), `repeat(num_epochs)`, and a `tf.function` train step that
takes the batch as its arguments instead of placeholders.

    python -m migration.feed_generator
    python -m migration.feed_generator --num-epochs 3 --batch-size 32 --no-shuffle
"""
import argparse
import sys

import numpy as np
import tensorflow as tf

# Setup
NUM_FEATURES = 20
NUM_CLASSES = 4
CENTERS_SEED = 1234  # the class centres are fixed so train and test come from one distribution


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Train on tf.data batches (TF2 twin of feed_generator).")
    parser.add_argument("--num-examples", type=int, default=1000, help="training examples (default 1000)")
    parser.add_argument("--batch-size", type=int, default=64, help="examples per batch (default 64)")
    parser.add_argument("--num-epochs", type=int, default=5, help="passes over the data (default 5)")
    parser.add_argument("--learning-rate", type=float, default=0.1, help="SGD step size (default 0.1)")
    parser.add_argument("--no-shuffle", dest="shuffle", action="store_false", help="keep the data order")
    parser.add_argument("--display-step", type=int, default=20, help="print the loss every N steps")
    parser.add_argument("--seed", type=int, default=0, help="seed of the data, the shuffle and the weights")
    return parser.parse_args(argv)


# Data
def make_blobs(num_examples, seed):
    """Gaussian blobs, one per class: float32 features [n, 20] and one-hot labels [n, 4]."""
    centers = np.random.RandomState(CENTERS_SEED).normal(0.0, 1.0, (NUM_CLASSES, NUM_FEATURES))
    rng = np.random.RandomState(seed)
    classes = rng.randint(NUM_CLASSES, size=num_examples)
    features = centers[classes] + rng.normal(0.0, 1.5, (num_examples, NUM_FEATURES))
    labels = np.eye(NUM_CLASSES)[classes]
    return features.astype(np.float32), labels.astype(np.float32)


def make_dataset(features, labels, batch_size, num_epochs, shuffle=True, seed=None):
    """(features, labels) batches for num_epochs epochs, reshuffled each epoch, tail dropped."""
    dataset = tf.data.Dataset.from_tensor_slices((features, labels))
    if shuffle:
        dataset = dataset.shuffle(len(features), seed=seed, reshuffle_each_iteration=True)
    # Batch before repeat: the tail is dropped in every epoch, as batch_iter does.
    dataset = dataset.batch(batch_size, drop_remainder=True).repeat(num_epochs)
    return dataset.prefetch(tf.data.AUTOTUNE)


# Model
class SoftmaxRegression(tf.Module):
    """logits = x @ weights + biases."""

    def __init__(self, seed, name="softmax"):
        super().__init__(name=name)
        initial = tf.random.stateless_truncated_normal([NUM_FEATURES, NUM_CLASSES], seed=[seed, 0], stddev=0.1)
        with self.name_scope:  # variable names softmax/weights, softmax/biases, as in the TF1 graph
            self.kernel = tf.Variable(initial, name="weights")
            self.bias = tf.Variable(tf.zeros([NUM_CLASSES]), name="biases")

    def __call__(self, x):
        return tf.matmul(x, self.kernel) + self.bias


def loss_and_accuracy(logits, labels):
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits))
    correct = tf.equal(tf.argmax(logits, 1), tf.argmax(labels, 1))
    return loss, tf.reduce_mean(tf.cast(correct, tf.float32))


def make_train_step(model, learning_rate):
    optimizer = tf.keras.optimizers.SGD(learning_rate)

    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            loss, accuracy = loss_and_accuracy(model(x), y)
        optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
        return loss, accuracy

    return train_step


# Train
def train(model, train_set, test_set, batch_size=64, num_epochs=5, learning_rate=0.1, shuffle=True, seed=0,
          display_step=0, max_steps=None):
    """Train ``model`` on the dataset's batches; return the losses and the test accuracy."""
    train_step = make_train_step(model, learning_rate)
    history = {"losses": []}
    for x_batch, y_batch in make_dataset(*train_set, batch_size, num_epochs, shuffle, seed):
        loss, accuracy = train_step(x_batch, y_batch)
        history["losses"].append(loss.numpy())
        step = len(history["losses"])
        if display_step and step % display_step == 0:
            print(f"step {step}: minibatch loss {loss:.4f}, training accuracy {accuracy:.3f}")
        if max_steps and step >= max_steps:
            break
    # Evaluate
    history["test_accuracy"] = loss_and_accuracy(model(test_set[0]), test_set[1])[1].numpy()
    return history


def main(argv=None):
    args = parse_args(argv)
    if not 0 < args.batch_size <= args.num_examples:
        print(f"ERROR `--batch-size {args.batch_size}`: must be between 1 and --num-examples "
              f"({args.num_examples}), or no batch is left after dropping the tail", file=sys.stderr)
        return 2
    train_set = make_blobs(args.num_examples, args.seed)
    test_set = make_blobs(max(args.num_examples // 5, 1), args.seed + 1)
    print(f"{len(train_set[0])} training and {len(test_set[0])} test examples, "
          f"{len(train_set[0]) // args.batch_size} batches of {args.batch_size} per epoch")
    model = SoftmaxRegression(args.seed)
    history = train(model, train_set, test_set, args.batch_size, args.num_epochs, args.learning_rate,
                    args.shuffle, args.seed, args.display_step)
    print(f"trained {len(history['losses'])} steps, final minibatch loss {history['losses'][-1]:.4f}")
    print(f"test accuracy {history['test_accuracy']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
