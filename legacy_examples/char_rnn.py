"""Char-RNN (TF1): a character-level LSTM language model with contrib.rnn cells and legacy_seq2seq.

The shape of the classic char-rnn-tensorflow projects: a ``TextLoader`` that turns a text file into
a vocabulary and (x, y) batches shifted by one character, a ``Model`` that stacks ``BasicLSTMCell``s
in a ``MultiRNNCell``, unrolls them with ``legacy_seq2seq.rnn_decoder`` and scores them with
``sequence_loss_by_example``, a training loop that carries the LSTM state from batch to batch,
clips gradients and decays the learning rate per epoch, a ``Saver`` checkpoint (``--init-from``
resumes from it), and text generated greedily by ``rnn_decoder``'s ``loop_function``.

    python -m tf1compat legacy_examples/char_rnn.py --num-epochs 20
    python -m tf1compat legacy_examples/char_rnn.py --num-epochs 5 --init-from tmp/char_rnn
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import tensorflow as tf
from tensorflow.contrib import legacy_seq2seq, rnn

DEFAULT_TEXT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "char_rnn.txt")


# Setup
def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Train a character-level LSTM language model, then generate text.")
    parser.add_argument("--data-file", default=DEFAULT_TEXT, help="training text (default: the embedded story)")
    parser.add_argument("--rnn-size", type=int, default=64, help="LSTM units per layer (default 64)")
    parser.add_argument("--num-layers", type=int, default=2, help="stacked LSTM layers (default 2)")
    parser.add_argument("--seq-length", type=int, default=25, help="characters per unrolled sequence (default 25)")
    parser.add_argument("--batch-size", type=int, default=10, help="sequences per batch (default 10)")
    parser.add_argument("--num-epochs", type=int, default=10, help="passes over the text (default 10)")
    parser.add_argument("--learning-rate", type=float, default=0.01, help="Adam learning rate (default 0.01)")
    parser.add_argument("--decay-rate", type=float, default=0.97, help="learning-rate decay per epoch (default 0.97)")
    parser.add_argument("--grad-clip", type=float, default=5.0, help="clip gradients to this global norm (default 5)")
    parser.add_argument("--print-every", type=int, default=20, help="print the loss every N batches (default 20)")
    parser.add_argument("--save-dir", default="tmp/char_rnn", help="checkpoint folder (default tmp/char_rnn)")
    parser.add_argument("--init-from", help="resume training from the checkpoint in this folder")
    parser.add_argument("--sample-length", type=int, default=200, help="characters to generate (default 200)")
    parser.add_argument("--prime", default="The ", help="text the generated sample starts from (default 'The ')")
    parser.add_argument("--seed", type=int, default=0, help="graph-level random seed (default 0)")
    return parser.parse_args(argv)


# Data
class TextLoader(object):
    """A text as character ids; ``batches`` cuts it into (x, y) pairs with y = x shifted by one character."""

    def __init__(self, path, batch_size, seq_length, chars=None):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        self.chars = chars or sorted(set(text))
        self.vocab = {char: index for index, char in enumerate(self.chars)}
        self.tensor = np.array([self.vocab[char] for char in text], dtype=np.int32)
        self.num_batches = len(self.tensor) // (batch_size * seq_length)
        if self.num_batches == 0:
            raise ValueError("`%s` is too short for one batch of %d x %d characters" % (path, batch_size, seq_length))
        self.batches = make_batches(self.tensor, batch_size, seq_length)


def make_batches(tensor, batch_size, seq_length):
    """Row b of batch i holds characters [b*L + i*T, b*L + (i+1)*T) of the text (L = text per row)."""
    num_batches = len(tensor) // (batch_size * seq_length)
    xdata = tensor[:num_batches * batch_size * seq_length]
    ydata = np.copy(xdata)
    ydata[:-1], ydata[-1] = xdata[1:], xdata[0]
    x_batches = np.split(xdata.reshape(batch_size, -1), num_batches, 1)
    y_batches = np.split(ydata.reshape(batch_size, -1), num_batches, 1)
    return list(zip(x_batches, y_batches))


# Model
class Model(object):
    """MultiRNNCell of BasicLSTMCells unrolled by legacy_seq2seq.rnn_decoder; softmax over the vocabulary."""

    def __init__(self, vocab_size, rnn_size, num_layers, batch_size, seq_length, grad_clip=5.0):
        self.cell = rnn.MultiRNNCell([rnn.BasicLSTMCell(rnn_size) for _ in range(num_layers)])
        self.input_data = tf.placeholder(tf.int32, [batch_size, seq_length])
        self.targets = tf.placeholder(tf.int32, [batch_size, seq_length])
        self.initial_state = self.cell.zero_state(batch_size, tf.float32)

        with tf.variable_scope("rnnlm"):
            softmax_w = tf.get_variable("softmax_w", [rnn_size, vocab_size])
            softmax_b = tf.get_variable("softmax_b", [vocab_size])
            with tf.device("/cpu:0"):
                embedding = tf.get_variable("embedding", [vocab_size, rnn_size])
                inputs = tf.split(tf.nn.embedding_lookup(embedding, self.input_data), seq_length, 1)
                inputs = [tf.squeeze(step, [1]) for step in inputs]
        outputs, last_state = legacy_seq2seq.rnn_decoder(inputs, self.initial_state, self.cell, scope="rnnlm")
        output = tf.reshape(tf.concat(outputs, 1), [-1, rnn_size])
        self.logits = tf.matmul(output, softmax_w) + softmax_b
        self.probs = tf.nn.softmax(self.logits)
        loss = legacy_seq2seq.sequence_loss_by_example(
            [self.logits], [tf.reshape(self.targets, [-1])], [tf.ones([batch_size * seq_length])])
        self.cost = tf.reduce_sum(loss) / batch_size / seq_length
        self.final_state = last_state

        self.lr = tf.Variable(0.0, trainable=False)
        tvars = tf.trainable_variables()
        grads, _ = tf.clip_by_global_norm(tf.gradients(self.cost, tvars), grad_clip)
        optimizer = tf.train.AdamOptimizer(self.lr)
        self.train_op = optimizer.apply_gradients(zip(grads, tvars))

        # Greedy generation: rnn_decoder's loop_function feeds each step's argmax back as the next input.
        def loop(prev, _):
            prev_symbol = tf.stop_gradient(tf.argmax(tf.matmul(prev, softmax_w) + softmax_b, 1))
            return tf.nn.embedding_lookup(embedding, prev_symbol)

        self.sample_input = tf.placeholder(tf.int32, [1])
        self.sample_state = self.cell.zero_state(1, tf.float32)
        self.sample_steps = {}
        self._sample_parts = (embedding, softmax_w, softmax_b, loop)

    def sampler(self, length):
        """The graph that generates ``length`` characters after ``sample_input`` (built once per length)."""
        if length not in self.sample_steps:
            embedding, softmax_w, softmax_b, loop = self._sample_parts
            first = tf.nn.embedding_lookup(embedding, self.sample_input)
            with tf.variable_scope(tf.get_variable_scope(), reuse=True):
                outputs, state = legacy_seq2seq.rnn_decoder([first] * length, self.sample_state, self.cell,
                                                            loop_function=loop if length > 1 else None,
                                                            scope="rnnlm")
            symbols = [tf.argmax(tf.matmul(output, softmax_w) + softmax_b, 1) for output in outputs]
            self.sample_steps[length] = (tf.concat(symbols, 0), state)
        return self.sample_steps[length]


def build_model(vocab_size, rnn_size=64, num_layers=2, batch_size=10, seq_length=25, grad_clip=5.0):
    return Model(vocab_size, rnn_size, num_layers, batch_size, seq_length, grad_clip)


# Train
def feed_state(feed, placeholders, values):
    for (c, h), value in zip(placeholders, values):
        feed[c], feed[h] = value.c, value.h
    return feed


def train(sess, model, batches, num_epochs, learning_rate, decay_rate, print_every, start_epoch=0):
    """Adam over ``batches`` each epoch, the LSTM state carried across batches; returns each step's loss."""
    losses, total = [], num_epochs * len(batches)
    for epoch in range(start_epoch, start_epoch + num_epochs):
        sess.run(tf.assign(model.lr, learning_rate * (decay_rate ** epoch)))
        state = sess.run(model.initial_state)
        for x, y in batches:
            feed = feed_state({model.input_data: x, model.targets: y}, model.initial_state, state)
            train_loss, state, _ = sess.run([model.cost, model.final_state, model.train_op], feed)
            losses.append(train_loss)
            if len(losses) % print_every == 0 or len(losses) == total:
                print("{}/{} (epoch {}), train_loss = {:.3f}".format(len(losses), total, epoch, train_loss))
    return losses


