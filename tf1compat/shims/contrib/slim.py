"""``tf.contrib.slim`` for TF1 scripts: the tf-slim package, which is contrib.slim moved out of TensorFlow."""
from tf1compat.shims.contrib.module_hooks import contrib_module_hooks
from tf1compat.shims.contrib.tf_slim_aliases import tf_slim
import tf_slim.nets  # noqa: E402  contrib.slim imported its model zoo (`slim.nets.vgg`) eagerly too

_PY2_FUTURES = {"absolute_import", "division", "print_function"}
__all__ = sorted(name for name in vars(tf_slim) if not name.startswith("_") and name not in _PY2_FUTURES)
globals().update({name: getattr(tf_slim, name) for name in __all__})

__getattr__, __dir__ = contrib_module_hooks("contrib.slim", __name__, __all__)
