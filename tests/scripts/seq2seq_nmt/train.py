"""Train the attention NMT model to reverse token sequences, save it, restore it into a beam-search graph.

Run: python -m tf1compat tests/scripts/seq2seq_nmt/train.py --steps 300
Prints the losses, a few decoded examples, and one `RESULT {json}` line.
"""
import argparse
import json
import os
import tempfile

import numpy as np
import tensorflow as tf

import model


def hparams_from_flags():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--batch_size", type=int, default=32)
    parser.add_argument("--num_units", type=int, default=32)
    parser.add_argument("--vocab_size", type=int, default=9)
    parser.add_argument("--beam_width", type=int, default=3)
    parser.add_argument("--length_penalty_weight", type=float, default=0.0)
    parser.add_argument("--learning_rate", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=0)
    return parser.parse_args()


def batch(rng, hparams):
    """Sources of 3-6 tokens (ids 3..vocab-1); targets are the reversed sources framed by SOS / EOS."""
    lengths = rng.randint(3, 7, size=hparams.batch_size)
    width = lengths.max()
    source = np.zeros((hparams.batch_size, width), np.int32)
    target_in = np.full((hparams.batch_size, width + 1), model.EOS, np.int32)
    target_out = np.full((hparams.batch_size, width + 1), model.EOS, np.int32)
    for row, n in enumerate(lengths):
        tokens = rng.randint(3, hparams.vocab_size, size=n)
        source[row, :n] = tokens
        target_in[row, :n + 1] = np.concatenate([[model.SOS], tokens[::-1]])
        target_out[row, :n] = tokens[::-1]
    return source, lengths, target_in, target_out, lengths + 1


def train(hparams, rng, checkpoint):
    """Train in a graph of its own and save a checkpoint; return the losses."""
    names = ("source", "source_length", "target_in", "target_out", "target_length")
    losses = []
    with tf.Graph().as_default():
        tf.set_random_seed(hparams.seed)
        graph = model.build(hparams, "train")
        with tf.Session() as session:
            session.run(tf.global_variables_initializer())
            for step in range(hparams.steps):
                feed = {graph[name]: value for name, value in zip(names, batch(rng, hparams))}
                loss, _ = session.run([graph["loss"], graph["train_op"]], feed)
                losses.append(float(loss))
                if step % 50 == 0:
                    print(f"step {step} loss {loss:.4f}")
            tf.train.Saver().save(session, checkpoint)
    return losses


def translate(hparams, checkpoint, source, lengths):
    """Restore the checkpoint into a fresh beam-search graph and decode; also return its variable names."""
    with tf.Graph().as_default():
        graph = model.build(hparams, "infer")
        with tf.Session() as session:
            tf.train.Saver().restore(session, checkpoint)
            predictions = session.run(graph["predictions"],
                                      {graph["source"]: source, graph["source_length"]: lengths})
        return predictions, sorted(v.op.name for v in tf.global_variables())


def main():
    hparams = hparams_from_flags()
    rng = np.random.RandomState(hparams.seed)
    with tempfile.TemporaryDirectory() as folder:
        checkpoint = os.path.join(folder, "translate.ckpt")
        losses = train(hparams, rng, checkpoint)
        source, lengths, _, target_out, _ = batch(rng, hparams)
        predictions, names = translate(hparams, checkpoint, source, lengths)
    correct = [bool(np.array_equal(predictions[row, :n + 1], target_out[row, :n + 1]))
               for row, n in enumerate(lengths)]
    for row in range(3):
        print("source", source[row, :lengths[row]].tolist(), "-> beam", predictions[row].tolist())
    print("RESULT " + json.dumps({"first_loss": float(np.mean(losses[:10])), "last_loss": float(np.mean(losses[-10:])),
                                  "exact_match": float(np.mean(correct)), "variables": names}))


if __name__ == "__main__":
    main()
