"""A TF1 Estimator trained by a cluster described only by TF_CONFIG (chief, ps, worker): train_and_evaluate."""
import json
import sys

import numpy as np
import tensorflow as tf

MODEL_DIR = sys.argv[1]
MAX_STEPS = 60


def input_fn():
    x = np.linspace(-1.0, 1.0, 64, dtype=np.float32)[:, None]
    dataset = tf.data.Dataset.from_tensor_slices(({"x": x}, 3.0 * x + 0.5)).repeat().batch(16)
    return dataset


def model_fn(features, labels, mode):
    prediction = tf.layers.dense(features["x"], 1, name="linear")
    loss = tf.losses.mean_squared_error(labels, prediction)
    train_op = tf.train.GradientDescentOptimizer(0.2).minimize(loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


config = tf.estimator.RunConfig(model_dir=MODEL_DIR, save_checkpoints_steps=20)  # reads TF_CONFIG
estimator = tf.estimator.Estimator(model_fn, config=config)
tf.estimator.train_and_evaluate(estimator, tf.estimator.TrainSpec(input_fn, max_steps=MAX_STEPS),
                                tf.estimator.EvalSpec(input_fn, steps=2, throttle_secs=0))
if config.is_chief:
    print("RESULT " + json.dumps({"task": config.task_type, "global_step": int(estimator.get_variable_value("global_step")),
                                  "kernel": estimator.get_variable_value("linear/kernel").ravel().tolist()}))
