"""A TF1 train_and_evaluate program: TrainSpec/EvalSpec, exporters, reload in a plain Session; TPUEstimator on CPU.

Run by tests/test_estimator.py through ``python -m tf1compat``; prints one ``RESULT {json}`` line.
Usage: train_and_evaluate.py WORK_DIR
"""
import json
import os
import sys

import numpy as np
import tensorflow as tf

work = sys.argv[1]
rng = np.random.RandomState(0)
x = rng.normal(size=(1000, 4)).astype(np.float32)
y = (x @ np.array([1.0, -2.0, 0.5, 0.0], np.float32) > 0).astype(np.int64)
FEATURES = {"x": tf.FixedLenFeature([4], tf.float32)}


def input_fn(params=None):
    batch = (params or {}).get("batch_size", 50)
    dataset = tf.data.Dataset.from_tensor_slices(({"x": x}, y))
    dataset = dataset.apply(tf.contrib.data.shuffle_and_repeat(1000, seed=0))
    return dataset.apply(tf.contrib.data.map_and_batch(lambda f, l: (f, l), batch, drop_remainder=True))


def eval_input_fn():
    return tf.data.Dataset.from_tensor_slices(({"x": x}, y)).apply(tf.contrib.data.batch_and_drop_remainder(250))


columns = [tf.feature_column.numeric_column("x", shape=[4])]
config = tf.estimator.RunConfig(model_dir=os.path.join(work, "model"), tf_random_seed=0, save_checkpoints_steps=100)
classifier = tf.estimator.DNNClassifier([8], columns, config=config)
parsing_receiver = tf.estimator.export.build_parsing_serving_input_receiver_fn(FEATURES)
raw_receiver = tf.estimator.export.build_raw_serving_input_receiver_fn({"x": tf.placeholder(tf.float32, [None, 4])})
exporters = [tf.estimator.LatestExporter("latest", parsing_receiver, exports_to_keep=2),
             tf.estimator.BestExporter("best", parsing_receiver),
             tf.estimator.FinalExporter("final", raw_receiver)]
metrics, _ = tf.estimator.train_and_evaluate(
    classifier, tf.estimator.TrainSpec(input_fn, max_steps=300),
    tf.estimator.EvalSpec(eval_input_fn, steps=4, exporters=exporters, throttle_secs=0, start_delay_secs=0))
export_root = os.path.join(classifier.model_dir, "export")
final_dir = os.path.join(export_root, "final", sorted(os.listdir(os.path.join(export_root, "final")))[-1])
old_name_dir = classifier.export_savedmodel(os.path.join(work, "old_export"), raw_receiver)  # the TF 1.x name

# Reload the raw-receiver export in a plain Session and compare with Estimator.predict.
expected = np.array([p["probabilities"] for p in classifier.predict(
    tf.estimator.inputs.numpy_input_fn({"x": x[:50]}, shuffle=False))])
with tf.Graph().as_default(), tf.Session() as session:
    meta_graph = tf.saved_model.loader.load(session, [tf.saved_model.tag_constants.SERVING], final_dir)
    signature = meta_graph.signature_def["predict"]
    reloaded = session.run(signature.outputs["probabilities"].name, {signature.inputs["x"].name: x[:50]})
# The parsing export takes serialized tf.Example protos.
examples = [tf.train.Example(features=tf.train.Features(feature={
    "x": tf.train.Feature(float_list=tf.train.FloatList(value=row))})).SerializeToString() for row in x[:50]]
latest_dir = os.path.join(export_root, "latest", sorted(os.listdir(os.path.join(export_root, "latest")))[-1])
parsed = tf.contrib.predictor.from_saved_model(latest_dir, signature_def_key="predict")({"examples": examples})


def tpu_model_fn(features, labels, mode, params):
    logits = tf.layers.dense(features["x"], 2, name="logits")
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.contrib.tpu.TPUEstimatorSpec(mode, predictions={"class": tf.argmax(logits, 1)})
    loss = tf.losses.sparse_softmax_cross_entropy(labels, logits)
    optimizer = tf.contrib.tpu.CrossShardOptimizer(tf.train.GradientDescentOptimizer(0.5))
    return tf.contrib.tpu.TPUEstimatorSpec(mode, loss=loss, train_op=optimizer.minimize(loss, tf.train.get_global_step()))


resolver = tf.contrib.cluster_resolver.SimpleClusterResolver(tf.train.ClusterSpec({}))
tpu_config = tf.contrib.tpu.RunConfig(model_dir=os.path.join(work, "tpu"), tf_random_seed=0,
                                      tpu_config=tf.contrib.tpu.TPUConfig(iterations_per_loop=20))
tpu_estimator = tf.contrib.tpu.TPUEstimator(model_fn=tpu_model_fn, config=tpu_config, use_tpu=False,
                                            train_batch_size=50, predict_batch_size=50)
tpu_estimator.train(input_fn, max_steps=100)
tpu_classes = [p["class"] for p in tpu_estimator.predict(
    lambda params: tf.data.Dataset.from_tensor_slices({"x": x}).batch(params["batch_size"]))]

errors = {}
try:
    tf.contrib.tpu.TPUEstimator(model_fn=tpu_model_fn, config=tpu_config, use_tpu=True, train_batch_size=50)
except Exception as error:  # noqa: BLE001  (the test asserts the type)
    errors["use_tpu"] = [type(error).__name__, str(error)]
os.environ["TF_CONFIG"] = json.dumps({"cluster": {"worker": ["localhost:1", "localhost:2"]},
                                      "task": {"type": "worker", "index": 0}})
try:
    tf.estimator.RunConfig(train_distribute=tf.distribute.MirroredStrategy())
except Exception as error:  # noqa: BLE001
    errors["coordinator"] = [type(error).__name__, str(error)]

print("RESULT " + json.dumps({
    "accuracy": float(metrics["accuracy"]), "global_step": int(metrics["global_step"]),
    "exports": {name: len(os.listdir(os.path.join(export_root, name))) for name in sorted(os.listdir(export_root))},
    "old_name_export": os.path.exists(os.path.join(old_name_dir, b"saved_model.pb" if isinstance(old_name_dir, bytes)
                                                   else "saved_model.pb")),
    "session_max_diff": float(np.abs(reloaded - expected).max()),
    "parsing_max_diff": float(np.abs(parsed["probabilities"] - expected).max()),
    "tpu_step": int(tpu_estimator.get_variable_value("global_step")),
    "tpu_accuracy": float(np.mean(np.array(tpu_classes) == y)),
    "contrib_data": sorted(n for n in ("map_and_batch", "parallel_interleave", "shuffle_and_repeat", "sloppy_interleave")
                           if hasattr(tf.contrib.data, n)),
    "errors": errors,
}))
