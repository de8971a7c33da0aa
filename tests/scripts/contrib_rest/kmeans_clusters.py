"""A TF1 K-Means program in the shape of the classic tutorials (tf.contrib.factorization.KMeans), on toy blobs.

Run unchanged with `python -m tf1compat tests/scripts/contrib_rest/kmeans_clusters.py`; it prints
the average distance while training, then one `RESULT {json}` line with the centres found.
"""
from __future__ import print_function

import json

import numpy as np
import tensorflow as tf
from tensorflow.contrib.factorization import KMeans

# Three blobs of 200 points each around known centres.
TRUE_CENTERS = np.array([[0.0, 0.0], [5.0, 5.0], [-4.0, 6.0]], dtype=np.float32)
rng = np.random.RandomState(7)
points = np.concatenate([center + 0.5 * rng.randn(200, 2) for center in TRUE_CENTERS]).astype(np.float32)
num_steps = 20
k = 3

X = tf.placeholder(tf.float32, shape=[None, 2])
kmeans = KMeans(inputs=X, num_clusters=k, initial_clusters="kmeans_plus_plus",
                distance_metric="squared_euclidean", use_mini_batch=False, random_seed=1)

training_graph = kmeans.training_graph()
if len(training_graph) > 6:  # TensorFlow 1.4 returned the centres variable too
    (all_scores, cluster_idx, scores, cluster_centers_initialized, cluster_centers_var, init_op,
     train_op) = training_graph
else:
    (all_scores, cluster_idx, scores, cluster_centers_initialized, init_op, train_op) = training_graph

cluster_idx = cluster_idx[0]  # a tuple of one tensor per input
avg_distance = tf.reduce_mean(scores)
init_vars = tf.global_variables_initializer()

sess = tf.Session()
sess.run(init_vars, feed_dict={X: points})
sess.run(init_op, feed_dict={X: points})
distances = []
for i in range(1, num_steps + 1):
    _, d, idx = sess.run([train_op, avg_distance, cluster_idx], feed_dict={X: points})
    distances.append(float(d))
    if i % 5 == 0 or i == 1:
        print("Step %i, Avg Distance: %f" % (i, d))

centers = sess.run([v for v in tf.global_variables() if v.op.name == "clusters"][0])
print("RESULT " + json.dumps({"centers": centers.tolist(), "true_centers": TRUE_CENTERS.tolist(),
                              "distances": distances, "assignments": np.bincount(idx, minlength=k).tolist(),
                              "variables": sorted(v.op.name for v in tf.global_variables()),
                              "initialized": bool(sess.run(cluster_centers_initialized))}))
