"""``tf.contrib.cluster_resolver`` for TF1 scripts: the same classes as ``tf.distribute.cluster_resolver``."""
import tensorflow

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks

_resolvers = tensorflow.distribute.cluster_resolver
__all__ = sorted(name for name in dir(_resolvers) if not name.startswith("_"))
globals().update({name: getattr(_resolvers, name) for name in __all__})

__getattr__, __dir__ = contrib_module_hooks("contrib.cluster_resolver", __name__, __all__)
