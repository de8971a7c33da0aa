"""The 2016 MNIST softmax tutorial as TensorFlow 0.12 code wrote it (run with `python -m tf1compat`, unchanged).

TF 0.12 names throughout: tf.mul / tf.sub / tf.neg, tf.pack / tf.unpack, tf.concat(0, ...) and
tf.split(0, 2, x) (axis first), positional softmax_cross_entropy_with_logits(logits, labels),
tf.scalar_summary / histogram_summary / image_summary, tf.merge_all_summaries, tf.train.SummaryWriter,
tf.initialize_all_variables. The same values through TF 1.x's orders are printed beside them.
Prints one RESULT line.
"""
from __future__ import print_function

import argparse
import json
import sys

import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

try:  # the guard 0.12-era code carried for TensorFlow 1.0
    tf.mul
except AttributeError:
    tf.mul, tf.sub, tf.neg = tf.multiply, tf.subtract, tf.negative

FLAGS = None


def model(x):
    W = tf.Variable(tf.zeros([784, 10]))
    b = tf.Variable(tf.zeros([10]))
    return tf.matmul(x, W) + b, W


def main(_):
    mnist = input_data.read_data_sets(FLAGS.data_dir, one_hot=True)
    x = tf.placeholder(tf.float32, [None, 784])
    y_ = tf.placeholder(tf.float32, [None, 10])
    y, W = model(x)
    cross_entropy = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(y, y_))
    penalty = tf.mul(FLAGS.l2, tf.reduce_sum(tf.square(W)))
    loss = tf.sub(cross_entropy, tf.neg(penalty))
    train_step = tf.train.GradientDescentOptimizer(0.5).minimize(loss)
    correct = tf.equal(tf.argmax(y, 1), tf.argmax(y_, 1))
    accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))

    metrics = tf.concat(0, [tf.reshape(cross_entropy, [1]), tf.reshape(accuracy, [1])])
    metrics_1x = tf.concat([tf.reshape(cross_entropy, [1]), tf.reshape(accuracy, [1])], 0)
    halves = tf.split(0, 2, metrics)
    halves_1x = tf.split(metrics_1x, 2, 0)
    packed = tf.pack([accuracy, cross_entropy])
    unpacked = tf.unpack(packed)

    tf.scalar_summary("cross_entropy", cross_entropy)
    tf.scalar_summary("accuracy", accuracy)
    tf.histogram_summary("weights", W)
    tf.image_summary("input", tf.reshape(x, [-1, 28, 28, 1]), max_images=2)
    merged = tf.merge_all_summaries()

    sess = tf.Session()
    writer = tf.train.SummaryWriter(FLAGS.log_dir, sess.graph)
    sess.run(tf.initialize_all_variables())
    for step in range(FLAGS.steps):
        batch_xs, batch_ys = mnist.train.next_batch(100)
        summary, _ = sess.run([merged, train_step], feed_dict={x: batch_xs, y_: batch_ys})
        writer.add_summary(summary, step)
    writer.close()
    feed = {x: mnist.test.images, y_: mnist.test.labels}
    values = sess.run({"accuracy": accuracy, "cross_entropy": cross_entropy, "metrics": metrics,
                       "metrics_1x": metrics_1x, "halves": halves, "halves_1x": halves_1x,
                       "unpacked": unpacked}, feed_dict=feed)
    print("RESULT " + json.dumps({name: np.asarray(value).tolist() for name, value in values.items()}))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_dir", default="/tmp/data")
    parser.add_argument("--log_dir", default="/tmp/mnist_softmax_logs")
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--l2", type=float, default=1e-4)
    FLAGS, unparsed = parser.parse_known_args()
    tf.app.run(main=main, argv=[sys.argv[0]] + unparsed)
