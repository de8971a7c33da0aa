"""A DCGAN in the style of 2016-17 TF1 tutorials: MNIST batches reshaped with np.reshape(..., newshape=...)."""
import json
import sys

import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

BATCH, Z_DIM, STEPS = 32, 16, int(sys.argv[1]) if len(sys.argv) > 1 else 20


def lrelu(x, leak=0.2):
    return tf.maximum(x, leak * x)


def generator(z):
    with tf.variable_scope("generator"):
        h = tf.nn.relu(tf.layers.dense(z, 7 * 7 * 16, name="g_h0"))
        h = tf.reshape(h, [-1, 7, 7, 16])
        h = tf.nn.relu(tf.layers.conv2d_transpose(h, 8, 5, strides=2, padding="same", name="g_h1"))
        return tf.nn.tanh(tf.layers.conv2d_transpose(h, 1, 5, strides=2, padding="same", name="g_h2"))


def discriminator(images, reuse=False):
    with tf.variable_scope("discriminator", reuse=reuse):
        h = lrelu(tf.layers.conv2d(images, 8, 5, strides=2, padding="same", name="d_h0"))
        h = lrelu(tf.layers.conv2d(h, 16, 5, strides=2, padding="same", name="d_h1"))
        logits = tf.layers.dense(tf.reshape(h, [-1, 7 * 7 * 16]), 1, name="d_h2")
        return tf.nn.sigmoid(logits), logits


mnist = input_data.read_data_sets("MNIST_data", one_hot=True)
tf.set_random_seed(0)
np.random.seed(0)
real = tf.placeholder(tf.float32, [None, 28, 28, 1], name="real_images")
z = tf.placeholder(tf.float32, [None, Z_DIM], name="z")
fake = generator(z)
_, real_logits = discriminator(real)
_, fake_logits = discriminator(fake, reuse=True)


def cross_entropy(logits, label):
    return tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=logits, labels=tf.ones_like(logits) * label))


d_loss = cross_entropy(real_logits, 1.0) + cross_entropy(fake_logits, 0.0)
g_loss = cross_entropy(fake_logits, 1.0)
t_vars = tf.trainable_variables()
d_vars = [v for v in t_vars if "d_" in v.name]
g_vars = [v for v in t_vars if "g_" in v.name]
d_optim = tf.train.AdamOptimizer(0.0002, beta1=0.5).minimize(d_loss, var_list=d_vars)
g_optim = tf.train.AdamOptimizer(0.0002, beta1=0.5).minimize(g_loss, var_list=g_vars)

history = []
with tf.Session() as sess:
    tf.global_variables_initializer().run()
    for step in range(STEPS):
        batch_images, _ = mnist.train.next_batch(BATCH)
        batch_images = np.reshape(batch_images, newshape=(-1, 28, 28, 1)) * 2.0 - 1.0
        batch_z = np.random.uniform(-1, 1, [BATCH, Z_DIM]).astype(np.float32)
        _, d_value = sess.run([d_optim, d_loss], {real: batch_images, z: batch_z})
        _, g_value = sess.run([g_optim, g_loss], {z: batch_z})
        history.append((float(d_value), float(g_value)))
    samples = sess.run(fake, {z: np.random.uniform(-1, 1, [16, Z_DIM]).astype(np.float32)})

# Tile the 16 samples into a 4x4 grid, as the tutorials' save_images did.
grid = np.reshape(samples, newshape=(4, 4, 28, 28)).transpose(0, 2, 1, 3)
grid = np.reshape(grid, newshape=(4 * 28, 4 * 28))
print("RESULT " + json.dumps({"d_loss": [history[0][0], history[-1][0]], "g_loss": [history[0][1], history[-1][1]],
                              "image_range": [float(batch_images.min()), float(batch_images.max())],
                              "grid_shape": list(grid.shape), "grid_range": [float(grid.min()), float(grid.max())],
                              "variables": sorted(v.name for v in t_vars)}))
