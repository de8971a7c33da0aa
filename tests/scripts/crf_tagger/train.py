"""Train the BiLSTM-CRF tagger on toy data and save a checkpoint (TF1 script)."""
import os

import tensorflow as tf

from model import build_graph, make_data

flags = tf.app.flags
flags.DEFINE_string("model_dir", "/tmp/crf_tagger", "where the checkpoint goes")
flags.DEFINE_integer("steps", 250, "training steps")
FLAGS = flags.FLAGS


def main(_):
    tf.set_random_seed(1)
    words, tags, lengths = make_data(512, seed=0)
    model = build_graph()
    train_op = tf.train.AdamOptimizer(0.02).minimize(model["loss"])
    saver = tf.train.Saver()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(FLAGS.steps):
            rows = slice((step * 32) % 512, (step * 32) % 512 + 32)
            feed = {model["words"]: words[rows], model["tags"]: tags[rows], model["lengths"]: lengths[rows]}
            loss, _ = sess.run([model["loss"], train_op], feed)
            if step % 50 == 0:
                print("step %d loss %.4f" % (step, loss))
        path = saver.save(sess, os.path.join(FLAGS.model_dir, "model.ckpt"), global_step=FLAGS.steps)
        print("saved %s final loss %.4f" % (path, loss))


if __name__ == "__main__":
    tf.app.run()
