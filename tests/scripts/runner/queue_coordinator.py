"""TF1: slice_input_producer + batch + Coordinator, ending on OutOfRangeError."""
import json

import tensorflow as tf

values = tf.constant(list(range(10)), dtype=tf.int32)
item = tf.train.slice_input_producer([values], num_epochs=2, shuffle=False)
batch = tf.train.batch(item, batch_size=4, num_threads=1, allow_smaller_final_batch=True)
seen = []
with tf.Session() as sess:
    sess.run([tf.global_variables_initializer(), tf.local_variables_initializer()])
    coord = tf.train.Coordinator()
    threads = tf.train.start_queue_runners(sess=sess, coord=coord)
    ended = None
    try:
        while not coord.should_stop():
            seen.append(sess.run(batch).tolist())
    except tf.errors.OutOfRangeError:
        ended = "OutOfRangeError"
    finally:
        coord.request_stop()
    coord.join(threads)
print("RESULT " + json.dumps({"batches": seen, "ended": ended}))
