"""Char-RNN in idiomatic TensorFlow 2 (twin of legacy_examples/char_rnn.py).

The ``MultiRNNCell`` of ``BasicLSTMCell``s unrolled by ``legacy_seq2seq.rnn_decoder`` becomes
stacked Keras ``LSTM`` layers with ``return_state``; placeholders and ``feed_dict`` a ``tf.data``
pipeline and a ``tf.function`` train step that carries the LSTM state from batch to batch;
``sequence_loss_by_example`` a mean sparse cross-entropy; the ``Saver`` a ``tf.train.Checkpoint``
(``--init-from`` resumes from it); the ``loop_function`` generator a Python loop over one-step
calls. ``--from-tf1 DIR`` skips training and loads the legacy Saver checkpoint, converting
TF1's LSTM kernels (gate order i, j, f, o, forget_bias 1.0 added at run time) to Keras' layout.

    python -m migration.char_rnn --num-epochs 20
    python -m migration.char_rnn --from-tf1 tmp/char_rnn
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import tensorflow as tf

# The embedded story beside the TF1 program: legacy_examples/data/ in a checkout, migration/legacy_examples/data/
# when installed.
_HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_TEXT = next((path for path in (os.path.join(_HERE, "legacy_examples", "data", "char_rnn.txt"),
                                       os.path.join(os.path.dirname(_HERE), "legacy_examples", "data", "char_rnn.txt"))
                     if os.path.exists(path)), os.path.join(_HERE, "legacy_examples", "data", "char_rnn.txt"))
# TF1's BasicLSTMCell adds this to the forget gate at run time; Keras keeps it in the bias.
TF1_FORGET_BIAS = 1.0
ADAM_EPSILON = 1e-8  # TF1's AdamOptimizer default (Keras: 1e-7)


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
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--from-tf1", metavar="DIR", help="skip training: load the legacy Saver checkpoint in DIR")
    return parser.parse_args(argv)


# Data
def load_text(path, chars=None):
    """The vocabulary (sorted characters unless given) and the text as int32 ids."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    chars = chars or sorted(set(text))
    vocab = {char: index for index, char in enumerate(chars)}
    return chars, vocab, np.array([vocab[char] for char in text], dtype=np.int32)


def make_dataset(ids, batch_size, seq_length):
    """(x, y) batches where row b continues row b of the previous batch (so the LSTM state can carry over)."""
    num_batches = len(ids) // (batch_size * seq_length)
    if num_batches == 0:
        raise ValueError(f"the text is too short for one batch of {batch_size} x {seq_length} characters")
    x = ids[:num_batches * batch_size * seq_length]
    y = np.roll(x, -1)  # the next character; the last one wraps to the first, as in the legacy loader
    rows = lambda a: a.reshape(batch_size, num_batches, seq_length).transpose(1, 0, 2)
    return tf.data.Dataset.from_tensor_slices((rows(x), rows(y))), num_batches


# Model
class CharRNN(tf.keras.Model):
    """Embedding -> stacked LSTMs (state in, state out) -> Dense logits over the vocabulary."""

    def __init__(self, vocab_size, rnn_size=64, num_layers=2):
        super().__init__(name="char_rnn")
        self.rnn_size = rnn_size
        self.embedding = tf.keras.layers.Embedding(vocab_size, rnn_size)
        self.lstms = [tf.keras.layers.LSTM(rnn_size, return_sequences=True, return_state=True)
                      for _ in range(num_layers)]
        self.dense = tf.keras.layers.Dense(vocab_size)
        self(tf.zeros([1, 1], tf.int32))  # create the variables

    def zero_state(self, batch_size):
        return [[tf.zeros([batch_size, self.rnn_size])] * 2 for _ in self.lstms]

    def call(self, ids, states=None):
        """Logits [batch, time, vocab] and the new [h, c] of each layer."""
        outputs, new_states = self.embedding(ids), []
        for index, lstm in enumerate(self.lstms):
            outputs, h, c = lstm(outputs, initial_state=None if states is None else states[index])
            new_states.append([h, c])
        return self.dense(outputs), new_states


def build_model(vocab_size, rnn_size=64, num_layers=2):
    return CharRNN(vocab_size, rnn_size, num_layers)


def keras_gate_order(array):
    """TF1's gate blocks i, j (candidate), f, o along the last axis -> Keras' i, f, c (candidate), o."""
    i, j, f, o = np.split(array, 4, axis=-1)
    return np.concatenate([i, f, j, o], axis=-1)


def keras_lstm_weights(kernel, bias, input_size):
    """TF1 BasicLSTMCell kernel [input + units, 4u] and bias -> Keras kernel, recurrent kernel and bias."""
    i, j, f, o = np.split(bias, 4)
    keras_kernel = keras_gate_order(kernel)
    return (keras_kernel[:input_size], keras_kernel[input_size:],
            keras_gate_order(np.concatenate([i, j, f + TF1_FORGET_BIAS, o])))


