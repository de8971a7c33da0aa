"""The ``tensorflow`` a legacy script sees: ``tf.compat.v1`` plus shims for removed names."""
import importlib
import sys
import types

from tf1compat.api import table as api_table
from tf1compat.api import usage_report
from tf1compat.errors import error_for


def load_shim(target):
    """Import a shim named ``"package.module"`` or ``"package.module:attribute"``."""
    module_name, _, attribute = target.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attribute) if attribute else module


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
        if entry is not None and entry.kind == "provided":
            usage_report.record(name)
            return load_shim(entry.shim)
        if entry is not None and entry.kind == "removed":
            usage_report.record(name)
            raise unsupported(name)
        if entry is not None and entry.shim:  # a compat.v1 name adapted to older TF1 internals
            usage_report.record(name)
            return load_shim(entry.shim)
        real = getattr(wrapped, attribute, _MISSING) if wrapped is not None else _MISSING
        if api_table.is_namespace(name) or isinstance(real, types.ModuleType):
            usage_report.record(name)
            return _namespace(name, None if real is _MISSING else real, f"{self.__name__}.{attribute}")
        if real is not _MISSING:
            usage_report.record(name)
            return real
        fallback = api_table.lookup(name)
        if fallback is not None and fallback.kind == "removed":
            usage_report.record(name)
            raise unsupported(name)
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


def _real_version():
    return getattr(sys.modules.get("tensorflow"), "__version__", None)


def legacy_root():
    """The legacy ``tensorflow`` module: ``tf.compat.v1`` with the shims attached."""
    import tensorflow

    return _namespace("", tensorflow.compat.v1, "tensorflow")
