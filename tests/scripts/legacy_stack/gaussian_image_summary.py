"""A 2018 TensorBoard helper: a 3D matplotlib plot of a Gaussian, turned into a TF1 image summary.

As TF1 projects logged plots: matplotlib.use('Agg', warn=False), a seaborn style, mlab.bivariate_normal,
fig.gca(projection='3d'), then np.fromstring(fig.canvas.tostring_rgb(), dtype=np.uint8, sep='') reshaped to
(1, height, width, 3) and fed to tf.summary.image.
"""
import json

import matplotlib
matplotlib.use("Agg", warn=False)
import matplotlib.mlab as mlab  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from mpl_toolkits.mplot3d import Axes3D  # noqa: E402 (2018 code imported it to register '3d')

plt.style.use("seaborn-whitegrid")
x, y = np.meshgrid(np.linspace(-2.0, 2.0, 21), np.linspace(-2.0, 2.0, 21))
z = mlab.bivariate_normal(x, y, 1.0, 1.0, 0.0, 0.0, 0.5)

figure = plt.figure(figsize=(3, 2), dpi=40)
axes = figure.gca(projection="3d")
axes.plot_surface(x, y, z)
figure.canvas.draw()
width, height = figure.canvas.get_width_height()
pixels = np.fromstring(figure.canvas.tostring_rgb(), dtype=np.uint8, sep='').reshape(1, height, width, 3)

image = tf.placeholder(tf.uint8, [1, None, None, 3])
summary = tf.summary.image("gaussian", image)
with tf.Session() as sess:
    logged = tf.Summary.FromString(sess.run(summary, {image: pixels})).value[0].image
    decoded = sess.run(tf.image.decode_png(logged.encoded_image_string))

print("RESULT " + json.dumps({
    "shape": [logged.height, logged.width, logged.colorspace], "corner": pixels[0, 0, 0].tolist(),
    "decoded_equals_plot": bool((decoded == pixels[0]).all()), "axes3d": isinstance(axes, Axes3D),
    "grid": bool(matplotlib.rcParams["axes.grid"]), "peak": float(z.max())}))
