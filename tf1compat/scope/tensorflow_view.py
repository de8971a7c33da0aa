"""The ``tensorflow`` a legacy script sees: ``tf.compat.v1`` plus shims for removed names."""
import importlib
import sys
import types

from tf1compat.api import table as api_table
from tf1compat.api import usage_report
from tf1compat.errors import error_for


def load_shim(target):
    """Import a shim named ``"package.module"`` or ``"package.module:attribute[.attribute...]"``."""
    module_name, _, attributes = target.partition(":")
    found = importlib.import_module(module_name)
    for attribute in attributes.split(".") if attributes else ():
        found = getattr(found, attribute)
    return found


def unsupported(name, depth=3):
    """The ``UnsupportedTF1APIError`` for TF1 name ``name`` (relative to ``tf``).

    ``depth`` counts frames up to the code that used the name (see ``errors.error_for``).
    """
    entry = api_table.lookup(name)
    if entry is None or entry.kind != "removed":
        entry = api_table.lookup("contrib.*")
    return error_for(f"tf.{name}", entry.reason, entry.tf2, entry.example, depth=depth)


class LegacyNamespace(types.ModuleType):
    """A read-through view of a TF1 module (or of a removed namespace such as ``tf.contrib``).

    Attribute look-ups consult ``api_table`` first (shims and removed names), then
    the wrapped ``tf.compat.v1`` module. Nothing is cached, so ``--report`` can count
    each use of a TF1 idiom.
    """

    def __init__(self, path, wrapped, module_name):
        super().__init__(module_name)
        # Stored in __dict__ under dunder names so they never shadow TF attributes.
        self.__dict__["__tf1_path__"] = path
        self.__dict__["__tf1_wrapped__"] = wrapped
        if wrapped is not None:
            self.__dict__["__doc__"] = getattr(wrapped, "__doc__", None)
            self.__dict__["__file__"] = getattr(wrapped, "__file__", None)
            self.__dict__["__version__"] = getattr(wrapped, "__version__", None) or _real_version()

    def __getattr__(self, attribute):
        if attribute.startswith("__") and attribute.endswith("__"):
            raise AttributeError(attribute)
        path = self.__dict__["__tf1_path__"]
        wrapped = self.__dict__["__tf1_wrapped__"]
        name = f"{path}.{attribute}" if path else attribute
        if name == _COMPAT_V1:
            # In TF1, tf.compat.v1 is the TF1 API itself: the same view, so `tf.compat.v1.estimator`
            # and `import tensorflow.compat.v1 as tf` see the table's entries too.
            return legacy_root()
        entry = api_table.TABLE.get(name)
        if entry is not None and entry.implements:
            # A TF1 package re-exported its modules' names (`from .arg_scope import *`): those win.
            exported = vars(wrapped).get(attribute, _MISSING) if wrapped is not None else _MISSING
            return module_view(name) if exported is _MISSING or _is_module(exported) else exported
        if entry is not None and entry.kind == "provided":
            usage_report.record(name)
            return load_shim(entry.shim)
        if entry is not None and entry.kind == "removed":
            usage_report.record(name)
            raise unsupported(name)
        if entry is not None and entry.shim:  # a compat.v1 name adapted to older TF1 internals
            if entry.counted:
                usage_report.record(name)
            return load_shim(entry.shim)
        real = getattr(wrapped, attribute, _MISSING) if wrapped is not None else _MISSING
        if real is _MISSING and _serves_module_path(path):
            real = _submodule(wrapped, attribute)
        if api_table.is_namespace(name) or (isinstance(real, types.ModuleType) and not _serves_module_path(path)):
            usage_report.record(name)
            return _namespace(name, None if real is _MISSING else real, f"{self.__name__}.{attribute}")
        if real is not _MISSING:
            usage_report.record(name)
            return real
        fallback = api_table.lookup(name)
        if fallback is not None and fallback.kind == "removed":
            usage_report.record(name)
            raise unsupported(name)
        if fallback is not None and fallback.implements and not attribute.startswith("_"):
            raise _not_in_module(name, fallback, attribute)
        raise AttributeError(f"module '{self.__name__}' has no attribute '{attribute}'")

    def __dir__(self):
        wrapped = self.__dict__["__tf1_wrapped__"]
        names = set(dir(wrapped)) if wrapped is not None else set()
        path = self.__dict__["__tf1_path__"]
        prefix = f"{path}." if path else ""
        for key, entry in api_table.TABLE.items():
            if key.startswith(prefix) and entry.kind == "provided":
                names.add(key[len(prefix):].split(".")[0])
        return sorted(names)

    def __repr__(self):
        return f"<tf1compat legacy module '{self.__name__}'>"


