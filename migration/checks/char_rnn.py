"""The char_rnn pair's staged check: batches, variables, logits, losses, then the TF1 checkpoint's logits and text."""
import tempfile

import numpy as np
import tensorflow as tf

from migration import char_rnn as migrated
from migration import equivalence
from migration.pairs import PAIRS

SEED = 5
SIZES = {"rnn_size": 32, "num_layers": 2}
GRAD_CLIP = 5.0
LEARNING_RATE = 0.01
BATCH_SIZE, SEQ_LENGTH = 8, 20
PRIME, SAMPLE_LENGTH = "The ", 60


def check(steps=10):
    """Run the stages against ONE legacy process; return the ``equivalence.Report``.

    The legacy side cuts the text into batches, initialises, predicts a probe batch, trains
    ``steps`` Adam steps (state carried between batches), saves with its Saver, restores into a
    new graph, predicts again and generates text greedily with rnn_decoder's loop_function.
    """
    chars, vocab, ids = migrated.load_text(migrated.DEFAULT_TEXT)
    dataset, num_batches = migrated.make_dataset(ids, BATCH_SIZE, SEQ_LENGTH)
    if steps > num_batches:
        raise ValueError(f"`steps` {steps}: the text has {num_batches} batches of {BATCH_SIZE} x {SEQ_LENGTH}")
    batches = [(x.numpy(), y.numpy()) for x, y in dataset.take(steps)]
    probe = batches[0][0]
    report = equivalence.Report()
    with tempfile.TemporaryDirectory(prefix="char_rnn_") as folder:
        legacy_batches, legacy = equivalence.run_legacy_many(PAIRS["char_rnn"].legacy_path, [
            ("make_batches", (ids, BATCH_SIZE, SEQ_LENGTH)),
            ("run_for_check", (chars, batches, probe, folder, PRIME, SAMPLE_LENGTH),
             dict(seed=SEED, grad_clip=GRAD_CLIP, learning_rate=LEARNING_RATE, **SIZES)),
        ])
        report.compare_exact(f"batches (x, y) of the text ({steps} of {num_batches})",
                             [np.stack(pair) for pair in legacy_batches[:steps]],
                             [np.stack(pair) for pair in batches])
        _compare_model(report, legacy, chars, vocab, batches, probe)
    return report


def _compare_model(report, legacy, chars, vocab, batches, probe):
    """Variables, logits and losses from the legacy initial weights; then the legacy checkpoint's logits and text."""
    steps = len(batches)
    model = migrated.build_model(len(chars), **SIZES)
    report.compare_exact("variables: TF1 name -> shape (LSTM kernel = Keras kernel + recurrent kernel)",
                         {name: list(value.shape) for name, value in legacy["weights"].items()},
                         _tf1_shapes(model))
    migrated.assign_tf1_weights(model, legacy["weights"])
    report.compare("inference logits (same weights, zero state)", legacy["logits"], _logits(model, probe))
    optimizer = migrated.make_optimizer(LEARNING_RATE)
    same_batches = tf.data.Dataset.from_tensor_slices(tuple(map(np.stack, zip(*batches))))
    losses = migrated.train(model, optimizer, same_batches,
                            steps, 1, LEARNING_RATE, 1.0, GRAD_CLIP, steps + 1)
    report.compare(f"training losses ({steps} Adam steps, LSTM state carried)", legacy["losses"], losses)
    restored = migrated.build_model(len(chars), **SIZES)
    migrated.load_tf1_checkpoint(restored, legacy["path"])
    report.compare("logits after loading the TF1 Saver checkpoint", legacy["restored_logits"],
                   _logits(restored, probe))
    report.compare_exact(f"greedy text from the TF1 checkpoint ({SAMPLE_LENGTH} characters)", legacy["sample"],
                         migrated.sample(restored, chars, vocab, PRIME, SAMPLE_LENGTH))


def _logits(model, ids):
    logits, _ = model(tf.constant(ids))
    return tf.reshape(logits, [-1, logits.shape[-1]]).numpy()


def _tf1_shapes(model):
    """The TF1 variables the Keras model stands for, with their TF1 shapes."""
    shapes = {"rnnlm/embedding": list(model.embedding.embeddings.shape),
              "rnnlm/softmax_w": list(model.dense.kernel.shape), "rnnlm/softmax_b": list(model.dense.bias.shape)}
    for index, lstm in enumerate(model.lstms):
        scope = f"rnnlm/multi_rnn_cell/cell_{index}/basic_lstm_cell"
        kernel, recurrent = lstm.cell.kernel.shape, lstm.cell.recurrent_kernel.shape
        shapes[f"{scope}/kernel"] = [kernel[0] + recurrent[0], kernel[1]]
        shapes[f"{scope}/bias"] = list(lstm.cell.bias.shape)
    return shapes
