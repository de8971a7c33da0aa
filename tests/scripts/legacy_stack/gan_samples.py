"""A DCGAN-style TF1 script's sample writer: a generator graph, a Session, and scipy.misc.imsave of the grid.

As DCGAN-tensorflow's utils.save_images: inverse_transform to [0, 1], merge the batch into a grid,
scipy.misc.imsave (which byte-scaled the floats from their min and max to 0-255).
"""
import json
import os
import sys

import numpy as np
import scipy.misc
import tensorflow as tf


def inverse_transform(images):
    return (images + 1.) / 2.


def merge(images, size):
    h, w = images.shape[1], images.shape[2]
    img = np.zeros((h * size[0], w * size[1]))
    for idx, image in enumerate(images):
        i = idx % size[1]
        j = idx // size[1]
        img[j * h:j * h + h, i * w:i * w + w] = image
    return img


def save_images(images, size, image_path):
    return scipy.misc.imsave(image_path, merge(inverse_transform(images), size))


z = tf.placeholder(tf.float32, [4, 3], name="z")
weights = tf.Variable(tf.constant([[0.5, -1.0, 0.25, 2.0] * 4, [1.0, 0.5, -0.5, 0.0] * 4,
                                   [-0.25, 0.75, 1.5, -1.0] * 4]), name="g_w")
samples = tf.reshape(tf.tanh(tf.matmul(z, weights)), [4, 4, 4])

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    batch = sess.run(samples, feed_dict={z: np.linspace(-1, 1, 12).reshape(4, 3)})

out_dir = sys.argv[1]
path = os.path.join(out_dir, "train_00_0000.png")
save_images(batch, [2, 2], path)
print("RESULT " + json.dumps({"path": path, "grid": merge(inverse_transform(batch), [2, 2]).tolist()}))
