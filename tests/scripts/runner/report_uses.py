"""Uses a handful of TF1 idioms so --report has something to count."""
import tensorflow as tf

for _ in range(3):
    x = tf.placeholder(tf.float32, [None])
y = tf.reduce_sum(x)
with tf.Session() as sess:
    sess.run(y, {x: [1.0, 2.0]})
try:
    tf.contrib.learn.Experiment
except AttributeError:
    pass
from tensorflow.contrib.seq2seq import sequence_loss  # provided: a shim, not an unsupported name
try:
    tf.contrib.layers.no_such_layer
except AttributeError:
    pass
