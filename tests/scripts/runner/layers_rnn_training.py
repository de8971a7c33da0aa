"""TF1: tf.layers.dense and an rnn_cell LSTM trained with a tf.train optimizer."""
import json

import numpy as np
import tensorflow as tf

tf.set_random_seed(1)
rng = np.random.RandomState(0)
seq = rng.randn(64, 5, 3).astype(np.float32)
target = seq.sum(axis=(1, 2)).reshape(-1, 1).astype(np.float32)

x = tf.placeholder(tf.float32, [None, 5, 3])
y = tf.placeholder(tf.float32, [None, 1])
cell = tf.nn.rnn_cell.BasicLSTMCell(16)
outputs, state = tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)
hidden = tf.layers.dense(outputs[:, -1], 8, activation=tf.nn.relu, name="hidden")
prediction = tf.layers.dense(hidden, 1, name="out")
loss = tf.reduce_mean(tf.square(prediction - y))
train = tf.train.AdamOptimizer(0.01).minimize(loss)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    losses = [float(sess.run([loss, train], {x: seq, y: target})[0]) for _ in range(150)]
names = sorted(v.name for v in tf.trainable_variables())
print("RESULT " + json.dumps({"first": losses[0], "last": losses[-1], "variables": names,
                              "state_c": state.c.get_shape().as_list()}))
