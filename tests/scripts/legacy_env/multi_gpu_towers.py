"""TF1 multi-GPU "towers" training (as in the CIFAR-10 multi-GPU tutorial): one tower per GPU, gradients averaged.

Written for a two-GPU box: the towers are pinned to /gpu:0 and /gpu:1 and a counter variable is
created under /gpu:0. Then the checkpoint is restored into a new graph (InteractiveSession) and a
MonitoredTrainingSession and a Supervisor run ops pinned to /gpu:1.
"""
import json
import os
import sys

import numpy as np
import tensorflow as tf

NUM_GPUS = 2
TRUE_W = np.array([[1.0], [-2.0], [0.5], [3.0]], dtype=np.float32)


def tower_loss(x, y):
    w = tf.get_variable("w", [4, 1], initializer=tf.zeros_initializer())
    b = tf.get_variable("b", [1], initializer=tf.zeros_initializer())
    return tf.reduce_mean(tf.square(tf.matmul(x, w) + b - y))


def average_gradients(tower_grads):
    averaged = []
    for grad_and_vars in zip(*tower_grads):
        grads = [tf.expand_dims(grad, 0) for grad, _ in grad_and_vars]
        averaged.append((tf.reduce_mean(tf.concat(axis=0, values=grads), 0), grad_and_vars[0][1]))
    return averaged


def train(checkpoint):
    rng = np.random.RandomState(0)
    features = rng.randn(64, 4).astype(np.float32)
    labels = features.dot(TRUE_W) + 0.25
    with tf.Graph().as_default(), tf.device("/cpu:0"):
        global_step = tf.train.get_or_create_global_step()
        opt = tf.train.GradientDescentOptimizer(0.1)
        x = tf.placeholder(tf.float32, [None, 4])
        y = tf.placeholder(tf.float32, [None, 1])
        tower_grads, losses = [], []
        with tf.variable_scope(tf.get_variable_scope()):
            for i, (x_part, y_part) in enumerate(zip(tf.split(x, NUM_GPUS), tf.split(y, NUM_GPUS))):
                with tf.device("/gpu:%d" % i), tf.name_scope("tower_%d" % i):
                    loss = tower_loss(x_part, y_part)
                    tf.get_variable_scope().reuse_variables()
                    losses.append(loss)
                    tower_grads.append(opt.compute_gradients(loss))
        train_op = opt.apply_gradients(average_gradients(tower_grads), global_step=global_step)
        mean_loss = tf.add_n(losses) / NUM_GPUS
        with tf.device("/gpu:0"):
            counter = tf.Variable(0, name="gpu_counter")
            bump = counter.assign_add(1)
        saver = tf.train.Saver()
        config = tf.ConfigProto(log_device_placement=False, intra_op_parallelism_threads=1)
        sess = tf.Session(config=config)
        sess.run(tf.global_variables_initializer())
        history = []
        for _ in range(150):
            _, value, _ = sess.run([train_op, mean_loss, bump], {x: features, y: labels})
            history.append(float(value))
        saver.save(sess, checkpoint)
        kept = {"script_config_soft": config.allow_soft_placement,
                "session_soft": sess._config.allow_soft_placement,
                "session_threads": sess._config.intra_op_parallelism_threads}
        sess.close()
    return history, kept


def restore(checkpoint):
    with tf.Graph().as_default():
        with tf.device("/gpu:0"):
            w = tf.get_variable("w", [4, 1])
            b = tf.get_variable("b", [1])
            counter = tf.Variable(0, name="gpu_counter")
            step = tf.train.get_or_create_global_step()
        sess = tf.InteractiveSession()
        tf.train.Saver().restore(sess, checkpoint)
        values = {"w": w.eval().ravel().tolist(), "b": float(b.eval()[0]), "counter": int(counter.eval()),
                  "step": int(step.eval())}
        sess.close()
    return values


def monitored():
    with tf.Graph().as_default():
        step = tf.train.get_or_create_global_step()
        with tf.device("/gpu:1"):
            doubled = tf.assign_add(step, 2)
        with tf.train.MonitoredTrainingSession() as sess:
            monitored_values = [int(sess.run(doubled)) for _ in range(3)]
    with tf.Graph().as_default():
        with tf.device("/gpu:1"):
            total = tf.Variable(1.0, name="total")
            grow = tf.assign(total, total * 3.0)
        supervisor = tf.train.Supervisor(logdir=None, summary_op=None, saver=None)
        with supervisor.managed_session() as sess:
            supervised_values = [float(sess.run(grow)) for _ in range(2)]
    return monitored_values, supervised_values


checkpoint = os.path.join(sys.argv[1], "towers.ckpt")
history, kept = train(checkpoint)
print("RESULT " + json.dumps({"first": history[0], "last": history[-1], "kept": kept,
                              "restored": restore(checkpoint), "monitored": monitored()}))
