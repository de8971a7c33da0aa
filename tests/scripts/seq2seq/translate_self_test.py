"""A program shaped like TF1's translate tutorial `--self_test` (run with `python -m tf1compat`, unchanged TF1 code).

A bucketed embedding_attention_seq2seq model with a sampled-softmax loss through output_projection,
gradient clipping per bucket, a Saver checkpoint, then greedy decoding from the restored model.
Prints one RESULT line with the losses and decodings.
"""
import copy
import json
import os
import random

import numpy as np
import tensorflow as tf

PAD_ID, GO_ID, EOS_ID = 0, 1, 2

tf.app.flags.DEFINE_boolean("self_test", False, "Run a self-test on fake data.")
tf.app.flags.DEFINE_string("train_dir", "/tmp/translate_self_test", "Checkpoint directory.")
tf.app.flags.DEFINE_integer("steps", 60, "Training steps of the self test.")
tf.app.flags.DEFINE_boolean("share_cell", False, "Pass the one cell to every bucket, as the TF 1.0 tutorial did "
                            "(the second bucket then deep-copies a built cell).")
FLAGS = tf.app.flags.FLAGS


class Seq2SeqModel(object):
    """Encoder-decoder with attention, one graph per bucket, sampled softmax when the vocabulary is large."""

    def __init__(self, source_vocab_size, target_vocab_size, buckets, size, num_layers, max_gradient_norm,
                 batch_size, learning_rate, learning_rate_decay_factor, num_samples=512, forward_only=False):
        self.source_vocab_size, self.target_vocab_size = source_vocab_size, target_vocab_size
        self.buckets, self.batch_size = buckets, batch_size
        self.learning_rate = tf.Variable(float(learning_rate), trainable=False)
        self.learning_rate_decay_op = self.learning_rate.assign(self.learning_rate * learning_rate_decay_factor)
        self.global_step = tf.Variable(0, trainable=False)

        output_projection, softmax_loss_function = self.sampled_softmax(size, target_vocab_size, num_samples)

        def single_cell():
            return tf.contrib.rnn.GRUCell(size)
        cell = single_cell()
        if num_layers > 1:
            cell = tf.contrib.rnn.MultiRNNCell([single_cell() for _ in range(num_layers)])

        def seq2seq_f(encoder_inputs, decoder_inputs, do_decode):
            tmp_cell = cell if FLAGS.share_cell else copy.deepcopy(cell)
            return tf.contrib.legacy_seq2seq.embedding_attention_seq2seq(
                encoder_inputs, decoder_inputs, tmp_cell, num_encoder_symbols=source_vocab_size,
                num_decoder_symbols=target_vocab_size, embedding_size=size,
                output_projection=output_projection, feed_previous=do_decode, dtype=tf.float32)

        self.make_placeholders(buckets)
        targets = [self.decoder_inputs[i + 1] for i in range(len(self.decoder_inputs) - 1)]

        self.outputs, self.losses = tf.contrib.legacy_seq2seq.model_with_buckets(
            self.encoder_inputs, self.decoder_inputs, targets, self.target_weights, buckets,
            lambda x, y: seq2seq_f(x, y, forward_only), softmax_loss_function=softmax_loss_function)
        if forward_only and output_projection is not None:
            for b in range(len(buckets)):
                self.outputs[b] = [tf.matmul(output, output_projection[0]) + output_projection[1]
                                   for output in self.outputs[b]]

        if not forward_only:
            self.make_updates(buckets, max_gradient_norm)
        self.saver = tf.train.Saver(tf.global_variables())

    def sampled_softmax(self, size, target_vocab_size, num_samples):
        """(output_projection, loss function) of a sampled softmax, or (None, None) for a full one."""
        if not 0 < num_samples < target_vocab_size:
            return None, None
        w_t = tf.get_variable("proj_w", [target_vocab_size, size])
        w = tf.transpose(w_t)
        b = tf.get_variable("proj_b", [target_vocab_size])

        def sampled_loss(labels, logits):
            labels = tf.reshape(labels, [-1, 1])
            return tf.nn.sampled_softmax_loss(weights=w_t, biases=b, labels=labels, inputs=logits,
                                              num_sampled=num_samples, num_classes=target_vocab_size)
        return (w, b), sampled_loss

    def make_placeholders(self, buckets):
        self.encoder_inputs, self.decoder_inputs, self.target_weights = [], [], []
        for i in range(buckets[-1][0]):
            self.encoder_inputs.append(tf.placeholder(tf.int32, shape=[None], name="encoder{0}".format(i)))
        for i in range(buckets[-1][1] + 1):
            self.decoder_inputs.append(tf.placeholder(tf.int32, shape=[None], name="decoder{0}".format(i)))
            self.target_weights.append(tf.placeholder(tf.float32, shape=[None], name="weight{0}".format(i)))

    def make_updates(self, buckets, max_gradient_norm):
        params = tf.trainable_variables()
        self.gradient_norms, self.updates = [], []
        opt = tf.train.GradientDescentOptimizer(self.learning_rate)
        for b in range(len(buckets)):
            gradients = tf.gradients(self.losses[b], params)
            clipped_gradients, norm = tf.clip_by_global_norm(gradients, max_gradient_norm)
            self.gradient_norms.append(norm)
            self.updates.append(opt.apply_gradients(zip(clipped_gradients, params), global_step=self.global_step))

    def step(self, session, encoder_inputs, decoder_inputs, target_weights, bucket_id, forward_only):
        encoder_size, decoder_size = self.buckets[bucket_id]
        input_feed = {}
        for l in range(encoder_size):
            input_feed[self.encoder_inputs[l].name] = encoder_inputs[l]
        for l in range(decoder_size):
            input_feed[self.decoder_inputs[l].name] = decoder_inputs[l]
            input_feed[self.target_weights[l].name] = target_weights[l]
        last_target = self.decoder_inputs[decoder_size].name
        input_feed[last_target] = np.zeros([self.batch_size], dtype=np.int32)
        if not forward_only:
            output_feed = [self.updates[bucket_id], self.gradient_norms[bucket_id], self.losses[bucket_id]]
        else:
            output_feed = [self.losses[bucket_id]] + [self.outputs[bucket_id][l] for l in range(decoder_size)]
        outputs = session.run(output_feed, input_feed)
        if not forward_only:
            return outputs[1], outputs[2], None
        return None, outputs[0], outputs[1:]

    def get_batch(self, data, bucket_id):
        encoder_size, decoder_size = self.buckets[bucket_id]
        encoder_inputs, decoder_inputs = [], []
        for _ in range(self.batch_size):
            encoder_input, decoder_input = random.choice(data[bucket_id])
            encoder_pad = [PAD_ID] * (encoder_size - len(encoder_input))
            encoder_inputs.append(list(reversed(encoder_input + encoder_pad)))
            decoder_pad_size = decoder_size - len(decoder_input) - 1
            decoder_inputs.append([GO_ID] + decoder_input + [PAD_ID] * decoder_pad_size)
        batch_encoder_inputs, batch_decoder_inputs, batch_weights = [], [], []
        for length_idx in range(encoder_size):
            batch_encoder_inputs.append(np.array([encoder_inputs[batch_idx][length_idx]
                                                  for batch_idx in range(self.batch_size)], dtype=np.int32))
        for length_idx in range(decoder_size):
            batch_decoder_inputs.append(np.array([decoder_inputs[batch_idx][length_idx]
                                                  for batch_idx in range(self.batch_size)], dtype=np.int32))
            batch_weight = np.ones(self.batch_size, dtype=np.float32)
            for batch_idx in range(self.batch_size):
                if length_idx < decoder_size - 1:
                    target = decoder_inputs[batch_idx][length_idx + 1]
                if length_idx == decoder_size - 1 or target == PAD_ID:
                    batch_weight[batch_idx] = 0.0
            batch_weights.append(batch_weight)
        return batch_encoder_inputs, batch_decoder_inputs, batch_weights


