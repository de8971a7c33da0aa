"""TF1 script (run with `python -m tf1compat`): contrib.training's HParams and bucketing, cudnn_rnn errors."""
import json
import tempfile

import numpy as np
import tensorflow as tf
from tensorflow.contrib.training import HParams

BOUNDARIES = [4, 7]


def bucketed_batches():
    """bucket_by_sequence_length over 12 sequences of lengths 1..9 through queue runners."""
    lengths = np.array([1, 5, 8, 2, 6, 9, 3, 4, 7, 1, 5, 8], np.int32)
    rows = np.zeros((len(lengths), 9), np.int32)
    for index, length in enumerate(lengths):
        rows[index, :length] = index * 10 + np.arange(1, length + 1)
    length, row = tf.train.slice_input_producer([tf.constant(lengths), tf.constant(rows)], shuffle=False)
    sequence = row[:length]
    out_length, (out_sequence,) = tf.contrib.training.bucket_by_sequence_length(
        length, [sequence], batch_size=2, bucket_boundaries=BOUNDARIES, dynamic_pad=True, capacity=8)
    batches = []
    with tf.Session() as session:
        coordinator = tf.train.Coordinator()
        threads = tf.train.start_queue_runners(session, coordinator)
        for _ in range(6):
            got_lengths, got_sequences = session.run([out_length, out_sequence])
            batches.append({"lengths": got_lengths.tolist(), "sequences": got_sequences.tolist()})
        coordinator.request_stop()
        coordinator.join(threads, stop_grace_period_secs=5)
    return {"batches": batches, "static_shape": out_sequence.get_shape().as_list()}


def slim_training_loop():
    """contrib.training.create_train_op + train (a MonitoredTrainingSession loop) + checkpoints_iterator."""
    tf.reset_default_graph()
    x = tf.constant(np.linspace(-1, 1, 16, dtype=np.float32))
    weight = tf.get_variable("weight", [], initializer=tf.zeros_initializer())
    loss = tf.reduce_mean(tf.square(weight * x - 3.0 * x))
    tf.train.get_or_create_global_step()
    train_op = tf.contrib.training.create_train_op(loss, tf.train.GradientDescentOptimizer(0.5))
    logdir = tempfile.mkdtemp()
    final_loss = tf.contrib.training.train(train_op, logdir, hooks=[tf.train.StopAtStepHook(last_step=20)],
                                           save_summaries_steps=None)
    checkpoints = list(tf.contrib.training.checkpoints_iterator(logdir, timeout=0))
    return {"final_loss": float(final_loss), "weight": float(tf.train.load_variable(logdir, "weight")),
            "checkpoint_steps": [int(path.rsplit("-", 1)[1]) for path in checkpoints]}


def errors():
    found = {}
    for name, get in (("batch_sequences_with_states", lambda: tf.contrib.training.batch_sequences_with_states),
                      ("CudnnLSTM", lambda: tf.contrib.cudnn_rnn.CudnnLSTM)):
        try:
            get()
            found[name] = None
        except AttributeError as error:
            found[name] = f"{type(error).__name__}: {error}"
    return found


def main():
    hparams = HParams(learning_rate=0.1, layers=[4, 4]).parse("learning_rate=0.3,layers=[8,2]")
    result = {"hparams": hparams.values(), "same_class": tf.contrib.training.HParams is HParams,
              "bucketing": bucketed_batches(), "errors": errors(),
              "slim_training": slim_training_loop()}
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
