"""Scan fixture: TensorFlow reached through aliases (contrib modules, compat.v1, local names)."""
import tensorflow as tf
import tensorflow.contrib.slim as slim
from tensorflow.contrib import rnn
from tensorflow.examples.tutorials.mnist import input_data

tf1 = tf.compat.v1
layers = tf.contrib.layers
learn = tf.contrib.learn


def build(images, keep_prob):
    net = slim.conv2d(images, 32, [5, 5])
    net = layers.flatten(net)
    cell = rnn.BasicLSTMCell(64)
    net = tf.nn.dropout(net, 0.5)
    net = tf.nn.dropout(net, keep_prob=keep_prob)
    net = tf.Print(net, [net])
    tf1.set_random_seed(1)
    return net, cell


def train():
    mnist = input_data.read_data_sets("/tmp/mnist", one_hot=True)
    classifier = learn.DNNClassifier(hidden_units=[10])
    estimator = tf.estimator.Estimator(model_fn=None)
    lstm = tf.contrib.cudnn_rnn.CudnnLSTM(1, 8)
    return mnist, classifier, estimator, lstm
