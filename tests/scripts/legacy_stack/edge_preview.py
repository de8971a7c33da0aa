"""A 2017-style image preprocessing script: edges of a TF1-generated image with scipy.misc.imfilter, shown by
scipy.misc.imshow (which, under the runner on a machine with no display, is saved beside the figures)."""
import json

import numpy as np
import scipy.misc
import tensorflow as tf

ramp = tf.reshape(tf.cast(tf.range(36) % 6, tf.float32), [6, 6])
with tf.Session() as sess:
    image = sess.run(ramp * tf.transpose(ramp))
edges = scipy.misc.imfilter(image, "find_edges")
scipy.misc.imshow(edges)
print("RESULT " + json.dumps({"edges": edges.tolist(), "dtype": str(edges.dtype)}))