def save(sess, saver, save_dir, chars, epochs_done):
    if not os.path.exists(save_dir):
        os.makedirs(save_dir)
    with open(os.path.join(save_dir, "vocab.json"), "w") as handle:
        json.dump({"chars": "".join(chars), "epochs": epochs_done}, handle)
    path = saver.save(sess, os.path.join(save_dir, "model.ckpt"), global_step=epochs_done)
    print("model saved to {}".format(path))
    return path


# Evaluate
def sample(sess, model, chars, vocab, prime, length):
    """``prime`` then ``length`` greedily generated characters."""
    state = sess.run(model.sample_state)
    for char in prime[:-1]:
        feed = feed_state({model.sample_input: [vocab[char]]}, model.sample_state, state)
        state = sess.run(model.sampler(1)[1], feed)
    symbols, _ = model.sampler(length)
    feed = feed_state({model.sample_input: [vocab[prime[-1]]]}, model.sample_state, state)
    return prime + "".join(chars[i] for i in sess.run(symbols, feed))


def main(argv=None):
    args = parse_args(argv)
    started = time.time()
    resume = json.load(open(os.path.join(args.init_from, "vocab.json"))) if args.init_from else None
    loader = TextLoader(args.data_file, args.batch_size, args.seq_length, resume and list(resume["chars"]))
    print("vocab size: {}, batches per epoch: {}".format(len(loader.chars), loader.num_batches))
    tf.set_random_seed(args.seed)
    model = build_model(len(loader.chars), args.rnn_size, args.num_layers, args.batch_size, args.seq_length,
                        args.grad_clip)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        saver = tf.train.Saver(tf.global_variables())
        start_epoch = 0
        if resume:
            saver.restore(sess, tf.train.latest_checkpoint(args.init_from))
            start_epoch = resume["epochs"]
            print("resumed from {} after epoch {}".format(args.init_from, start_epoch))
        losses = train(sess, model, loader.batches, args.num_epochs, args.learning_rate, args.decay_rate,
                       args.print_every, start_epoch)
        save(sess, saver, args.save_dir, loader.chars, start_epoch + args.num_epochs)
        text = sample(sess, model, loader.chars, loader.vocab, args.prime, args.sample_length)
    print("first loss {:.3f}, last loss {:.3f}, time {:.1f}s".format(losses[0], losses[-1], time.time() - started))
    print("sample:\n" + text)
    return 0


