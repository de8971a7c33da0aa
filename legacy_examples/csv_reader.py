"""Train a classifier on a CSV file read with TF ops: TextLineReader + decode_csv + shuffle_batch (TF1).

The 2017-era way to read a CSV without pandas: a filename queue feeds a
`tf.TextLineReader(skip_header_lines=1)`, `tf.decode_csv` turns each line into
columns (empty fields take the `record_defaults`), and `tf.train.shuffle_batch`
(or `tf.train.batch`) assembles batches in queue-runner threads. A malformed row
is reported with its file and line number: the reader's key is `file:line`.

    python -m tf1compat legacy_examples/csv_reader.py                 # writes data/train.csv, data/test.csv once
    python -m tf1compat legacy_examples/csv_reader.py --no-shuffle --num-epochs 2 --data-dir /tmp/csv
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


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Train on a CSV file read by a TF1 TextLineReader queue.")
    parser.add_argument("--data-dir", default="data", help="folder of train.csv and test.csv, written if missing "
                                                           "(default data/)")
    parser.add_argument("--batch-size", type=int, default=32, help="rows per batch (default 32)")
    parser.add_argument("--num-epochs", type=int, default=5, help="passes over train.csv (default 5)")
    parser.add_argument("--num-threads", type=int, default=1, help="threads filling the batch queue (default 1)")
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
def decode_row(key, line):
    """decode_csv with checks first: a malformed row fails naming its `file:line` key, not 'record 0'."""
    fields = tf.string_split([line], ",", skip_empty=False).values
    count = tf.size(fields)
    count_check = tf.Assert(tf.equal(count, len(COLUMNS)), [tf.string_join(
        ["`", key, f"`: expected {len(COLUMNS)} fields ({','.join(COLUMNS)}), found ", tf.as_string(count)])])
    checks = []
    with tf.control_dependencies([count_check]):
        for index, (column, pattern) in enumerate(zip(COLUMNS, FIELD_PATTERNS)):
            kind = "an integer" if pattern == INT_FIELD else "a number"
            checks.append(tf.Assert(tf.strings.regex_full_match(fields[index], pattern), [tf.string_join(
                ["`", key, f"`: field {index + 1} ({column}) is not {kind}: `", fields[index], "`"])]))
    with tf.control_dependencies(checks):
        columns = tf.decode_csv(line, record_defaults=RECORD_DEFAULTS)
    return tf.stack(columns[:NUM_FEATURES]), columns[NUM_FEATURES]


def input_pipeline(filenames, batch_size, num_epochs, shuffle=True, num_threads=1, seed=None):
    """Queue-fed (feature_batch [n, 4], label_batch [n]); the final batch may be smaller."""
    filename_queue = tf.train.string_input_producer(filenames, num_epochs=num_epochs, shuffle=shuffle, seed=seed)
    reader = tf.TextLineReader(skip_header_lines=1)
    key, line = reader.read(filename_queue)
    features, label = decode_row(key, line)
    if shuffle:
        return tf.train.shuffle_batch([features, label], batch_size, capacity=1000 + 3 * batch_size,
                                      min_after_dequeue=1000, num_threads=num_threads, seed=seed,
                                      allow_smaller_final_batch=True)
    return tf.train.batch([features, label], batch_size, num_threads=num_threads, capacity=3 * batch_size,
                          allow_smaller_final_batch=True)


def run_queue_loop(sess, step):
    """Call step() until the input queue is exhausted or step() returns False; always stop the threads."""
    coord = tf.train.Coordinator()
    threads = tf.train.start_queue_runners(sess=sess, coord=coord)
    try:
        while not coord.should_stop():
            if step() is False:
                break
    except tf.errors.OutOfRangeError:
        pass  # the queue is closed and empty: num_epochs are done
    finally:
        coord.request_stop()
    coord.join(threads)  # re-raises a malformed-row error from a reader thread


def read_batches(filenames, batch_size, num_epochs, shuffle=True, num_threads=1, seed=None):
    """Every (features, labels) batch the queue yields, in order."""
    tf.reset_default_graph()
    feature_batch, label_batch = input_pipeline(filenames, batch_size, num_epochs, shuffle, num_threads, seed)
    batches = []
    with tf.Session() as sess:
        sess.run(tf.local_variables_initializer())  # num_epochs counts in a local variable
        run_queue_loop(sess, lambda: batches.append(sess.run([feature_batch, label_batch])))
    return batches


def read_table(filename):
    """The whole CSV as (features [n, 4], labels [n]), in file order."""
    batches = read_batches([filename], 256, num_epochs=1, shuffle=False)
    return np.concatenate([x for x, _ in batches]), np.concatenate([y for _, y in batches])


def malformed_row_message(error):
    """`file:line: why` out of the Assert's error text (its first bracketed datum)."""
    found = re.search(r"assertion failed: \[(.*?)\]\s*$", error.message, re.MULTILINE)
    return found.group(1) if found else error.message.splitlines()[0]