def build(forward_only):
    # Vocabularies of 10, 2 small buckets, 2 layers of 32, sampled softmax over 8 classes.
    return Seq2SeqModel(10, 10, [(3, 3), (6, 6)], 32, 2, 5.0, 32, 0.5, 0.99, num_samples=8,
                        forward_only=forward_only)


def self_test():
    """Train the fake model, save it, restore it for greedy decoding."""
    random.seed(0)
    np.random.seed(0)
    tf.set_random_seed(0)
    data_set = ([([1, 1], [2, 2]), ([3, 3], [4]), ([5], [6])],
                [([1, 1, 1, 1, 1], [2, 2, 2, 2, 2]), ([3, 3, 3], [5, 6])])
    losses = {0: [], 1: []}
    with tf.Session() as sess:
        print("Self-test for neural translation model.")
        model = build(forward_only=False)
        sess.run(tf.global_variables_initializer())
        for step in range(FLAGS.steps):
            bucket_id = step % 2
            encoder_inputs, decoder_inputs, target_weights = model.get_batch(data_set, bucket_id)
            _, loss, _ = model.step(sess, encoder_inputs, decoder_inputs, target_weights, bucket_id, False)
            losses[bucket_id].append(float(loss))
        path = model.saver.save(sess, os.path.join(FLAGS.train_dir, "translate.ckpt"), global_step=model.global_step)
        names = sorted(v.op.name for v in tf.global_variables())
        print("  trained %d steps, saved %s" % (FLAGS.steps, path))
    tf.reset_default_graph()
    with tf.Session() as sess:
        model = build(forward_only=True)
        model.saver.restore(sess, tf.train.latest_checkpoint(FLAGS.train_dir))
        model.batch_size = 1
        decodings = []
        for encoder_input, _ in data_set[1]:
            batch = model.get_batch({1: [(encoder_input, [])]}, 1)
            _, _, logits = model.step(sess, batch[0], batch[1], batch[2], 1, True)
            decodings.append([int(np.argmax(logit, axis=1)[0]) for logit in logits])
        restored_step = int(sess.run(model.global_step))
    return {"losses": losses, "variables": names, "decodings": decodings, "restored_step": restored_step,
            "checkpoint": os.path.basename(path)}


def main(_):
    if FLAGS.self_test:
        print("RESULT " + json.dumps(self_test()))


if __name__ == "__main__":
    tf.app.run()
