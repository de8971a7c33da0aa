"""Scan fixture: a TF1 training script written against tensorflow.compat.v1."""
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()
flags = tf.app.flags
flags.DEFINE_integer("steps", 10, "training steps")
FLAGS = flags.FLAGS


def model(x):
    with tf.variable_scope("dense", reuse=tf.AUTO_REUSE):
        w = tf.get_variable("w", [4, 2])
    tf.get_variable_scope().reuse_variables()
    tf.add_to_collection("weights", w)
    return tf.layers.dense(tf.matmul(x, w), 2)


def main(_):
    x = tf.placeholder(tf.float32, [None, 4])
    loss = tf.reduce_mean(model(x))
    global_step = tf.train.get_or_create_global_step()
    train_op = tf.train.MomentumOptimizer(0.1, 0.9).minimize(loss, global_step=global_step)
    tf.summary.scalar("loss", loss)
    merged = tf.summary.merge_all()
    files = tf.train.string_input_producer(tf.gfile.Glob("*.csv"))
    _, line = tf.TextLineReader().read(files)
    saver = tf.train.Saver()
    with tf.Session() as sess:
        writer = tf.summary.FileWriter("/tmp/logs", sess.graph)
        sess.run(tf.global_variables_initializer())
        coord = tf.train.Coordinator()
        threads = tf.train.start_queue_runners(sess=sess, coord=coord)
        for step in range(FLAGS.steps):
            summary, _ = sess.run([merged, train_op], feed_dict={x: [[0.0] * 4]})
            writer.add_summary(summary, step)
        tf.logging.info("done")
        saver.save(sess, "/tmp/model.ckpt")
        coord.request_stop()
        coord.join(threads)


if __name__ == "__main__":
    tf.app.run()
