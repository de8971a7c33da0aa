"""Train an MNIST classifier across parameter servers and workers: between-graph replication (TF1).

The classic distributed TF1 program: the same script runs once per task, told its place by
`--ps_hosts --worker_hosts --job_name --task_index`; it builds a `tf.train.ClusterSpec` and a
`tf.train.Server`, the ps tasks serve the variables (`server.join()`), and every worker builds
its own copy of the graph with the variables placed on the ps by `replica_device_setter`,
trains in a `MonitoredTrainingSession` (worker 0 is the chief) until `StopAtStepHook`'s global
step, asynchronously or, with `--sync_replicas`, through `SyncReplicasOptimizer`. Each worker
reads its own shard of the data. Without cluster flags it trains in one process.

    python -m tf1compat --cluster ps=1,worker=2 legacy_examples/distributed_ps.py
    python -m tf1compat --cluster ps=1,worker=2 legacy_examples/distributed_ps.py --sync_replicas
    python -m tf1compat legacy_examples/distributed_ps.py            # one process, no cluster
"""
import json
import os
import sys
import time

import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

# Setup
flags = tf.app.flags
flags.DEFINE_string("ps_hosts", "", "comma-separated host:port of the parameter servers")
flags.DEFINE_string("worker_hosts", "", "comma-separated host:port of the workers")
flags.DEFINE_string("job_name", "", "this task's job: ps or worker")
flags.DEFINE_integer("task_index", 0, "this task's index in its job (worker 0 is the chief)")
flags.DEFINE_string("data_dir", "/tmp/mnist_data", "where the MNIST files are (or are downloaded to)")
flags.DEFINE_integer("train_steps", 200, "train until the global step reaches this")
flags.DEFINE_integer("batch_size", 100, "examples per worker step")
flags.DEFINE_float("learning_rate", 0.1, "SGD step size")
flags.DEFINE_integer("hidden_units", 32, "units of the hidden layer")
flags.DEFINE_boolean("sync_replicas", False, "aggregate one gradient per worker per step (SyncReplicasOptimizer)")
flags.DEFINE_integer("display_step", 50, "print the loss every N local steps (0: never)")
flags.DEFINE_integer("seed", 0, "seed of the initial weights")
flags.DEFINE_string("history_dir", "", "write each worker's losses and results to DIR/worker_N.json")
FLAGS = flags.FLAGS
IMAGE_PIXELS = 28 * 28
NUM_CLASSES = 10


# Data
def load_data(data_dir, task_index, num_workers):
    """This worker's shard of the training images (every num_workers-th one) and the test set."""
    mnist = input_data.read_data_sets(data_dir, one_hot=True, validation_size=0)
    shard = (mnist.train.images[task_index::num_workers], mnist.train.labels[task_index::num_workers])
    return shard, (mnist.test.images, mnist.test.labels)


def batches(images, labels, batch_size):
    """Consecutive batches of the shard in its order, wrapping around at the end."""
    start = 0
    while True:
        index = np.arange(start, start + batch_size) % len(images)
        yield images[index], labels[index]
        start = (start + batch_size) % len(images)


# Model
def initial_weights(seed, hidden_units):
    """The starting weights, drawn by NumPy so any program can start from the same ones."""
    rng = np.random.RandomState(seed)
    return {"hidden/weights": rng.normal(0.0, 0.1, (IMAGE_PIXELS, hidden_units)).astype(np.float32),
            "hidden/biases": np.zeros(hidden_units, np.float32),
            "softmax/weights": rng.normal(0.0, 0.1, (hidden_units, NUM_CLASSES)).astype(np.float32),
            "softmax/biases": np.zeros(NUM_CLASSES, np.float32)}


def build_model(weights, learning_rate, num_workers, sync_replicas):
    """Placeholders -> ReLU hidden layer -> softmax; the (maybe synchronous) optimizer and its train op."""
    x = tf.placeholder(tf.float32, [None, IMAGE_PIXELS], name="x")
    y = tf.placeholder(tf.float32, [None, NUM_CLASSES], name="y")
    with tf.variable_scope("hidden"):
        hidden = tf.nn.relu(tf.matmul(x, tf.Variable(weights["hidden/weights"], name="weights"))
                            + tf.Variable(weights["hidden/biases"], name="biases"))
    with tf.variable_scope("softmax"):
        logits = (tf.matmul(hidden, tf.Variable(weights["softmax/weights"], name="weights"))
                  + tf.Variable(weights["softmax/biases"], name="biases"))
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=logits))
    accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1), tf.argmax(y, 1)), tf.float32))
    global_step = tf.train.get_or_create_global_step()
    optimizer = tf.train.GradientDescentOptimizer(learning_rate)
    if sync_replicas:
        optimizer = tf.train.SyncReplicasOptimizer(optimizer, replicas_to_aggregate=num_workers,
                                                   total_num_replicas=num_workers)
    train_op = optimizer.minimize(loss, global_step=global_step)
    return {"x": x, "y": y, "loss": loss, "accuracy": accuracy, "global_step": global_step,
            "train_op": train_op, "optimizer": optimizer}


