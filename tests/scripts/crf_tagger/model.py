"""BiLSTM-CRF tagger (TF1 style): toy data and the graph shared by train.py and predict.py."""
import numpy as np
import tensorflow as tf

VOCAB, NUM_TAGS, EMBED, UNITS, MAX_LEN = 20, 3, 16, 16, 8
ENTITY_WORDS = 10  # words >= 10 are entity words: B (1) when they start a run, I (2) inside it, O (0) otherwise


def make_data(count, seed):
    """Sentences of 2..MAX_LEN words, padded; tags follow the B/I/O rule above."""
    rng = np.random.RandomState(seed)
    lengths = rng.randint(2, MAX_LEN + 1, size=count).astype(np.int32)
    words = np.zeros((count, MAX_LEN), np.int32)
    tags = np.zeros((count, MAX_LEN), np.int32)
    for row, length in enumerate(lengths):
        words[row, :length] = rng.randint(0, VOCAB, size=length)
        for t in range(length):
            if words[row, t] >= ENTITY_WORDS:
                tags[row, t] = 2 if t > 0 and words[row, t - 1] >= ENTITY_WORDS else 1
    return words, tags, lengths


def build_graph():
    """Placeholders, BiLSTM over embeddings, CRF loss and decoding; returns the endpoints as a dict."""
    words = tf.placeholder(tf.int32, [None, None], name="words")
    tags = tf.placeholder(tf.int32, [None, None], name="tags")
    lengths = tf.placeholder(tf.int32, [None], name="lengths")
    embeddings = tf.get_variable("embeddings", [VOCAB, EMBED])
    embedded = tf.nn.embedding_lookup(embeddings, words)
    cell_fw = tf.contrib.rnn.LSTMCell(UNITS)
    cell_bw = tf.contrib.rnn.LSTMBlockCell(UNITS)
    (out_fw, out_bw), _ = tf.nn.bidirectional_dynamic_rnn(cell_fw, cell_bw, embedded, sequence_length=lengths,
                                                          dtype=tf.float32)
    logits = tf.layers.dense(tf.concat([out_fw, out_bw], axis=-1), NUM_TAGS, name="logits")
    with tf.variable_scope("crf"):
        log_likelihood, transition_params = tf.contrib.crf.crf_log_likelihood(logits, tags, lengths)
    loss = tf.reduce_mean(-log_likelihood)
    decoded, best_score = tf.contrib.crf.crf_decode(logits, transition_params, lengths)
    return {"words": words, "tags": tags, "lengths": lengths, "logits": logits, "loss": loss,
            "transition_params": transition_params, "decoded": decoded, "best_score": best_score}
