"""Train a classifier on a CSV file read by a tf.data pipeline (TF2 twin of legacy_examples/csv_reader.py).

`string_input_producer` + `TextLineReader(skip_header_lines=1)` + `decode_csv` +
`shuffle_batch` become `TextLineDataset(...).skip(1)` -> `map(tf.io.decode_csv)` ->
`shuffle` -> `repeat` -> `batch`, iterated by a plain `for` loop. TextLineDataset has
no `file:line` key like the TF1 reader, so the pipeline zips each line with its
number: a malformed row is still reported as `file:line`.

    python -m migration.csv_reader                 # writes data/train.csv, data/test.csv once
    python -m migration.csv_reader --no-shuffle --num-epochs 2 --data-dir /tmp/csv
"""
import argparse
import os
import re
import sys

import numpy as np
import tensorflow as tf

# Setup
COLUMNS = ("x1", "x2", "x3", "x4", "label")
RECORD_DEFAULTS = [[0.0], [0.0], [0.0], [0.0], [0]]  # an empty field takes its column's default
NUM_FEATURES = 4
NUM_CLASSES = 3
# A decimal float, inf or nan (decode_csv reads these), or empty; stricter than decode_csv on hex.
FLOAT_FIELD = r"(?i)\s*([-+]?((\d+\.?\d*|\.\d+)(e[-+]?\d+)?|inf|infinity|nan))?\s*"
INT_FIELD = r"\s*([-+]?\d+)?\s*"
FIELD_PATTERNS = (FLOAT_FIELD,) * NUM_FEATURES + (INT_FIELD,)
CENTERS_SEED = 1234
SHUFFLE_BUFFER = 1000


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Train on a CSV file read by a tf.data pipeline.")
    parser.add_argument("--data-dir", default="data", help="folder of train.csv and test.csv, written if missing "
                                                           "(default data/)")
    parser.add_argument("--batch-size", type=int, default=32, help="rows per batch (default 32)")
    parser.add_argument("--num-epochs", type=int, default=5, help="passes over train.csv (default 5)")
    parser.add_argument("--num-threads", type=int, default=1,
                        help="accepted for parity with the TF1 twin; tf.data picks its own parallelism")
    parser.add_argument("--learning-rate", type=float, default=0.1, help="SGD step size (default 0.1)")
    parser.add_argument("--no-shuffle", dest="shuffle", action="store_false", help="keep the file order")
    parser.add_argument("--display-step", type=int, default=20, help="print the loss every N steps")
    parser.add_argument("--seed", type=int, default=0, help="seed of the shuffle and the weights")
    return parser.parse_args(argv)


def write_sample_csv(path, num_rows, seed):
    """A synthetic 3-class table (4 float features, an integer label) with a header, written atomically."""
    centers = np.random.RandomState(CENTERS_SEED).normal(0.0, 2.0, (NUM_CLASSES, NUM_FEATURES))
    rng = np.random.RandomState(seed)
    labels = rng.randint(NUM_CLASSES, size=num_rows)
    features = centers[labels] + rng.normal(0.0, 1.0, (num_rows, NUM_FEATURES))
    rows = [",".join([f"{value:.4f}" for value in row] + [str(label)]) for row, label in zip(features, labels)]
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path + ".tmp", "w") as handle:
        handle.write(",".join(COLUMNS) + "\n" + "\n".join(rows) + "\n")
    os.replace(path + ".tmp", path)


def sample_files(data_dir):
    """data_dir/train.csv (400 rows) and data_dir/test.csv (100 rows), written once if missing."""
    paths = []
    for name, num_rows, seed in (("train.csv", 400, 0), ("test.csv", 100, 1)):
        path = os.path.join(data_dir, name)
        if not os.path.exists(path):
            write_sample_csv(path, num_rows, seed)
        paths.append(path)
    return paths


# Data
def numbered_lines(filename):
    """(`file:line` key, line) for each data line of one CSV file; line 1 is the header."""
    keys = tf.data.Dataset.counter(start=2).map(
        lambda number: tf.strings.join([filename, ":", tf.strings.as_string(number)]))
    return tf.data.Dataset.zip((keys, tf.data.TextLineDataset(filename).skip(1)))


