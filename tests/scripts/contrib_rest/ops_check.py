"""TF1 script (run with `python -m tf1compat`): contrib lookup, metrics, losses, image, framework, util, summary,
distribute, the alias entries and the errors. Usage: ops_check.py WORK_DIR. Prints one `RESULT {json}` line.
"""
import glob
import json
import os
import sys

import numpy as np
import tensorflow as tf
from tensorflow.contrib.framework.python.ops import add_arg_scope, variables as contrib_variables
from tensorflow.contrib.keras import layers as keras_layers
from tensorflow.contrib.lookup import index_table_from_tensor

from tf1compat.api import table as api_table
from tf1compat.scope.tensorflow_view import load_shim

WORK_DIR = sys.argv[1]


def evaluate(tensors, initializers=(tf.tables_initializer, tf.local_variables_initializer,
                                    tf.global_variables_initializer)):
    with tf.Session() as session:
        session.run([make() for make in initializers])
        return session.run(tensors)


def lookup():
    tf.reset_default_graph()
    vocabulary_file = os.path.join(WORK_DIR, "vocab.txt")
    with open(vocabulary_file, "w") as handle:
        handle.write("red\ngreen\nblue\n")
    words = tf.constant(["b", "z", "a"])
    keys = tf.contrib.lookup.HashTable(tf.contrib.lookup.KeyValueTensorInitializer(["x", "y"], [7, 8]), -1)
    mutable = tf.contrib.lookup.MutableHashTable(tf.string, tf.int64, -1)
    insert = mutable.insert(tf.constant(["k"]), tf.constant([42], tf.int64))
    results = evaluate({
        "from_tensor": index_table_from_tensor(mapping=["a", "b", "c"]).lookup(words),
        "with_oov": index_table_from_tensor(["a", "b", "c"], num_oov_buckets=1).lookup(words),
        "to_string": tf.contrib.lookup.index_to_string_table_from_tensor(mapping=["a", "b", "c"]).lookup(
            tf.constant([2, 5], tf.int64)),
        "from_file": tf.contrib.lookup.index_table_from_file(vocabulary_file).lookup(tf.constant(["blue", "pink"])),
        "file_to_string": tf.contrib.lookup.index_to_string_table_from_file(vocabulary_file).lookup(
            tf.constant([1], tf.int64)),
        "hash_table": keys.lookup(tf.constant(["y", "q"])),
        "string_to_index": tf.contrib.lookup.string_to_index(words, mapping=["a", "b"]),
    })
    with tf.Session() as session:
        session.run(insert)
        results["mutable"] = session.run(mutable.lookup(tf.constant(["k", "absent"])))
    results["init_is_initializer"] = keys.init is keys.initializer
    try:
        tf.contrib.lookup.string_to_index_table_from_tensor([1, 2])
    except ValueError as error:
        results["string_only"] = str(error)
    return {key: np.asarray(value).tolist() for key, value in results.items()}


def decode_bytes(value):
    """JSON for the string tables' bytes."""
    return value.decode()


def metrics():
    """Each streaming metric's value after two update batches; TF1 returns (value, update_op)."""
    tf.reset_default_graph()
    predictions = tf.placeholder(tf.float32, [None])
    labels = tf.placeholder(tf.float32, [None])
    weights = tf.placeholder(tf.float32, [None])
    binary_predictions, binary_labels = tf.cast(predictions > 0.5, tf.bool), tf.cast(labels > 0.5, tf.bool)
    metric = tf.contrib.metrics
    pairs = {
        "accuracy": metric.streaming_accuracy(tf.round(predictions), labels),
        "mean": metric.streaming_mean(predictions, weights),
        "mse": metric.streaming_mean_squared_error(predictions, labels, weights),
        "mae": metric.streaming_mean_absolute_error(predictions, labels),
        "precision": metric.streaming_precision(binary_predictions, binary_labels),
        "recall": metric.streaming_recall(binary_predictions, binary_labels),
        "auc": metric.streaming_auc(predictions, binary_labels, num_thresholds=1000),
    }
    batches = [([0.9, 0.2, 0.7, 0.4], [1, 0, 0, 1], [1, 2, 1, 0]), ([0.8, 0.1, 0.6], [1, 0, 1], [0.5, 1, 1])]
    results = {"kinds": sorted({type(pair).__name__ for pair in pairs.values()}),
               "local_variables": sorted(v.op.name for v in tf.local_variables())[:4]}
    with tf.Session() as session:
        session.run(tf.local_variables_initializer())
        for batch_predictions, batch_labels, batch_weights in batches:
            session.run([update for _, update in pairs.values()],
                        {predictions: batch_predictions, labels: batch_labels, weights: batch_weights})
        results["values"] = {name: float(session.run(value)) for name, (value, _) in pairs.items()}
    results["batches"] = batches
    return results