def assign_tf1_weights(model, values):
    """Assign legacy variables ``{TF1 name: array}`` (rnnlm/...) to the Keras model, converting the LSTMs."""
    model.embedding.embeddings.assign(values["rnnlm/embedding"])
    model.dense.kernel.assign(values["rnnlm/softmax_w"])
    model.dense.bias.assign(values["rnnlm/softmax_b"])
    for index, lstm in enumerate(model.lstms):
        scope = f"rnnlm/multi_rnn_cell/cell_{index}/basic_lstm_cell"
        kernel, recurrent, bias = keras_lstm_weights(values[f"{scope}/kernel"], values[f"{scope}/bias"],
                                                     model.rnn_size)
        lstm.cell.kernel.assign(kernel)
        lstm.cell.recurrent_kernel.assign(recurrent)
        lstm.cell.bias.assign(bias)


def load_tf1_checkpoint(model, path):
    """Load a legacy Saver checkpoint (prefix or folder) into ``model``; returns the prefix."""
    prefix = tf.train.latest_checkpoint(path) if os.path.isdir(path) else path
    reader = tf.train.load_checkpoint(prefix)
    names = [name for name in reader.get_variable_to_shape_map() if name.startswith("rnnlm/")]
    assign_tf1_weights(model, {name: reader.get_tensor(name) for name in names if "/Adam" not in name})
    return prefix


# Train
def make_train_step(model, optimizer, grad_clip):
    @tf.function
    def train_step(x, y, states):
        with tf.GradientTape() as tape:
            logits, new_states = model(x, states)
            loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits))
        grads, _ = tf.clip_by_global_norm(tape.gradient(loss, model.trainable_variables), grad_clip)
        # The embedding's gradient is sparse with a row per occurrence; TF1's Adam summed repeated rows
        # before squaring them (Keras squares each), so hand Keras the dense sum.
        grads = [tf.convert_to_tensor(g) if isinstance(g, tf.IndexedSlices) else g for g in grads]
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss, new_states
    return train_step


def train(model, optimizer, dataset, num_batches, num_epochs, learning_rate, decay_rate, grad_clip, print_every,
          start_epoch=0):
    """Adam over the dataset each epoch, the LSTM state carried across batches; returns each step's loss."""
    train_step = make_train_step(model, optimizer, grad_clip)
    losses, total = [], num_epochs * num_batches
    for epoch in range(start_epoch, start_epoch + num_epochs):
        optimizer.learning_rate.assign(learning_rate * (decay_rate ** epoch))
        states = None
        for x, y in dataset:
            batch_size = int(x.shape[0])
            loss, states = train_step(x, y, states or model.zero_state(batch_size))
            losses.append(float(loss))
            if len(losses) % print_every == 0 or len(losses) == total:
                print("{}/{} (epoch {}), train_loss = {:.3f}".format(len(losses), total, epoch, float(loss)))
    return losses


def make_optimizer(learning_rate):
    return tf.keras.optimizers.Adam(learning_rate, epsilon=ADAM_EPSILON)


def save(manager, save_dir, chars, epochs_done):
    os.makedirs(save_dir, exist_ok=True)
    with open(os.path.join(save_dir, "vocab.json"), "w") as handle:
        json.dump({"chars": "".join(chars), "epochs": epochs_done}, handle)
    path = manager.save(checkpoint_number=epochs_done)
    print("model saved to {}".format(path))
    return path


# Evaluate
def sample(model, chars, vocab, prime, length):
    """``prime`` then ``length`` greedily generated characters (each step's argmax is the next input)."""
    step = tf.function(lambda ids, states: model(ids, states))
    states = model.zero_state(1)
    for char in prime[:-1]:
        _, states = step(tf.constant([[vocab[char]]]), states)
    symbol, generated = vocab[prime[-1]], []
    for _ in range(length):
        logits, states = step(tf.constant([[symbol]]), states)
        symbol = int(tf.argmax(logits[0, -1]))
        generated.append(chars[symbol])
    return prime + "".join(generated)


def main(argv=None):
    args = parse_args(argv)
    started = time.time()
    resume_dir = args.init_from or args.from_tf1
    resume = json.load(open(os.path.join(resume_dir, "vocab.json"))) if resume_dir else None
    chars, vocab, ids = load_text(args.data_file, resume and list(resume["chars"]))
    dataset, num_batches = make_dataset(ids, args.batch_size, args.seq_length)
    print("vocab size: {}, batches per epoch: {}".format(len(chars), num_batches))
    tf.random.set_seed(args.seed)
    model = build_model(len(chars), args.rnn_size, args.num_layers)
    optimizer = make_optimizer(args.learning_rate)
    if args.from_tf1:
        print("loaded TF1 checkpoint {}".format(load_tf1_checkpoint(model, args.from_tf1)))
        losses = [float("nan")]
    else:
        checkpoint = tf.train.Checkpoint(model=model, optimizer=optimizer)
        manager = tf.train.CheckpointManager(checkpoint, args.save_dir, max_to_keep=3, checkpoint_name="model.ckpt")
        start_epoch = 0
        if resume:
            checkpoint.restore(tf.train.latest_checkpoint(args.init_from))
            start_epoch = resume["epochs"]
            print("resumed from {} after epoch {}".format(args.init_from, start_epoch))
        losses = train(model, optimizer, dataset, num_batches, args.num_epochs, args.learning_rate,
                       args.decay_rate, args.grad_clip, args.print_every, start_epoch)
        save(manager, args.save_dir, chars, start_epoch + args.num_epochs)
    text = sample(model, chars, vocab, args.prime, args.sample_length)
    print("first loss {:.3f}, last loss {:.3f}, time {:.1f}s".format(losses[0], losses[-1], time.time() - started))
    print("sample:\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
