#! /usr/bin/env python
"""Train the text CNN (TF <= 1.4 era: flags parsed with FLAGS._parse_flags(), ragged (x, y) batches)."""
import json
import os

import numpy as np
import tensorflow as tf

import data_helpers
from text_cnn import TextCNN

# Parameters
# ==================================================
tf.flags.DEFINE_float("dev_sample_percentage", .2, "Percentage of the training data to use for validation")
tf.flags.DEFINE_string("positive_data_file", "./data/pos.txt", "Data source for the positive data.")
tf.flags.DEFINE_string("negative_data_file", "./data/neg.txt", "Data source for the negative data.")
tf.flags.DEFINE_integer("embedding_dim", 16, "Dimensionality of character embedding")
tf.flags.DEFINE_string("filter_sizes", "2,3", "Comma-separated filter sizes")
tf.flags.DEFINE_integer("num_filters", 16, "Number of filters per filter size")
tf.flags.DEFINE_float("dropout_keep_prob", 0.8, "Dropout keep probability")
tf.flags.DEFINE_float("l2_reg_lambda", 0.0, "L2 regularization lambda")
tf.flags.DEFINE_integer("batch_size", 16, "Batch Size")
tf.flags.DEFINE_integer("num_epochs", 2, "Number of training epochs")
tf.flags.DEFINE_string("out_dir", "runs", "Where checkpoints and the vocabulary go")
tf.flags.DEFINE_boolean("allow_soft_placement", True, "Allow device soft device placement")
tf.flags.DEFINE_boolean("log_device_placement", False, "Log placement of ops on devices")

FLAGS = tf.flags.FLAGS
FLAGS._parse_flags()
print("\nParameters:")
for attr, value in sorted(FLAGS.__flags.items()):
    print("{}={}".format(attr.upper(), value))
print("")

# Data Preparation
# ==================================================
x_text, y = data_helpers.load_data_and_labels(FLAGS.positive_data_file, FLAGS.negative_data_file)
max_document_length = max([len(x.split(" ")) for x in x_text])
vocabulary = data_helpers.build_vocabulary(x_text, max_document_length)
x = data_helpers.to_ids(x_text, vocabulary, max_document_length)

np.random.seed(10)
shuffle_indices = np.random.permutation(np.arange(len(y)))
x_shuffled, y_shuffled = x[shuffle_indices], y[shuffle_indices]
dev_sample_index = -1 * int(FLAGS.dev_sample_percentage * float(len(y)))
x_train, x_dev = x_shuffled[:dev_sample_index], x_shuffled[dev_sample_index:]
y_train, y_dev = y_shuffled[:dev_sample_index], y_shuffled[dev_sample_index:]
print("Vocabulary Size: {:d}".format(len(vocabulary)))
print("Train/Dev split: {:d}/{:d}".format(len(y_train), len(y_dev)))

# Training
# ==================================================
with tf.Graph().as_default():
    tf.set_random_seed(10)
    session_conf = tf.ConfigProto(allow_soft_placement=FLAGS.allow_soft_placement,
                                  log_device_placement=FLAGS.log_device_placement)
    sess = tf.Session(config=session_conf)
    with sess.as_default():
        cnn = TextCNN(sequence_length=x_train.shape[1], num_classes=y_train.shape[1], vocab_size=len(vocabulary),
                      embedding_size=FLAGS.embedding_dim,
                      filter_sizes=list(map(int, FLAGS.filter_sizes.split(","))),
                      num_filters=FLAGS.num_filters, l2_reg_lambda=FLAGS.l2_reg_lambda)
        global_step = tf.Variable(0, name="global_step", trainable=False)
        optimizer = tf.train.AdamOptimizer(1e-2)
        train_op = optimizer.apply_gradients(optimizer.compute_gradients(cnn.loss), global_step=global_step)

        out_dir = os.path.abspath(FLAGS.out_dir)
        checkpoint_prefix = os.path.join(out_dir, "checkpoints", "model")
        os.makedirs(os.path.dirname(checkpoint_prefix), exist_ok=True)
        with open(os.path.join(out_dir, "vocab.json"), "w") as handle:
            json.dump({"vocabulary": vocabulary, "max_document_length": max_document_length}, handle)
        saver = tf.train.Saver(tf.global_variables(), max_to_keep=1)
        sess.run(tf.global_variables_initializer())

        batches = data_helpers.batch_iter(list(zip(x_train, y_train)), FLAGS.batch_size, FLAGS.num_epochs)
        losses, batch_sizes, batch_dtype = [], [], None
        for batch in batches:
            batch_dtype = batch.dtype.name
            x_batch, y_batch = zip(*batch)
            feed_dict = {cnn.input_x: x_batch, cnn.input_y: y_batch, cnn.dropout_keep_prob: FLAGS.dropout_keep_prob}
            _, step, loss = sess.run([train_op, global_step, cnn.loss], feed_dict)
            losses.append(float(loss))
            batch_sizes.append(len(x_batch))
        dev_accuracy = sess.run(cnn.accuracy, {cnn.input_x: x_dev, cnn.input_y: y_dev, cnn.dropout_keep_prob: 1.0})
        path = saver.save(sess, checkpoint_prefix, global_step=step)
        print("Saved model checkpoint to {}\n".format(path))

print("RESULT " + json.dumps({"steps": int(step), "batch_sizes": batch_sizes, "batch_dtype": batch_dtype,
                              "first_loss": losses[0], "last_loss": losses[-1], "dev_accuracy": float(dev_accuracy),
                              "train_dev": [len(y_train), len(y_dev)], "flags": sorted(FLAGS.__flags)}))
