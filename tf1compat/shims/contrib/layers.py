"""``tf.contrib.layers`` for TF1 scripts: tf-slim's layers (where contrib.layers' code went) plus embed_sequence."""

import tensorflow

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks
from tf1compat.shims.contrib import tf_slim_aliases  # noqa: F401  (first: restores the aliases tf_slim needs)
from tf_slim.layers import (initializers, layers, normalization, optimizers, regularizers,
                            rev_block_lib, summaries)
from tf_slim.ops import variables

_v1 = tensorflow.compat.v1
_SLIM_MODULES = (layers, initializers, regularizers, normalization, summaries, rev_block_lib)

# tf.contrib.layers re-exported these tf_slim modules' public names unchanged.
__all__ = sorted({name for module in _SLIM_MODULES for name in module.__all__}
                 | {"optimize_loss", "OPTIMIZER_CLS_NAMES", "OPTIMIZER_SUMMARIES",
                    "embed_sequence", "embedding_lookup_unique"})
globals().update({name: getattr(module, name) for module in _SLIM_MODULES for name in module.__all__})
optimize_loss = optimizers.optimize_loss
OPTIMIZER_CLS_NAMES = optimizers.OPTIMIZER_CLS_NAMES
OPTIMIZER_SUMMARIES = optimizers.OPTIMIZER_SUMMARIES


def embedding_lookup_unique(params, ids, name=None):
    """``tf.nn.embedding_lookup`` that looks each distinct id up once (ids of any shape)."""
    with _v1.name_scope(name, "EmbeddingLookupUnique", [params, ids]):
        ids = _v1.convert_to_tensor(ids)
        flat_ids = _v1.reshape(ids, [-1])
        unique_ids, positions = _v1.unique(flat_ids)
        unique_rows = _v1.nn.embedding_lookup(params, unique_ids)
        rows = _v1.gather(unique_rows, positions)
        shape = _v1.concat([_v1.shape(ids), _v1.shape(unique_rows)[1:]], 0)
        return _v1.reshape(rows, shape)


def embed_sequence(ids, vocab_size=None, embed_dim=None, unique=False, initializer=None,
                   regularizer=None, trainable=True, scope=None, reuse=None):
    """Embed id sequences [batch, time] into [batch, time, embed_dim], as TF1's contrib.layers did.

    Creates the model variable ``EmbedSequence/embeddings`` of shape [vocab_size, embed_dim]
    (its shape may be omitted when reusing an existing one).
    """
    if not (reuse or (vocab_size and embed_dim)):
        raise ValueError(f"`embed_sequence` needs vocab_size and embed_dim when not reusing; got "
                         f"vocab_size={vocab_size} and embed_dim={embed_dim}")
    with _v1.variable_scope(scope, "EmbedSequence", [ids], reuse=reuse):
        shape = [vocab_size, embed_dim] if vocab_size and embed_dim else None
        embeddings = variables.model_variable("embeddings", shape=shape, initializer=initializer,
                                              regularizer=regularizer, trainable=trainable)
        if unique:
            return embedding_lookup_unique(embeddings, ids)
        return _v1.nn.embedding_lookup(embeddings, ids)



__getattr__, __dir__ = contrib_module_hooks("contrib.layers", __name__, __all__)