# Train
def train(model, server, is_chief, train_set, test_set):
    """MonitoredTrainingSession until the global step reaches --train_steps; the losses and results."""
    # Evaluate: FinalOpsHook runs the test ops once the last step is done, before the session closes.
    final = tf.train.FinalOpsHook([model["loss"], model["accuracy"], model["global_step"]],
                                  final_ops_feed_dict={model["x"]: test_set[0], model["y"]: test_set[1]})
    hooks = [tf.train.StopAtStepHook(last_step=FLAGS.train_steps), final]
    if FLAGS.sync_replicas:
        hooks.append(model["optimizer"].make_session_run_hook(is_chief))
    history = {"losses": [], "global_steps": []}
    stream = batches(*train_set, FLAGS.batch_size)
    master = server.target if server else ""
    with tf.train.MonitoredTrainingSession(master=master, is_chief=is_chief, hooks=hooks) as sess:
        started = time.perf_counter()
        # The session's exit swallows OutOfRangeError (a sync worker whose token queue the chief closed
        # at the end): the rest of this block is then skipped, so the time is taken in `finally`.
        try:
            while not sess.should_stop():
                x_batch, y_batch = next(stream)
                _, loss, step = sess.run([model["train_op"], model["loss"], model["global_step"]],
                                         feed_dict={model["x"]: x_batch, model["y"]: y_batch})
                history["losses"].append(float(loss))
                history["global_steps"].append(int(step))
                local_step = len(history["losses"])
                if FLAGS.display_step and local_step % FLAGS.display_step == 0:
                    print(f"local step {local_step} (global step {step}): minibatch loss {loss:.4f}")
        finally:
            history["train_seconds"] = time.perf_counter() - started
    test_loss, test_accuracy, final_step = final.final_ops_values
    history.update(test_loss=float(test_loss), test_accuracy=float(test_accuracy), final_global_step=int(final_step))
    return history


def main(_):
    ps_hosts = [host for host in FLAGS.ps_hosts.split(",") if host]
    worker_hosts = [host for host in FLAGS.worker_hosts.split(",") if host]
    server = None
    if worker_hosts:
        cluster = tf.train.ClusterSpec({"ps": ps_hosts, "worker": worker_hosts})
        server = tf.train.Server(cluster, job_name=FLAGS.job_name, task_index=FLAGS.task_index)
        if FLAGS.job_name == "ps":
            server.join()  # serves the variables until the process is stopped
            return
    num_workers = max(len(worker_hosts), 1)
    is_chief = FLAGS.task_index == 0
    train_set, test_set = load_data(FLAGS.data_dir, FLAGS.task_index, num_workers)
    print(f"worker {FLAGS.task_index} of {num_workers}: {len(train_set[0])} training examples, "
          f"{'synchronous' if FLAGS.sync_replicas else 'asynchronous'} updates")
    weights = initial_weights(FLAGS.seed, FLAGS.hidden_units)
    if server:
        device = tf.train.replica_device_setter(worker_device=f"/job:worker/task:{FLAGS.task_index}", cluster=cluster)
    else:
        device = None
    with tf.device(device):
        model = build_model(weights, FLAGS.learning_rate, num_workers, FLAGS.sync_replicas)
    history = train(model, server, is_chief, train_set, test_set)
    print(f"worker {FLAGS.task_index}: {len(history['losses'])} local steps, global step "
          f"{history['final_global_step']}, final minibatch loss {(history['losses'] or [float('nan')])[-1]:.4f}, "
          f"{len(history['losses']) * FLAGS.batch_size / history['train_seconds']:.0f} examples/s")
    print(f"test loss {history['test_loss']:.4f}, test accuracy {history['test_accuracy']:.4f}")
    if FLAGS.history_dir:
        os.makedirs(FLAGS.history_dir, exist_ok=True)
        with open(os.path.join(FLAGS.history_dir, f"worker_{FLAGS.task_index}.json"), "w") as handle:
            json.dump(history, handle)


if __name__ == "__main__":
    tf.app.run(main=main, argv=sys.argv)
