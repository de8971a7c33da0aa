"""Run by the runner as worker 1 of a cluster (TF_CONFIG set): its session-config adjuster and prompt defaults."""
import inspect
import json

import tensorflow as tf

from tf1compat.session import config as session_config


def filters(config=None, target="grpc://localhost:5"):
    return list(session_config.merged(config, target).device_filters)


result = {"grpc": filters(), "in_process": filters(target="")}
result["script_chose"] = filters(tf.ConfigProto(device_filters=["/job:worker"]))
with tf.Graph().as_default():
    with tf.device("/job:worker/task:0"):  # in-graph replication: this client places ops on another worker
        tf.constant(1.0)
    result["in_graph_replication"] = filters()
result["recovery_wait_default"] = tf.train.SessionManager()._recovery_wait_secs
result["recovery_wait_explicit"] = tf.train.SessionManager(recovery_wait_secs=30)._recovery_wait_secs
result["supervisor_recovery_wait"] = inspect.signature(
    inspect.unwrap(tf.train.Supervisor.__init__)).parameters["recovery_wait_secs"].default
result["stop_grace"] = {function.__name__: inspect.signature(function).parameters["stop_grace_period_secs"].default
                        for function in (tf.train.MonitoredTrainingSession, tf.train.MonitoredSession.__init__,
                                         tf.train.SingularMonitoredSession.__init__)}
print("RESULT " + json.dumps(result))
