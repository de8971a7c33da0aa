"""An exception inside a queue-runner thread reaches the main loop through the Coordinator."""
import numpy as np
import tensorflow as tf


def broken_source():
    raise ValueError("bad record 17 in the source")


value = tf.py_func(lambda: np.float32(broken_source()), [], tf.float32, stateful=True)
queue = tf.FIFOQueue(4, tf.float32, shapes=[])
tf.train.add_queue_runner(tf.train.QueueRunner(queue, [queue.enqueue(value)]))
item = queue.dequeue()
with tf.Session() as sess:
    coord = tf.train.Coordinator()
    threads = tf.train.start_queue_runners(sess=sess, coord=coord)
    try:
        while not coord.should_stop():
            sess.run(item)
    except (tf.errors.OutOfRangeError, tf.errors.CancelledError):
        print("queue closed", flush=True)
    finally:
        coord.request_stop()
    coord.join(threads)
