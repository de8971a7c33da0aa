"""The legacy scope: where ``import tensorflow`` yields the TF1 API (and ``import numpy`` NumPy 1.x).

A wrapper around ``builtins.__import__`` looks at the importing module's file: if
it is legacy (``roots``: the script's folder tree, ``sys.path`` folders outside the
installed environment, what the user names), ``tensorflow`` and its submodules resolve to
the legacy view, and each package of the 2018 stack with a legacy view
(``tf1compat.views.registry.VIEWS``: numpy, scipy, PIL, sklearn, pandas, matplotlib, keras) to
that view, unless turned off (``real``); everywhere else the real import runs.
"""
import builtins
import os
import sys

from tf1compat.cli import quiet
from tf1compat.errors import UnsupportedTF1APIError, as_import_error
from tf1compat.scope import roots

_original_import = builtins.__import__
_namespaces = {}  # id(globals dict) -> that dict: notebook namespaces (no __file__) whose code is legacy
_after_import_hooks = []  # callables run after imports until they return True
_runtime_hooks = []  # callables run once TensorFlow is loaded in TF1 mode
_runtime_ready = False
_import_depth = 0  # hooks run only when the outermost import statement is done
_legacy_views = frozenset()  # top-level names whose `import` in the scope gives the legacy view
_view_modules = {}  # top-level name -> its view module, or None (not installed / no view): the real import


def activate(root=None, legacy_numpy=True, sys_path_entries=roots.SYS_PATH_ALL, real=()):
    """Make ``root``'s folder tree a legacy scope (and prepare the TF1 runtime settings).

    ``sys_path_entries``: which ``sys.path`` folders outside the installed environment are
    legacy too: ``"all"`` (the runner), ``"added"`` after this call, or ``"none"``.

    Must run before TensorFlow is first imported for ``tf.layers`` / ``rnn_cell``
    to work: TF picks its Keras at import time. ``real``: top-level names (``"numpy"``,
    ``"PIL"``, ...) that stay real in the scope too (the runner's ``--real PACKAGE``);
    ``legacy_numpy=False`` is ``real=("numpy",)``.
    """
    global _legacy_views
    from tf1compat.views import registry

    os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
    _legacy_views = frozenset(registry.VIEWS) - set(real) - ({"numpy"} if not legacy_numpy else set())
    _view_modules.clear()
    if "numpy" in _legacy_views:
        from tf1compat.views.numpy import scalar_conversions

        scalar_conversions.install(in_scope)
    quiet.set_native_log_level()
    if builtins.__import__ is not _scoped_import:
        builtins.__import__ = _scoped_import
    roots.enable(sys_path_entries)
    if root is not None:
        roots.add(root, "the script's folder tree")


def deactivate():
    """Remove every legacy root and restore the normal import (for tests and notebooks)."""
    global _legacy_views
    from tf1compat.views import registry

    builtins.__import__ = _original_import
    _legacy_views = frozenset()
    _view_modules.clear()
    for _, view in registry.loaded_view_modules():
        if hasattr(view, "uninstall"):
            view.uninstall()
    if "tf1compat.views.numpy.scalar_conversions" in sys.modules:
        sys.modules["tf1compat.views.numpy.scalar_conversions"].uninstall()
    roots.clear()
    _namespaces.clear()


def include_namespace(namespace):
    """Make code whose globals are the dict ``namespace`` legacy: a notebook's user namespace has no ``__file__``.

    Functions defined in notebook cells share that dict, so they are legacy too. Call ``activate`` as well.
    """
    _namespaces[id(namespace)] = namespace  # the value keeps the dict alive, so its id is never reused


def add_after_import_hook(hook):
    """Run ``hook()`` after each import until it returns True (e.g. to patch pyplot once loaded)."""
    _after_import_hooks.append(hook)


def add_runtime_hook(hook):
    """Run ``hook()`` once TensorFlow is loaded and switched to TF1 behaviour (or now, if it is)."""
    if _runtime_ready:
        hook()
    else:
        _runtime_hooks.append(hook)


def viewed(top):
    """Whether code in the scope gets the legacy view of the package ``top`` (``"numpy"``, ``"PIL"``, ...)."""
    return top in _legacy_views


def in_scope(filename):
    """Whether code in ``filename`` sees the TF1 API."""
    return roots.is_legacy(filename)


def _scoped_import(name, globals=None, locals=None, fromlist=(), level=0):
    global _import_depth
    _import_depth += 1
    try:
        top = name.partition(".")[0] if level == 0 else ""
        if (top == "tensorflow" or top in _legacy_views) and globals and roots.active():
            filename = globals.get("__file__")
            if id(globals) in _namespaces or (filename and in_scope(filename)):
                if top == "tensorflow":
                    return _legacy_import(name, fromlist)
                view = _view_module(top)
                if view is not None:
                    return view.legacy_import(name, globals, locals, fromlist, level)
        return _original_import(name, globals, locals, fromlist, level)
    finally:
        _import_depth -= 1
        if _after_import_hooks and _import_depth == 0:
            _run_after_import_hooks()


def _run_after_import_hooks():
    for hook in list(_after_import_hooks):
        if hook():
            _after_import_hooks.remove(hook)


def ensure_tf1_runtime():
    """Import TensorFlow quietly and switch it to TF1 behaviour (graph mode), once."""
    global _runtime_ready
    if _runtime_ready:
        return
    tensorflow = quiet.import_tensorflow(_original_import)
    quiet.quiet_python_logs()
    tensorflow.compat.v1.disable_v2_behavior()
    _runtime_ready = True
    while _runtime_hooks:
        _runtime_hooks.pop(0)()


def _view_module(top):
    try:
        return _view_modules[top]
    except KeyError:
        from tf1compat.views import registry

        view = _view_modules[top] = registry.view_module(top)
        return view


def _legacy_import(name, fromlist):
    from tf1compat.scope.tensorflow_view import import_target, legacy_root

    ensure_tf1_runtime()
    root = legacy_root()
    try:
        target = import_target(name)
    except UnsupportedTF1APIError as error:
        raise as_import_error(error) from None
    except AttributeError:
        # A real submodule the TF1 API does not list (tensorflow.python...): import it as is.
        real = _original_import(name, None, None, fromlist, 0)
        return real if fromlist else root
    return target if fromlist else root