# Reuse: the equivalence check (migration/checks/char_rnn.py) calls this.
def run_for_check(chars, batches, probe, folder, prime, length, seed=0, learning_rate=0.01, **sizes):
    """Initial weights and probe logits, losses over ``batches``, then a save, a restore and a greedy sample."""
    vocab_size = len(chars)
    with tf.Graph().as_default():
        tf.set_random_seed(seed)
        model = build_model(vocab_size, batch_size=probe.shape[0], seq_length=probe.shape[1], **sizes)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            weights = {v.op.name: value for v, value in zip(tf.trainable_variables(),
                                                             sess.run(tf.trainable_variables()))}
            logits = sess.run(model.logits, {model.input_data: probe})
            losses = train(sess, model, batches, 1, learning_rate, 1.0, len(batches) + 1)
            path = tf.train.Saver(tf.global_variables()).save(sess, os.path.join(folder, "model.ckpt"))
    with tf.Graph().as_default():
        model = build_model(vocab_size, batch_size=probe.shape[0], seq_length=probe.shape[1], **sizes)
        with tf.Session() as sess:
            tf.train.Saver(tf.global_variables()).restore(sess, path)
            restored_logits = sess.run(model.logits, {model.input_data: probe})
            text = sample(sess, model, chars, {char: i for i, char in enumerate(chars)}, prime, length)
    return {"weights": weights, "logits": logits, "losses": np.array(losses), "path": path,
            "restored_logits": restored_logits, "sample": text}


if __name__ == "__main__":
    sys.exit(main())
