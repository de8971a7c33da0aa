"""``tf.contrib.factorization`` for TF1 scripts: the graph-building KMeans, which lives on in TensorFlow core.

``KMeans(inputs, num_clusters, ...).training_graph()`` returns TF 1.15's six-tuple
``(all_scores, cluster_idx, scores, cluster_centers_initialized, init_op, training_op)``;
the cluster centres live in the variable ``clusters`` (plus ``initialized`` and, with
mini-batches, ``clusters_updated`` / ``update_in_steps`` / ``total_counts``), as in TF1.
"""
from tensorflow.python.ops import clustering_ops

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks

_SAME_NAME = ("KMeans", "COSINE_DISTANCE", "SQUARED_EUCLIDEAN_DISTANCE", "RANDOM_INIT", "KMEANS_PLUS_PLUS_INIT",
              "KMC2_INIT")
globals().update({name: getattr(clustering_ops, name) for name in _SAME_NAME})
__all__ = sorted(_SAME_NAME)

__getattr__, __dir__ = contrib_module_hooks("contrib.factorization", __name__, __all__)
