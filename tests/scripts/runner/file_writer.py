"""TF1: tf.summary.scalar + merge_all + FileWriter write an event file."""
import json
import sys

import tensorflow as tf

value = tf.placeholder(tf.float32, [])
tf.summary.scalar("loss", value)
merged = tf.summary.merge_all()
with tf.Session() as sess:
    writer = tf.summary.FileWriter(sys.argv[1], sess.graph)
    for step, loss in enumerate([3.0, 2.0, 1.5]):
        writer.add_summary(sess.run(merged, {value: loss}), step)
    writer.close()
records = []
for path in tf.gfile.Glob(sys.argv[1] + "/events.out.tfevents.*"):
    for event in tf.train.summary_iterator(path):
        for v in event.summary.value:
            records.append([event.step, v.tag, v.simple_value])
print("RESULT " + json.dumps({"records": records}))
