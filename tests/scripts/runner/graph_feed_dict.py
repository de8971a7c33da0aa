"""TF1: graph mode, placeholders and feed_dict, variables, Dimension shapes."""
import json

import numpy as np
import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 3], name="x")
w = tf.Variable([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], name="w")
y = tf.matmul(x, w) + tf.constant([0.5, -0.5])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    value = sess.run(y, feed_dict={x: np.array([[1.0, 0.0, 2.0]], np.float32)})
print("RESULT " + json.dumps({
    "eager": tf.executing_eagerly(),
    "value": value.tolist(),
    "dim": x.get_shape()[1].value,
    "var_name": w.name,
    "graph_ops": len(tf.get_default_graph().get_operations()) > 0,
}))