_MISSING = object()
_COMPAT_V1 = "compat.v1"
_NAMESPACES = {}


def _namespace(path, wrapped, module_name):
    # One view per TF1 module, so `tf.train is tf.train` as in TF1.
    view = _NAMESPACES.get(path)
    if view is None or view.__dict__["__tf1_wrapped__"] is not wrapped:
        view = _NAMESPACES[path] = LegacyNamespace(path, wrapped, module_name)
    return view


def module_view(path):
    """The view of TF1 implementation module ``tf.<path>`` (``contrib.rnn.python.ops.rnn_cell``): its serving module's names."""
    entry = api_table.TABLE[path]
    usage_report.record(path)
    return _namespace(path, load_shim(entry.shim), f"tensorflow.{path}")


def _serves_module_path(path):
    # A TF1 implementation module's view hands out its modules as they are (tf_slim.nets.vgg, tf.nest).
    entry = api_table.TABLE.get(path)
    return entry is not None and entry.implements is not None


def _is_module(value):
    return isinstance(value, (types.ModuleType, types.SimpleNamespace))


def _submodule(package, attribute):
    # `from tensorflow.python.ops import gen_foo_ops` imports the submodule, as Python's own import does.
    if not hasattr(package, "__path__"):
        return _MISSING
    try:
        return importlib.import_module(f"{package.__name__}.{attribute}")
    except ImportError:
        return _MISSING


def _not_in_module(name, entry, attribute):
    module = name.rpartition(".")[0]
    reason = (f"tf1compat serves TF1's module `tensorflow.{module}` with the names of `tf.{entry.implements}` "
              f"(`{entry.shim}`), and `{attribute}` is not among them")
    return error_for(f"tf.{name}", reason, entry.tf2, entry.example, depth=3)


def import_target(name):
    """What ``from <name> import ...`` reads from, ``name`` being ``tensorflow.<path>``: an implementation
    module path by its own entry (a package's same-named export must not hide it), else attribute by attribute."""
    path = name.partition(".")[2]
    entry = api_table.TABLE.get(path)
    if entry is not None and entry.implements:
        return module_view(path)
    target = legacy_root()
    for attribute in path.split(".") if path else ():
        target = getattr(target, attribute)
    return target


def _real_version():
    return getattr(sys.modules.get("tensorflow"), "__version__", None)


def legacy_root():
    """The legacy ``tensorflow`` module: ``tf.compat.v1`` with the shims attached."""
    import tensorflow

    _patch_layer_deepcopy()
    return _namespace("", tensorflow.compat.v1, "tensorflow")


_deepcopy_hook_added = False


def _patch_layer_deepcopy():
    # Built TF1 cells deep-copy as in TF 1.15 once tf_keras's legacy layers load (after some later import).
    global _deepcopy_hook_added
    if not _deepcopy_hook_added:
        from tf1compat.scope import import_hook
        from tf1compat.shims import layer_deepcopy

        _deepcopy_hook_added = True
        if not layer_deepcopy.install():
            import_hook.add_after_import_hook(layer_deepcopy.install)