def losses():
    tf.reset_default_graph()
    logits = np.array([[2.0, 0.5, -1.0], [0.1, 0.2, 0.3]], np.float32)
    onehot = np.array([[1, 0, 0], [0, 0, 1]], np.float32)
    predictions, targets = np.array([[1.0, 2.0], [3.0, 5.0]], np.float32), np.array([[1.5, 2.0], [2.0, 7.0]], np.float32)
    tensor = tf.constant  # contrib.losses (like TF1's) reads static shapes: tensors, not arrays
    values = evaluate({
        "softmax": tf.contrib.losses.softmax_cross_entropy(tensor(logits), tensor(onehot)),
        "sparse_softmax": tf.contrib.losses.sparse_softmax_cross_entropy(tensor(logits), tensor([0, 2])),
        "mse_weighted": tf.contrib.losses.mean_squared_error(tensor(predictions), tensor(targets), weights=2.0),
        "absolute": tf.contrib.losses.absolute_difference(tensor(predictions), tensor(targets)),
        "total": tf.contrib.losses.get_total_loss(add_regularization_losses=False),
    })
    return {"values": {key: float(value) for key, value in values.items()},
            "inputs": {"logits": logits.tolist(), "onehot": onehot.tolist(), "predictions": predictions.tolist(),
                       "targets": targets.tolist()}}


def image():
    tf.reset_default_graph()
    square = np.arange(16, dtype=np.float32).reshape(4, 4)
    pixels = np.arange(12, dtype=np.uint8).reshape(3, 4)
    image_ops = tf.contrib.image
    outputs = evaluate({
        "rotate_rank2": image_ops.rotate(square, np.pi / 2),
        "rotate_rank4": image_ops.rotate(square[None, :, :, None], [np.pi]),
        "rotate_bilinear_45": image_ops.rotate(square, np.pi / 4, interpolation="BILINEAR"),
        "translate_rank3_uint8": image_ops.translate(pixels[:, :, None], [1, 0]),
        "translate_down": image_ops.translate(pixels, [0, 1]),
        "composed": image_ops.transform(pixels, image_ops.compose_transforms([1, 0, -1, 0, 1, 0, 0, 0],
                                                                             [1, 0, -1, 0, 1, -1, 0, 0])),
        "angles_transform": image_ops.angles_to_projective_transforms(0.3, 5, 7),
    })
    result = {key: value.tolist() for key, value in outputs.items()}
    result["dtype"] = str(outputs["translate_rank3_uint8"].dtype)
    result["shapes"] = {key: list(value.shape) for key, value in outputs.items()}
    result["inputs"] = {"square": square.tolist(), "pixels": pixels.tolist()}
    return result


def framework():
    tf.reset_default_graph()
    framework_ops = tf.contrib.framework
    known = tf.zeros([2, 3])
    unknown = tf.placeholder(tf.float32, [None, 3])
    result = {"same": framework_ops.with_shape([2, 3], known) is known}
    try:
        framework_ops.with_shape([3, 2], known)
    except ValueError as error:
        result["static_error"] = str(error)
    checked = framework_ops.with_shape([2, 3], unknown)
    result["checked_shape"] = checked.get_shape().as_list()
    with tf.Session() as session:
        result["checked_ok"] = session.run(checked, {unknown: np.ones([2, 3])}).shape[0]
        try:
            session.run(checked, {unknown: np.ones([4, 3])})
        except tf.errors.InvalidArgumentError:
            result["dynamic_error"] = "InvalidArgumentError"
        result["reduce_sum_n"] = float(session.run(framework_ops.reduce_sum_n([tf.ones([2, 2]), tf.ones([3])])))
    try:
        framework_ops.assert_scalar_int(tf.constant(1.0))
    except ValueError as error:
        result["scalar_int_error"] = str(error).split(",")[0]
    squeezed = framework_ops.remove_squeezable_dimensions(tf.zeros([4, 1]), tf.zeros([4]))
    result["squeezed"] = [tensor.get_shape().as_list() for tensor in squeezed]
    counter = tf.get_variable("counter", [2], initializer=tf.ones_initializer())
    with tf.Session() as session:
        session.run(counter.initializer)
        session.run(framework_ops.zero_initializer(counter))
        result["zeroed"] = session.run(counter).tolist()
    result["implementation_paths"] = [add_arg_scope is framework_ops.add_arg_scope,
                                      contrib_variables.model_variable is framework_ops.model_variable]
    result["names"] = sorted(name for name in ("get_variables", "get_or_create_global_step", "nest", "arg_scope",
                                               "add_arg_scope", "model_variable", "get_model_variables",
                                               "local_variable", "assign_from_checkpoint_fn",
                                               "get_variables_to_restore", "with_shape", "with_same_shape",
                                               "deprecated", "smart_cond", "CriticalSection")
                             if callable(getattr(framework_ops, name, None)) or name == "nest")
    return result


