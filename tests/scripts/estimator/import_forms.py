"""Every way a TF1 script reaches tf.estimator and its contrib neighbours; tf.estimator loads only when touched.

Run by tests/test_estimator.py through ``python -m tf1compat``; prints one ``RESULT {json}`` line.
"""
import json
import sys

import numpy as np
import tensorflow as tf

before = {name: name in sys.modules for name in ("tensorflow_estimator", "tf1compat.estimator.api")}
tf.layers.dense(tf.placeholder(tf.float32, [None, 2]), 1)  # ordinary TF1 use loads nothing of it
untouched = {name: name in sys.modules for name in ("tensorflow_estimator", "tf1compat.estimator.api")}

import tensorflow.estimator  # noqa: E402
import tensorflow.compat.v1 as tf_v1  # noqa: E402
from tensorflow.estimator import Estimator, ModeKeys  # noqa: E402
from tensorflow.estimator.export import ServingInputReceiver  # noqa: E402
from tensorflow.contrib.tpu import TPUEstimator  # noqa: E402

missing = {}
for symbol in ("tf.contrib.estimator.RNNClassifier", "tf.contrib.data.LMDBDataset", "tf.contrib.tpu.keras_to_tpu_model"):
    module, _, name = symbol[3:].rpartition(".")
    try:
        getattr(eval("tf." + module), name)
    except AttributeError as error:
        missing[symbol] = [type(error).__name__, str(error)]


def values(dataset):
    with tf.Session() as session:
        item = tf.data.make_one_shot_iterator(dataset).get_next()
        out = []
        try:
            while True:
                out.append(session.run(item).tolist())
        except tf.errors.OutOfRangeError:
            return out


ranges = tf.data.Dataset.range(7)
print("RESULT " + json.dumps({
    "before": before, "untouched": untouched,
    "same_estimator": [tf.estimator.Estimator is Estimator, tf.compat.v1.estimator.Estimator is Estimator,
                       tf_v1.estimator.Estimator is Estimator, tensorflow.estimator.Estimator is Estimator],
    "predict_key": ModeKeys.PREDICT,
    "submodules": [tf.estimator.inputs.numpy_input_fn.__name__, ServingInputReceiver.__name__,
                   tf.estimator.experimental.stop_if_no_decrease_hook.__name__, TPUEstimator.__name__,
                   tf.keras.estimator.model_to_estimator.__name__],
    "contrib_dirs": {name: len(dir(getattr(tf.contrib, name))) for name in ("tpu", "estimator", "data", "predictor")},
    "cluster_resolver": tf.contrib.cluster_resolver.TFConfigClusterResolver is tf.distribute.cluster_resolver.TFConfigClusterResolver,
    "learn_mode_keys": [tf.contrib.learn.ModeKeys.TRAIN, tf.contrib.learn.ModeKeys.EVAL, tf.contrib.learn.ModeKeys.INFER],
    "batch_and_drop_remainder": values(ranges.apply(tf.contrib.data.batch_and_drop_remainder(3))),
    "sliding_window_batch": values(ranges.apply(tf.contrib.data.sliding_window_batch(3, 2))),
    "map_and_batch": values(ranges.apply(tf.contrib.data.map_and_batch(lambda v: v * 10, 4))),
    "replicate_model_fn_is_identity": tf.contrib.estimator.replicate_model_fn(len) is len,
    "missing": missing,
}))
