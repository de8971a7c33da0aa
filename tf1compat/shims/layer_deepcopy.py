"""TF 1.15's ``copy.deepcopy`` of a built TF1 layer or RNN cell: graph objects shared, the rest copied.

tf_keras's legacy ``Layer.__deepcopy__`` shares only the tensors held directly in a layer's attributes;
a built cell also holds its variables (whose tensors cannot be pickled) and, through them, the graph,
so the copy fails with ``cannot pickle 'SymbolicTensor' object``. The bucketed ``legacy_seq2seq``
models copy the cell once per bucket, after the first bucket built it. The patched ``__deepcopy__``
shares every tensor, variable, operation and graph at any depth -- as the copy of a TF 1.15 layer
shared its graph --, copies variable scopes shallowly (as TF 1.15 copied ``_scope``) and everything
else deeply (configuration, nested cells, lists).
"""
import copy
import sys
import threading

_LEGACY_BASE = "tf_keras.src.legacy_tf_layers.base"
_lock = threading.RLock()  # the sharing rules live in copy's global dispatch table while a copy runs


def _subclasses(root):
    found, pending = {root}, [root]
    while pending:
        for subclass in pending.pop().__subclasses__():
            if subclass not in found:
                found.add(subclass)
                pending.append(subclass)
    return found


def graph_object_types():
    """The exact types a copy shares: every tensor, variable, operation and graph class loaded now,
    and the graph's variable stores (variable scopes point at them)."""
    import tensorflow
    from tensorflow.python.ops import variable_scope

    kinds = {variable_scope._VariableStore, variable_scope._VariableScopeStore}
    for root in (tensorflow.Tensor, tensorflow.Variable, tensorflow.Operation, tensorflow.Graph):
        kinds |= _subclasses(root)
    return kinds


def scope_types():
    """The types a copy copies shallowly, as TF 1.15 copied a layer's ``_scope``: variable scopes."""
    from tensorflow.python.ops import variable_scope

    return {variable_scope.VariableScope, variable_scope.variable_scope}


def _shared(value, memo):
    return value


def _shallow(value, memo):
    return copy.copy(value)


def _copy_rules():
    rules = dict.fromkeys(graph_object_types(), _shared)
    rules.update(dict.fromkeys(scope_types(), _shallow))
    return {kind: rule for kind, rule in rules.items() if kind not in copy._deepcopy_dispatch}


def _sharing_graph_objects(original_deepcopy):
    def __deepcopy__(self, memo):
        with _lock:
            added = _copy_rules()
            copy._deepcopy_dispatch.update(added)
            try:
                return original_deepcopy(self, memo)
            finally:
                for kind in added:
                    del copy._deepcopy_dispatch[kind]

    __deepcopy__.__tf1compat_original__ = original_deepcopy
    return __deepcopy__


def install():
    """Patch tf_keras's legacy ``Layer.__deepcopy__`` once it is loaded; True when patched (now or before)."""
    base = sys.modules.get(_LEGACY_BASE)
    if base is None:
        return False
    layer = base.Layer
    if not hasattr(layer.__deepcopy__, "__tf1compat_original__"):
        layer.__deepcopy__ = _sharing_graph_objects(layer.__deepcopy__)
    return True


def uninstall():
    """Restore tf_keras's own ``__deepcopy__`` (for tests)."""
    base = sys.modules.get(_LEGACY_BASE)
    original = getattr(getattr(base, "Layer", None), "__deepcopy__", None) if base else None
    if original is not None and hasattr(original, "__tf1compat_original__"):
        base.Layer.__deepcopy__ = original.__tf1compat_original__
