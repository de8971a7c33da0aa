"""A graph-network TF1 script's preprocessing, as Kipf's gcn/utils.py wrote it in 2017: the scaled Laplacian
from the largest eigenvalue (eigsh imported from scipy.sparse.linalg.eigen.arpack), then one Chebyshev
graph convolution in a TF1 Session."""
import json

import numpy as np
import scipy.sparse as sp
import tensorflow as tf
from scipy.sparse.linalg.eigen.arpack import eigsh


def normalize_adj(adj):
    adj = sp.coo_matrix(adj)
    rowsum = np.array(adj.sum(1))
    d_inv_sqrt = np.power(rowsum, -0.5).flatten()
    d_inv_sqrt[np.isinf(d_inv_sqrt)] = 0.
    d_mat_inv_sqrt = sp.diags(d_inv_sqrt)
    return adj.dot(d_mat_inv_sqrt).transpose().dot(d_mat_inv_sqrt).tocoo()


def scaled_laplacian(adj):
    laplacian = sp.eye(adj.shape[0]) - normalize_adj(adj)
    largest_eigval, _ = eigsh(laplacian, 1, which='LM')
    return (2. / largest_eigval[0]) * laplacian - sp.eye(adj.shape[0]), float(largest_eigval[0])


path_graph = sp.csr_matrix(np.array([[0, 1, 0, 0], [1, 0, 1, 0], [0, 1, 0, 1], [0, 0, 1, 0]], dtype=float))
scaled, largest = scaled_laplacian(path_graph)
features = tf.placeholder(tf.float32, [4, 1])
support = tf.constant(scaled.toarray(), dtype=tf.float32)
convolved = tf.matmul(support, features)
with tf.Session() as sess:
    out = sess.run(convolved, feed_dict={features: np.array([[1.], [0.], [0.], [0.]])})
print("RESULT " + json.dumps({"largest_eigval": largest, "convolved": out.ravel().tolist()}))
