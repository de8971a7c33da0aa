"""A TF 1.x "Deep MNIST for experts" CNN, unchanged: helper functions, two conv layers, Adam, Saver.

    deep_mnist.py train CKPT STEPS BATCH   # train, save CKPT, report sessions' configs and bfloat16 nodes
    deep_mnist.py restore CKPT             # restore CKPT into a fresh graph, report dtypes and values
"""
from __future__ import print_function

import json
import sys
import time

import numpy as np
import tensorflow as tf
from tensorflow.core.protobuf import rewriter_config_pb2
from tensorflow.examples.tutorials.mnist import input_data


def weight_variable(shape, name):
    return tf.Variable(tf.truncated_normal(shape, stddev=0.1), name=name)


def bias_variable(shape, name):
    return tf.Variable(tf.constant(0.1, shape=shape), name=name)


def conv2d(x, W):
    return tf.nn.conv2d(x, W, strides=[1, 1, 1, 1], padding="SAME")


def max_pool_2x2(x):
    return tf.nn.max_pool(x, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding="SAME")


def build():
    tf.set_random_seed(0)
    x = tf.placeholder(tf.float32, [None, 784])
    y_ = tf.placeholder(tf.float32, [None, 10])
    keep_prob = tf.placeholder(tf.float32)
    x_image = tf.reshape(x, [-1, 28, 28, 1])
    h_pool1 = max_pool_2x2(tf.nn.relu(conv2d(x_image, weight_variable([5, 5, 1, 32], "W_conv1"))
                                      + bias_variable([32], "b_conv1")))
    h_pool2 = max_pool_2x2(tf.nn.relu(conv2d(h_pool1, weight_variable([5, 5, 32, 64], "W_conv2"))
                                      + bias_variable([64], "b_conv2")))
    h_flat = tf.reshape(h_pool2, [-1, 7 * 7 * 64])
    h_fc1 = tf.nn.relu(tf.matmul(h_flat, weight_variable([7 * 7 * 64, 1024], "W_fc1")) + bias_variable([1024], "b_fc1"))
    y_conv = tf.matmul(tf.nn.dropout(h_fc1, keep_prob), weight_variable([1024, 10], "W_fc2")) + bias_variable([10], "b_fc2")
    cross_entropy = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=y_, logits=y_conv))
    global_step = tf.train.get_or_create_global_step()
    train_step = tf.train.AdamOptimizer(1e-4).minimize(cross_entropy, global_step=global_step)
    accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(y_conv, 1), tf.argmax(y_, 1)), tf.float32))
    return x, y_, keep_prob, cross_entropy, train_step, accuracy


def bfloat16_nodes(run_metadata):
    """Nodes of the graph TensorFlow ran (after grappler) with a bfloat16 type attribute."""
    return sum(1 for graph in run_metadata.partition_graphs for node in graph.node
               if any(value.type == tf.bfloat16.as_datatype_enum for value in node.attr.values()))


def partition_run(sess, fetches, feed):
    run_metadata = tf.RunMetadata()
    value = sess.run(fetches, feed, options=tf.RunOptions(output_partition_graphs=True), run_metadata=run_metadata)
    return value, bfloat16_nodes(run_metadata)


def train(ckpt, steps, batch_size):
    mnist = input_data.read_data_sets("MNIST_data", one_hot=True, seed=0)
    x, y_, keep_prob, loss, train_step, accuracy = build()
    config = tf.ConfigProto(allow_soft_placement=True)
    config.graph_options.rewrite_options.constant_folding = rewriter_config_pb2.RewriterConfig.OFF
    result = {}
    with tf.Session(config=config) as sess:
        rewrite = sess._config.graph_options.rewrite_options  # what the session really received
        result["session_rewrite"] = {"constant_folding": rewrite.constant_folding,
                                     "bf16": rewrite.auto_mixed_precision_onednn_bfloat16}
        result["script_config_bf16"] = config.graph_options.rewrite_options.auto_mixed_precision_onednn_bfloat16
        result["soft_placement"] = sess._config.allow_soft_placement
        sess.run(tf.global_variables_initializer())
        seconds = []
        for i in range(steps):
            batch = mnist.train.next_batch(batch_size)
            started = time.time()
            sess.run(train_step, feed_dict={x: batch[0], y_: batch[1], keep_prob: 0.5})
            seconds.append(time.time() - started)
        feed = {x: mnist.test.images, y_: mnist.test.labels, keep_prob: 1.0}
        (test_accuracy, test_loss), result["bf16_nodes"] = partition_run(sess, [accuracy, loss], feed)
        result["fetched_dtype"] = str(np.asarray(test_loss).dtype)
        tf.train.Saver().save(sess, ckpt)
        result["W_conv1_sum"] = float(sess.run(tf.get_default_graph().get_tensor_by_name("W_conv1:0")).sum())
    interactive = tf.InteractiveSession()
    interactive.run(tf.global_variables_initializer())
    result["interactive_bf16_nodes"] = partition_run(interactive, loss, feed)[1]
    interactive.close()
    with tf.train.MonitoredTrainingSession() as monitored:
        result["monitored_bf16_nodes"] = partition_run(monitored, loss, feed)[1]
    steady = sorted(seconds[len(seconds) // 5:]) or [float("nan")]
    result.update(accuracy=float(test_accuracy), median_step_images_per_second=batch_size / steady[len(steady) // 2])
    print("test accuracy %g" % test_accuracy)
    return result


def restore(ckpt):
    x, y_, keep_prob, loss, train_step, accuracy = build()
    with tf.Session() as sess:
        tf.train.Saver().restore(sess, ckpt)
        weights = sess.run(tf.get_default_graph().get_tensor_by_name("W_conv1:0"))
    reader = tf.train.NewCheckpointReader(ckpt)
    dtypes = sorted(set(dtype.name for dtype in reader.get_variable_to_dtype_map().values()))
    return {"checkpoint_dtypes": dtypes, "restored_dtype": str(weights.dtype), "W_conv1_sum": float(weights.sum()),
            "variables": len(reader.get_variable_to_dtype_map())}


if __name__ == "__main__":
    if sys.argv[1] == "train":
        outcome = train(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        outcome = restore(sys.argv[2])
    print("RESULT " + json.dumps(outcome))
