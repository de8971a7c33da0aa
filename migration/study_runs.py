"""One batch size of the study, trained by the TF2 cnn_mnist program's own functions, in this process.

Run as a child of ``migration.batch_size_study`` (one process per batch size, so each
peak resident memory is that run's own):

    python -m migration.study_runs --history-json FILE [cnn_mnist flags: --batch-size 256 --steps 500 ...]

It prints cnn_mnist's display lines (the parent's progress bar follows them) and writes
the history as JSON, with the same keys as the legacy program's ``--history-json``.
"""
import argparse
import dataclasses
import json
import sys

import tensorflow as tf

from migration import cnn_mnist


def train_one(flags, log=print):
    """Train cnn_mnist as its ``main`` does (no figures, no logs); return the history as a dict.

    Args:
        flags: ``cnn_mnist.parse_args(...)`` flags (batch size, steps, display step, seed, ...).
        log: called with each display line.
    """
    # Same seed, same curves: without this, a few kernels may sum in a thread-dependent order.
    tf.config.experimental.enable_op_determinism()
    tf.random.set_seed(flags.seed)
    train_images, train_labels, test_images, test_labels = cnn_mnist.load_mnist(flags.data_dir)
    batches = cnn_mnist.make_dataset(train_images, train_labels, flags.batch_size, seed=flags.seed)
    model = cnn_mnist.ConvNet(seed=flags.seed)
    optimizer = cnn_mnist.make_optimizer(model, flags.learning_rate)
    train_step = cnn_mnist.make_train_step(model, optimizer, rate=1.0 - flags.keep_prob)
    test_set = (tf.constant(test_images), tf.constant(test_labels))
    history = cnn_mnist.train(model, train_step, batches, test_set, flags.steps, flags.display_step, log=log)
    return dataclasses.asdict(history)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m migration.study_runs", add_help=False)
    parser.add_argument("--history-json", required=True, help="where the history goes")
    known, program_argv = parser.parse_known_args(argv)
    flags = cnn_mnist.parse_args(program_argv)  # the program's own flags and checks
    history = train_one(flags, log=lambda line: print(line, flush=True))
    with open(known.history_json, "w") as handle:
        json.dump(history, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
