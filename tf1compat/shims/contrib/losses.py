"""``tf.contrib.losses`` for TF1 scripts: tf-slim's losses, which are contrib.losses moved out of TensorFlow.

TF1 argument order is kept (``predictions``/``logits`` first, then labels), unlike ``tf.losses``.
"""
from tf1compat.shims.contrib.module_hooks import contrib_module_hooks
from tf1compat.shims.contrib import tf_slim_aliases  # noqa: F401  (first: restores the aliases tf_slim needs)
from tf_slim.losses import loss_ops, metric_learning

__all__ = sorted(set(loss_ops.__all__) | {"metric_learning"})
globals().update({name: getattr(loss_ops, name) for name in loss_ops.__all__})

__getattr__, __dir__ = contrib_module_hooks("contrib.losses", __name__, __all__)