def decode_row(key, line):
    """tf.io.decode_csv with checks first: a malformed row fails naming its `file:line` key."""
    fields = tf.strings.split(line, ",")
    count = tf.size(fields)
    count_check = tf.debugging.Assert(tf.equal(count, len(COLUMNS)), [tf.strings.join(
        ["`", key, f"`: expected {len(COLUMNS)} fields ({','.join(COLUMNS)}), found ", tf.strings.as_string(count)])])
    checks = []
    with tf.control_dependencies([count_check]):  # index the fields only once there are enough
        for index, (column, pattern) in enumerate(zip(COLUMNS, FIELD_PATTERNS)):
            kind = "an integer" if pattern == INT_FIELD else "a number"
            checks.append(tf.debugging.Assert(tf.strings.regex_full_match(fields[index], pattern), [tf.strings.join(
                ["`", key, f"`: field {index + 1} ({column}) is not {kind}: `", fields[index], "`"])]))
    with tf.control_dependencies(checks):  # decode_csv's own error would not name the line
        columns = tf.io.decode_csv(line, record_defaults=RECORD_DEFAULTS)
    return tf.stack(columns[:NUM_FEATURES]), columns[NUM_FEATURES]


def make_dataset(filenames, batch_size, num_epochs, shuffle=True, seed=None):
    """(features [n, 4], labels [n]) batches; the final batch may be smaller."""
    dataset = tf.data.Dataset.from_tensor_slices(filenames).flat_map(numbered_lines)
    dataset = dataset.map(decode_row, num_parallel_calls=tf.data.AUTOTUNE)
    if shuffle:
        dataset = dataset.shuffle(SHUFFLE_BUFFER, seed=seed, reshuffle_each_iteration=True)
    # Repeat before batch: as with the TF1 queue, only the very last batch is short.
    return dataset.repeat(num_epochs).batch(batch_size).prefetch(tf.data.AUTOTUNE)


def read_table(filename):
    """The whole CSV as (features [n, 4], labels [n]), in file order."""
    batches = list(make_dataset([filename], 256, num_epochs=1, shuffle=False).as_numpy_iterator())
    return np.concatenate([x for x, _ in batches]), np.concatenate([y for _, y in batches])


def malformed_row_message(error):
    """`file:line: why` out of the Assert's error text (its first bracketed datum)."""
    found = re.search(r"assertion failed: \[(.*?)\]\s*$", error.message, re.MULTILINE)
    return found.group(1) if found else error.message.splitlines()[0]


# Model
class SoftmaxRegression(tf.Module):
    """logits = features @ weights + biases."""

    def __init__(self, seed=0, name="softmax"):
        super().__init__(name=name)
        initial = tf.random.stateless_truncated_normal([NUM_FEATURES, NUM_CLASSES], seed=[seed, 0], stddev=0.1)
        with self.name_scope:  # variable names softmax/weights, softmax/biases, as in the TF1 graph
            self.kernel = tf.Variable(initial, name="weights")
            self.bias = tf.Variable(tf.zeros([NUM_CLASSES]), name="biases")

    def __call__(self, features):
        return tf.matmul(features, self.kernel) + self.bias


def loss_and_accuracy(logits, labels):
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))
    correct = tf.equal(tf.argmax(logits, 1, output_type=tf.int32), labels)
    return loss, tf.reduce_mean(tf.cast(correct, tf.float32))


def make_train_step(model, learning_rate):
    optimizer = tf.keras.optimizers.SGD(learning_rate)

    @tf.function(reduce_retracing=True)  # the short final batch must not cost a retrace per shape
    def train_step(features, labels):
        with tf.GradientTape() as tape:
            loss, accuracy = loss_and_accuracy(model(features), labels)
        optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
        return loss, accuracy

    return train_step


# Train
def train(model, train_file, test_set, batch_size=32, num_epochs=5, shuffle=True, learning_rate=0.1, seed=0,
          display_step=0, max_steps=None):
    """Train over the whole dataset; return the losses, batch sizes and test accuracy."""
    train_step = make_train_step(model, learning_rate)
    history = {"losses": [], "batch_sizes": []}
    for features, labels in make_dataset([train_file], batch_size, num_epochs, shuffle, seed):
        loss, accuracy = train_step(features, labels)
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
    train_file, test_file = sample_files(args.data_dir)
    try:
        test_set = read_table(test_file)
        print(f"reading {train_file} ({args.num_epochs} epochs, batches of {args.batch_size}); "
              f"{len(test_set[1])} test rows from {test_file}")
        history = train(SoftmaxRegression(args.seed), train_file, test_set, args.batch_size, args.num_epochs,
                        args.shuffle, args.learning_rate, args.seed, args.display_step)
    except tf.errors.InvalidArgumentError as error:
        print(f"ERROR {malformed_row_message(error)}; fix or remove that row", file=sys.stderr)
        return 1
    print(f"trained {len(history['losses'])} steps, final batch of {history['batch_sizes'][-1]} rows, "
          f"final minibatch loss {history['losses'][-1]:.4f}")
    print(f"test accuracy {history['test_accuracy']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
