"""A TF1 Estimator program: custom model_fn on the MNIST reader, trained, resumed, exported, warm-started.

Run by tests/test_estimator.py through ``python -m tf1compat``; prints one ``RESULT {json}`` line.
Usage: custom_model_fn.py WORK_DIR
"""
import json
import os
import sys

import numpy as np
import tensorflow as tf
from tensorflow.estimator import ModeKeys
from tensorflow.examples.tutorials.mnist import input_data

work = sys.argv[1]
mnist = input_data.read_data_sets(os.path.join(work, "MNIST_data"), validation_size=0)
train_x, train_y = mnist.train.images[:2000], mnist.train.labels[:2000].astype(np.int32)
test_x, test_y = mnist.test.images[:500], mnist.test.labels[:500].astype(np.int32)


class CountingHook(tf.train.SessionRunHook):
    def __init__(self):
        self.runs = 0

    def after_run(self, run_context, run_values):
        self.runs += 1


def model_fn(features, labels, mode, params):
    hidden = tf.layers.dense(features["x"], params["hidden"], activation=tf.nn.relu, name="hidden")
    logits = tf.layers.dense(hidden, 10, name="logits")
    classes = tf.argmax(logits, axis=1)
    if mode == ModeKeys.PREDICT:
        predictions = {"classes": classes, "probabilities": tf.nn.softmax(logits)}
        return tf.estimator.EstimatorSpec(mode, predictions=predictions, export_outputs={
            "serving_default": tf.estimator.export.PredictOutput(predictions)})
    loss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
    accuracy = tf.metrics.accuracy(labels=labels, predictions=classes)
    if mode == ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(mode, loss=loss, predictions={"classes": classes},
                                          eval_metric_ops={"accuracy": accuracy})
    train_op = tf.train.AdamOptimizer(params["learning_rate"]).minimize(loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


params = {"hidden": 64, "learning_rate": 1e-3}
config = tf.estimator.RunConfig(tf_random_seed=0, save_checkpoints_steps=100, keep_checkpoint_max=2,
                                session_config=tf.ConfigProto(intra_op_parallelism_threads=2))
model_dir = os.path.join(work, "model")
train_fn = tf.estimator.inputs.numpy_input_fn({"x": train_x}, train_y, batch_size=50, num_epochs=None, shuffle=True)
eval_fn = tf.estimator.inputs.numpy_input_fn({"x": test_x}, test_y, batch_size=100, shuffle=False)
hook = CountingHook()
estimator = tf.estimator.Estimator(model_fn, model_dir=model_dir, config=config, params=params)
estimator.train(train_fn, steps=300, hooks=[hook])
first = estimator.evaluate(eval_fn)
# A new Estimator on the same model_dir resumes: global_step continues from 300.
resumed = tf.compat.v1.estimator.Estimator(model_fn, model_dir=model_dir, config=config, params=params)
resumed.train(train_fn, steps=100)
second = resumed.evaluate(eval_fn)
checkpoints = sorted(name for name in os.listdir(model_dir) if name.endswith(".index"))

predictions = list(resumed.predict(tf.estimator.inputs.numpy_input_fn({"x": test_x[:20]}, shuffle=False)))
probabilities = np.array([p["probabilities"] for p in predictions])


def serving_input_receiver_fn():
    images = tf.placeholder(tf.float32, [None, 784], name="images")
    return tf.estimator.export.ServingInputReceiver({"x": images}, {"images": images})


export_dir = resumed.export_saved_model(os.path.join(work, "export"), serving_input_receiver_fn)
predictor = tf.contrib.predictor.from_saved_model(export_dir)
exported = predictor({"images": test_x[:20]})

# Warm start copies the trained hidden layer into a fresh model_dir.
frozen = dict(params, learning_rate=0.0)  # one step that changes nothing: the values are the warm-started ones
warm = tf.estimator.Estimator(model_fn, model_dir=os.path.join(work, "warm"), config=config, params=frozen,
                              warm_start_from=tf.estimator.WarmStartSettings(model_dir, vars_to_warm_start="hidden.*"))
warm.train(train_fn, steps=1)
with_metrics = tf.contrib.estimator.add_metrics(resumed, lambda labels, predictions: {
    "mean_class": tf.metrics.mean(predictions["classes"])})
forwarded = tf.contrib.estimator.forward_features(resumed, "id")
ids_fn = tf.estimator.inputs.numpy_input_fn({"x": test_x[:3], "id": np.array([7, 8, 9])}, shuffle=False)

print("RESULT " + json.dumps({
    "first_accuracy": float(first["accuracy"]), "first_step": int(first["global_step"]),
    "second_accuracy": float(second["accuracy"]), "second_step": int(second["global_step"]),
    "hook_runs": hook.runs, "checkpoints": checkpoints,
    "variable_names": [n for n in resumed.get_variable_names() if not n.startswith("beta") and "Adam" not in n],
    "hidden_kernel_shape": list(resumed.get_variable_value("hidden/kernel").shape),
    "probability_sums": float(np.abs(probabilities.sum(axis=1) - 1).max()),
    "predicted_accuracy": float(np.mean([p["classes"] for p in predictions] == test_y[:20])),
    "export_max_diff": float(np.abs(exported["probabilities"] - probabilities).max()),
    "export_outputs": sorted(exported),
    "warm_hidden_equal": bool(np.array_equal(warm.get_variable_value("hidden/kernel"),
                                             resumed.get_variable_value("hidden/kernel"))),
    "warm_logits_equal": bool(np.array_equal(warm.get_variable_value("logits/kernel"),
                                             resumed.get_variable_value("logits/kernel"))),
    "added_metric": sorted(with_metrics.evaluate(eval_fn)),
    "forwarded_ids": [int(p["id"]) for p in forwarded.predict(ids_fn)],
    "contrib_learn_infer": tf.contrib.learn.ModeKeys.INFER == ModeKeys.PREDICT,
}))