def util_summary_distribute():
    tf.reset_default_graph()
    proto = tf.contrib.util.make_tensor_proto([[1, 2], [3, 4]], dtype=tf.int32)
    result = {"ndarray": tf.contrib.util.make_ndarray(proto).tolist(),
              "constant_value": tf.contrib.util.constant_value(tf.shape(tf.zeros([5, 6]))).tolist(),
              "constant_value_unknown": tf.contrib.util.constant_value(tf.constant([5, 6]) * 2)}
    logdir = os.path.join(WORK_DIR, "summaries")
    global_step = tf.train.get_or_create_global_step()
    writer = tf.contrib.summary.create_file_writer(logdir)
    with writer.as_default(), tf.contrib.summary.always_record_summaries():
        tf.contrib.summary.scalar("loss", tf.constant(0.25), step=3)
    with tf.Session() as session, writer.as_default():
        session.run(global_step.initializer)
        tf.contrib.summary.initialize(graph=tf.get_default_graph(), session=session)
        session.run(tf.contrib.summary.all_summary_ops())
        session.run(writer.flush())
    events = [event for path in glob.glob(os.path.join(logdir, "events*"))
              for event in tf.train.summary_iterator(path)]
    result["summary"] = [[event.step, value.tag, value.simple_value]  # contrib.summary.scalar wrote simple_value
                         for event in events for value in event.summary.value if value.tag == "loss"]
    strategy = tf.contrib.distribute.MirroredStrategy(num_gpus=0)
    result["distribute"] = {"devices": list(strategy.extended.worker_devices),
                            "cross_replica_context": tf.contrib.distribute.get_cross_replica_context() is None,
                            "has_strategy": tf.contrib.distribute.has_distribution_strategy()}
    return result


def distributions_stateless_projector():
    tf.reset_default_graph()
    normal = tf.contrib.distributions.Normal(loc=1.0, scale=2.0)
    kl = tf.contrib.distributions.kl_divergence(normal, tf.contrib.distributions.Normal(loc=0.0, scale=1.0))
    seed = tf.constant([3, 4], tf.int64)
    uniform = tf.contrib.stateless.stateless_random_uniform([2, 3], seed=seed)
    values = evaluate({"log_prob": normal.log_prob(2.0), "kl": kl, "first": uniform, "second": uniform * 1.0,
                       "other_seed": tf.contrib.stateless.stateless_random_uniform([2, 3], seed=[5, 6])})
    column = tf.contrib.feature_column.sequence_numeric_column("clicks", shape=(2,))
    logdir = os.path.join(WORK_DIR, "projector")
    config = tf.contrib.tensorboard.plugins.projector.ProjectorConfig()
    embedding = config.embeddings.add()
    embedding.tensor_name, embedding.metadata_path = "embedding:0", "metadata.tsv"
    writer = tf.summary.FileWriter(logdir)
    tf.contrib.tensorboard.plugins.projector.visualize_embeddings(writer, config)
    writer.close()
    with open(os.path.join(logdir, "projector_config.pbtxt")) as handle:
        projector_config = handle.read()
    return {"log_prob": float(values["log_prob"]), "kl": float(values["kl"]),
            "stateless_repeats": values["first"].tolist() == values["second"].tolist(),
            "stateless_differs": values["first"].tolist() != values["other_seed"].tolist(),
            "stateless_range": [float(values["first"].min()), float(values["first"].max())],
            "column": [column.key, list(column.shape)], "projector_config": projector_config}


def aliases_resolve():
    """Every provided contrib name of api_table, reached as `tf.contrib...` from this TF1 script."""
    resolved = {}
    for name, entry in api_table.TABLE.items():
        if not name.startswith("contrib.") or entry.kind != "provided" or entry.implements:
            continue  # TF1's implementation module paths: tests/test_deep_paths.py
        target = tf
        for part in name.split("."):
            target = getattr(target, part)
        resolved[name] = {"module": getattr(target, "__name__", type(target).__name__),
                          "is_target": target is load_shim(entry.shim)}
    resolved["keras_import"] = keras_layers.Dense is tf.keras.layers.Dense
    return resolved


def errors():
    result = {}
    for label, use in (("opt_missing", lambda: tf.contrib.opt.ShampooOptimizer),
                       ("module_removed", lambda: tf.contrib.bayesflow),
                       ("distribution_missing", lambda: tf.contrib.distributions.MultivariateNormalDiag),
                       ("image_missing", lambda: tf.contrib.image.connected_components),
                       ("proto_rest", lambda: tf.contrib.proto.nothing)):
        try:
            use()
        except Exception as error:  # noqa: BLE001  (recording the type)
            result[label] = {"type": type(error).__name__, "message": str(error)}
    try:
        from tensorflow.contrib.lookup import no_such_table  # noqa: F401
    except ImportError as error:
        result["import_lookup"] = {"type": type(error).__name__, "message": str(error)}
    return result


print("RESULT " + json.dumps({"lookup": lookup(), "metrics": metrics(), "losses": losses(), "image": image(),
                              "framework": framework(), "util": util_summary_distribute(),
                              "aliases": aliases_resolve(), "errors": errors(),
                              "more": distributions_stateless_projector()}, default=decode_bytes))
