"""Restore the trained BiLSTM-CRF tagger and tag held-out sentences (TF1 script); prints one RESULT line."""
import json

import numpy as np
import tensorflow as tf

from model import build_graph, make_data

flags = tf.app.flags
flags.DEFINE_string("model_dir", "/tmp/crf_tagger", "where train.py saved the checkpoint")
FLAGS = flags.FLAGS


def accuracy(predicted, tags, lengths):
    hits = sum(int(np.sum(np.asarray(p)[:n] == t[:n])) for p, t, n in zip(predicted, tags, lengths))
    return hits / float(np.sum(lengths))


def main(_):
    words, tags, lengths = make_data(200, seed=1)
    model = build_graph()
    saver = tf.train.Saver()
    checkpoint = tf.train.latest_checkpoint(FLAGS.model_dir)
    with tf.Session() as sess:
        saver.restore(sess, checkpoint)
        feed = {model["words"]: words, model["lengths"]: lengths}
        decoded, logits, transitions = sess.run([model["decoded"], model["logits"], model["transition_params"]], feed)
    viterbi = [tf.contrib.crf.viterbi_decode(logits[i, :n], transitions)[0] for i, n in enumerate(lengths)]
    names = dict(tf.train.list_variables(checkpoint))
    print("RESULT " + json.dumps({
        "accuracy": accuracy(decoded, tags, lengths), "numpy_viterbi_accuracy": accuracy(viterbi, tags, lengths),
        "decode_agrees_with_viterbi": all(list(decoded[i, :n]) == list(path)
                                          for i, (n, path) in enumerate(zip(lengths, viterbi))),
        "transitions_shape": names.get("crf/transitions"),
        "lstm_block_kernel": names.get("bidirectional_rnn/bw/lstm_cell/kernel")}))


if __name__ == "__main__":
    tf.app.run()
