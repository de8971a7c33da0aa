"""``tf.contrib.framework`` for TF1 scripts: tf-slim's arg_scope and variable helpers, plus core aliases."""
import tensorflow

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks
from tf1compat.shims.contrib import tf_slim_aliases  # noqa: F401  (first: restores the aliases tf_slim needs)
from tf_slim.ops import arg_scope as _arg_scope, variables as _variables

_v1 = tensorflow.compat.v1
_SLIM_MODULES = (_arg_scope, _variables)
# contrib.framework name -> the TF 2.21 object with the same behaviour in graph mode.
_CORE = {
    "nest": tensorflow.nest,
    "is_tensor": tensorflow.is_tensor,
    "list_variables": _v1.train.list_variables,
    "load_variable": _v1.train.load_variable,
    "load_checkpoint": _v1.train.load_checkpoint,
    "init_from_checkpoint": _v1.train.init_from_checkpoint,
    "argsort": tensorflow.argsort,
    "sort": tensorflow.sort,
}

__all__ = sorted({name for module in _SLIM_MODULES for name in module.__all__} | set(_CORE) | {"get_name_scope"})
globals().update({name: getattr(module, name) for module in _SLIM_MODULES for name in module.__all__})
globals().update(_CORE)


def get_name_scope():
    """The current name scope of the default graph, e.g. ``"outer/inner"`` (``""`` at top level)."""
    return _v1.get_default_graph().get_name_scope()


__getattr__, __dir__ = contrib_module_hooks("contrib.framework", __name__, __all__)
