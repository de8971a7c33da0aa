"""The end of TensorFlow's word2vec_basic.py tutorial (TF 1.x): normalised embeddings from a Session, projected
to 2-D by scikit-learn 0.19's TSNE(perplexity, n_components=2, init='pca', n_iter=..., method='exact') and plotted
with their labels (fewer words and iterations than the tutorial's 500 and 5000, same calls)."""
import json
import os
import sys

import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from sklearn.manifold import TSNE  # noqa: E402

vocabulary_size, embedding_size, plot_only = 40, 8, 40
reverse_dictionary = {i: 'word%d' % i for i in range(vocabulary_size)}

tf.set_random_seed(0)
embeddings = tf.Variable(tf.random_uniform([vocabulary_size, embedding_size], -1.0, 1.0))
norm = tf.sqrt(tf.reduce_sum(tf.square(embeddings), 1, keep_dims=True))
normalized_embeddings = embeddings / norm
with tf.Session() as session:
    tf.global_variables_initializer().run()
    final_embeddings = normalized_embeddings.eval()


def plot_with_labels(low_dim_embs, labels, filename):
    plt.figure(figsize=(6, 6))
    for i, label in enumerate(labels):
        x, y = low_dim_embs[i, :]
        plt.scatter(x, y)
        plt.annotate(label, xy=(x, y), xytext=(5, 2), textcoords='offset points', ha='right', va='bottom')
    plt.savefig(filename)


tsne = TSNE(perplexity=5, n_components=2, init='pca', n_iter=300, method='exact', random_state=0)
low_dim_embs = tsne.fit_transform(final_embeddings[:plot_only, :])
labels = [reverse_dictionary[i] for i in range(plot_only)]
plot_with_labels(low_dim_embs, labels, os.path.join(sys.argv[1], 'tsne.png'))
print("RESULT " + json.dumps({"shape": list(low_dim_embs.shape), "max_iter": tsne.max_iter,
                              "finite": bool(np.isfinite(low_dim_embs).all()),
                              "plot": os.path.join(sys.argv[1], 'tsne.png')}))