# Model
def build_model(features, labels, learning_rate):
    """Softmax regression on the batch tensors; returns the graph's handles in a dict."""
    with tf.variable_scope("softmax"):
        weights = tf.Variable(tf.truncated_normal([NUM_FEATURES, NUM_CLASSES], stddev=0.1), name="weights")
        biases = tf.Variable(tf.zeros([NUM_CLASSES]), name="biases")
    logits = tf.matmul(features, weights) + biases
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))
    accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1, output_type=tf.int32), labels), tf.float32))
    train_op = tf.train.GradientDescentOptimizer(learning_rate).minimize(loss)
    return {"logits": logits, "loss": loss, "accuracy": accuracy, "train_op": train_op}


# Train
def train(train_file, test_set, batch_size=32, num_epochs=5, shuffle=True, num_threads=1, learning_rate=0.1,
          seed=0, display_step=0, max_steps=None):
    """Train until the queue runs dry; return initial weights and logits, losses, batch sizes, test accuracy."""
    tf.reset_default_graph()
    tf.set_random_seed(seed)
    feature_batch, label_batch = input_pipeline([train_file], batch_size, num_epochs, shuffle, num_threads, seed)
    model = build_model(feature_batch, label_batch, learning_rate)
    history = {"losses": [], "batch_sizes": []}
    with tf.Session() as sess:
        sess.run([tf.global_variables_initializer(), tf.local_variables_initializer()])
        history["initial_variables"] = {v.op.name: value for v, value in
                                        zip(tf.trainable_variables(), sess.run(tf.trainable_variables()))}
        history["initial_logits"] = sess.run(model["logits"], {feature_batch: test_set[0]})

        def step():
            _, loss, accuracy, labels = sess.run([model["train_op"], model["loss"], model["accuracy"], label_batch])
            history["losses"].append(loss)
            history["batch_sizes"].append(len(labels))
            count = len(history["losses"])
            if display_step and count % display_step == 0:
                print(f"step {count}: minibatch loss {loss:.4f}, training accuracy {accuracy:.3f}")
            return not (max_steps and count >= max_steps)

        run_queue_loop(sess, step)
        # Evaluate: a dequeued tensor can be fed like a placeholder.
        history["test_accuracy"] = sess.run(model["accuracy"], {feature_batch: test_set[0], label_batch: test_set[1]})
    return history


def main(argv=None):
    args = parse_args(argv)
    train_file, test_file = sample_files(args.data_dir)
    try:
        test_set = read_table(test_file)
        print(f"reading {train_file} ({args.num_epochs} epochs, batches of {args.batch_size}); "
              f"{len(test_set[1])} test rows from {test_file}")
        history = train(train_file, test_set, args.batch_size, args.num_epochs, args.shuffle, args.num_threads,
                        args.learning_rate, args.seed, args.display_step)
    except tf.errors.InvalidArgumentError as error:
        print(f"ERROR {malformed_row_message(error)}; fix or remove that row", file=sys.stderr)
        return 1
    print(f"trained {len(history['losses'])} steps, final batch of {history['batch_sizes'][-1]} rows, "
          f"final minibatch loss {history['losses'][-1]:.4f}")
    print(f"test accuracy {history['test_accuracy']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
