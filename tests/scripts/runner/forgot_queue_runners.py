"""The classic TF1 hang: a queue-fed sess.run without start_queue_runners."""
import tensorflow as tf

filename = tf.train.string_input_producer(["a.jpg", "b.jpg"], shuffle=False)
name = filename.dequeue()
with tf.Session() as sess:
    print("waiting", flush=True)
    print(sess.run(name))
