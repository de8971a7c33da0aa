"""A TF1 Estimator that trains a small dense model in WORK_DIR/model; used for resume, Ctrl-C and foreign checkpoints.

Usage: resumable.py WORK_DIR HIDDEN STEPS   (prints RESULT with the global step before and after training)
"""
import json
import os
import sys

import numpy as np
import tensorflow as tf

work, hidden, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
x = np.random.RandomState(0).normal(size=(256, 5)).astype(np.float32)
y = (x.sum(axis=1) > 0).astype(np.int32)


def model_fn(features, labels, mode):
    logits = tf.layers.dense(tf.layers.dense(features["x"], hidden, tf.nn.relu, name="hidden"), 2, name="logits")
    loss = tf.losses.sparse_softmax_cross_entropy(labels, logits)
    train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


model_dir = os.path.join(work, "model")
latest = tf.train.latest_checkpoint(model_dir)
start = int(tf.train.load_variable(latest, "global_step")) if latest else 0
estimator = tf.estimator.Estimator(model_fn, model_dir, tf.estimator.RunConfig(save_checkpoints_steps=20))
estimator.train(tf.estimator.inputs.numpy_input_fn({"x": x}, y, batch_size=32, num_epochs=None, shuffle=True),
                steps=steps)
print("RESULT " + json.dumps({"start": start, "end": int(estimator.get_variable_value("global_step"))}))
