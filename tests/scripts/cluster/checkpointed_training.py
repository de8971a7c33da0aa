"""A classic TF1 between-graph script with checkpoints, used to kill its tasks mid-run.

ps tasks `server.join()`; workers train an MNIST softmax-hidden-layer model in a
`MonitoredTrainingSession` (the chief saves to --checkpoint_dir every --save_steps global steps)
until --train_steps, then check their own test accuracy (exit 1 below --min_accuracy), as the
script of a TF1 team would. `EVENT ...` lines (with wall-clock times) say when a session was
created and from which global step, and when the chief saved, so a test or a benchmark can see
what a fault cost. --ballast_mb adds a variable on the ps that makes each save take longer.
"""
import sys
import time

import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

flags = tf.app.flags
flags.DEFINE_string("ps_hosts", "", "comma-separated host:port of the parameter servers")
flags.DEFINE_string("worker_hosts", "", "comma-separated host:port of the workers")
flags.DEFINE_string("job_name", "", "ps or worker")
flags.DEFINE_integer("task_index", 0, "index of the task in its job")
flags.DEFINE_string("checkpoint_dir", "", "where the chief saves checkpoints")
flags.DEFINE_integer("train_steps", 300, "last global step")
flags.DEFINE_integer("save_steps", 50, "the chief saves every N global steps")
flags.DEFINE_float("step_delay", 0.0, "seconds each worker waits after each step (a slower input pipeline)")
flags.DEFINE_integer("ballast_mb", 0, "megabytes of extra variable on the ps (slower saves)")
flags.DEFINE_boolean("sync_replicas", False, "SyncReplicasOptimizer over the workers")
flags.DEFINE_float("min_accuracy", 0.8, "exit 1 when the test accuracy is lower")
FLAGS = flags.FLAGS


def event(text):
    print(f"EVENT {text} t={time.time():.3f}", flush=True)


class RecoveryReport(tf.train.SessionRunHook):
    """Prints each (re)created session's starting global step, and the step every 50 local steps."""

    def __init__(self, global_step):
        self.global_step, self.sessions, self.local_steps = global_step, 0, 0

    def after_create_session(self, session, coord):
        self.sessions += 1
        event(f"session {self.sessions} starts at global step {session.run(self.global_step)}")

    def before_run(self, run_context):
        return tf.train.SessionRunArgs(self.global_step)

    def after_run(self, run_context, run_values):
        self.local_steps += 1
        if self.local_steps % 50 == 0:
            event(f"global step {run_values.results}")


class SaveReport(tf.train.CheckpointSaverListener):
    def before_save(self, session, global_step_value):
        event(f"saving step {global_step_value}")

    def after_save(self, session, global_step_value):
        event(f"saved step {global_step_value}")


def build(num_workers):
    x = tf.placeholder(tf.float32, [None, 784])
    y = tf.placeholder(tf.float32, [None, 10])
    hidden = tf.layers.dense(x, 64, tf.nn.relu, kernel_initializer=tf.glorot_uniform_initializer(seed=1))
    logits = tf.layers.dense(hidden, 10, kernel_initializer=tf.glorot_uniform_initializer(seed=2))
    if FLAGS.ballast_mb:
        tf.Variable(tf.zeros([FLAGS.ballast_mb * 262144]), name="ballast")
    loss = tf.losses.softmax_cross_entropy(y, logits)
    accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1), tf.argmax(y, 1)), tf.float32))
    global_step = tf.train.get_or_create_global_step()
    optimizer = tf.train.GradientDescentOptimizer(0.3)
    if FLAGS.sync_replicas:
        optimizer = tf.train.SyncReplicasOptimizer(optimizer, num_workers, total_num_replicas=num_workers)
    return x, y, loss, accuracy, global_step, optimizer, optimizer.minimize(loss, global_step=global_step)


def main(_):
    cluster = tf.train.ClusterSpec({"ps": FLAGS.ps_hosts.split(","), "worker": FLAGS.worker_hosts.split(",")})
    server = tf.train.Server(cluster, job_name=FLAGS.job_name, task_index=FLAGS.task_index)
    if FLAGS.job_name == "ps":
        server.join()
        return
    num_workers = cluster.num_tasks("worker")
    is_chief = FLAGS.task_index == 0
    mnist = input_data.read_data_sets("/tmp/no_mnist_here", one_hot=True, validation_size=0)
    with tf.device(tf.train.replica_device_setter(worker_device=f"/job:worker/task:{FLAGS.task_index}",
                                                  cluster=cluster)):
        x, y, loss, accuracy, global_step, optimizer, train_op = build(num_workers)
    final = tf.train.FinalOpsHook([accuracy, global_step], {x: mnist.test.images, y: mnist.test.labels})
    hooks = [tf.train.StopAtStepHook(last_step=FLAGS.train_steps), RecoveryReport(global_step), final]
    if FLAGS.sync_replicas:
        hooks.append(optimizer.make_session_run_hook(is_chief))
    if is_chief and FLAGS.checkpoint_dir:  # after RecoveryReport: it reads the step right after a restore
        hooks.append(tf.train.CheckpointSaverHook(FLAGS.checkpoint_dir, save_steps=FLAGS.save_steps,
                                                  listeners=[SaveReport()]))
    with tf.train.MonitoredTrainingSession(master=server.target, is_chief=is_chief,
                                           checkpoint_dir=FLAGS.checkpoint_dir or None, save_checkpoint_secs=None,
                                           hooks=hooks) as session:
        while not session.should_stop():
            images, labels = mnist.train.next_batch(50)
            session.run(train_op, {x: images, y: labels})
            if FLAGS.step_delay:
                time.sleep(FLAGS.step_delay)
    test_accuracy, last_step = final.final_ops_values
    print(f"worker {FLAGS.task_index}: global step {last_step}, test accuracy {test_accuracy:.4f}", flush=True)
    if test_accuracy < FLAGS.min_accuracy:
        print(f"test accuracy {test_accuracy:.4f} is below {FLAGS.min_accuracy}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    tf.app.run(main=main, argv=sys.argv)
