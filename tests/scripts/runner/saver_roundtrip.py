"""TF1: Saver save in one graph, restore in a fresh graph."""
import json
import os
import sys

import tensorflow as tf

prefix = os.path.join(sys.argv[1], "model.ckpt")
with tf.Graph().as_default():
    v = tf.get_variable("layer/weights", initializer=tf.constant([[1.5, -2.0], [0.25, 4.0]]))
    step = tf.train.get_or_create_global_step()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(tf.assign(step, 7))
        saved = tf.train.Saver().save(sess, prefix)
with tf.Graph().as_default():
    v = tf.get_variable("layer/weights", shape=[2, 2])
    step = tf.train.get_or_create_global_step()
    with tf.Session() as sess:
        tf.train.Saver().restore(sess, saved)
        restored, restored_step = sess.run([v, step])
print("RESULT " + json.dumps({"weights": restored.tolist(), "step": int(restored_step),
                              "latest": os.path.basename(tf.train.latest_checkpoint(sys.argv[1]))}))
