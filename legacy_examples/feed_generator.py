"""Train a softmax classifier on batches from a Python generator fed through feed_dict (TF1).

The 2017-era pattern: a `batch_iter` generator reshuffles the examples every epoch,
drops the incomplete tail batch, and the training loop feeds each batch into
placeholders with `sess.run(train_op, feed_dict=...)`.

    python -m tf1compat legacy_examples/feed_generator.py
    python -m tf1compat legacy_examples/feed_generator.py --num-epochs 3 --batch-size 32 --no-shuffle
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
    parser = argparse.ArgumentParser(description="Feed a batch generator into a TF1 session (feed_dict).")
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


def batch_iter(features, labels, batch_size, num_epochs, shuffle=True, seed=None):
    """Yield (features, labels) batches for num_epochs epochs, reshuffled each epoch, tail dropped."""
    rng = np.random.RandomState(seed)
    num_batches = len(features) // batch_size
    for _ in range(num_epochs):
        # Shuffle indices, not np.array(list(zip(x, y))): numpy 2 rejects that ragged array.
        order = rng.permutation(len(features)) if shuffle else np.arange(len(features))
        for batch in range(num_batches):
            index = order[batch * batch_size:(batch + 1) * batch_size]
            yield features[index], labels[index]


def list_batches(features, labels, batch_size, num_epochs, shuffle=True, seed=None):
    """Everything batch_iter yields, as a list (to inspect the feed order)."""
    return list(batch_iter(features, labels, batch_size, num_epochs, shuffle, seed))


# Model
def build_model(learning_rate, seed):
    """Placeholders x, y -> softmax regression; returns the graph's handles in a dict."""
    tf.set_random_seed(seed)
    x = tf.placeholder(tf.float32, [None, NUM_FEATURES], name="x")
    y = tf.placeholder(tf.float32, [None, NUM_CLASSES], name="y")
    with tf.variable_scope("softmax"):
        weights = tf.Variable(tf.truncated_normal([NUM_FEATURES, NUM_CLASSES], stddev=0.1), name="weights")
        biases = tf.Variable(tf.zeros([NUM_CLASSES]), name="biases")
    logits = tf.matmul(x, weights) + biases
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=logits))
    correct = tf.equal(tf.argmax(logits, 1), tf.argmax(y, 1))
    accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))
    train_op = tf.train.GradientDescentOptimizer(learning_rate).minimize(loss)
    return {"x": x, "y": y, "logits": logits, "loss": loss, "accuracy": accuracy, "train_op": train_op}


# Train
def train(train_set, test_set, batch_size=64, num_epochs=5, learning_rate=0.1, shuffle=True, seed=0,
          display_step=0, max_steps=None):
    """Train on batch_iter's batches; return the initial weights and logits, the losses, the accuracy."""
    tf.reset_default_graph()
    model = build_model(learning_rate, seed)
    history = {"losses": []}
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        history["initial_variables"] = export_weights(sess)
        history["initial_logits"] = sess.run(model["logits"], {model["x"]: test_set[0]})
        for x_batch, y_batch in batch_iter(*train_set, batch_size, num_epochs, shuffle, seed):
            feed_dict = {model["x"]: x_batch, model["y"]: y_batch}
            _, loss, accuracy = sess.run([model["train_op"], model["loss"], model["accuracy"]], feed_dict=feed_dict)
            history["losses"].append(loss)
            step = len(history["losses"])
            if display_step and step % display_step == 0:
                print(f"step {step}: minibatch loss {loss:.4f}, training accuracy {accuracy:.3f}")
            if max_steps and step >= max_steps:
                break
        # Evaluate
        history["test_accuracy"] = sess.run(model["accuracy"], {model["x"]: test_set[0], model["y"]: test_set[1]})
    return history


def export_weights(sess):
    """The trainable variables by name (without ':0')."""
    variables = tf.trainable_variables()
    return {variable.op.name: value for variable, value in zip(variables, sess.run(variables))}


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
    history = train(train_set, test_set, args.batch_size, args.num_epochs, args.learning_rate,
                    args.shuffle, args.seed, args.display_step)
    print(f"trained {len(history['losses'])} steps, final minibatch loss {history['losses'][-1]:.4f}")
    print(f"test accuracy {history['test_accuracy']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
