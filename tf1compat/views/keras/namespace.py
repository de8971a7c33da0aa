"""The module views ``import keras`` yields in the legacy scope: one per Keras 2.2.4 module path.

A view is a plain module object (not in ``sys.modules``: library code keeps the real Keras 3)
whose names resolve on first look-up from the path's sources in ``layout.MODULES`` and are then
kept in its namespace. Its 2.2.4 submodules are attributes (``keras.layers.core``), so
``import keras.layers.core`` and ``from keras.layers.core import Dense`` both work.
"""
import importlib
import types

from tf1compat.errors import UnsupportedTF1APIAttributeError, UnsupportedTF1APIError, error_for
from tf1compat.views.keras import layout, table

VERSION = "2.2.4"  # what keras.__version__ starts with; the tf_keras release follows
_views = {}


def view(path="keras"):
    """The view of the Keras 2.2.4 module ``path`` (built once)."""
    module = _views.get(path)
    if module is None:
        if path in layout.UNSUPPORTED:
            why, instead = layout.UNSUPPORTED[path]
            raise UnsupportedTF1APIAttributeError(path, why, instead)
        if path not in layout.MODULES:
            parent = layout.parent_of(path) or "keras"
            raise UnsupportedTF1APIAttributeError(path, "Keras 2.2.4 had no such module", f"one of {parent}."
                                                  f"{{{', '.join(layout.children_of(parent))}}}")
        module = _views[path] = _KerasModuleView(path)
    return module


class _KerasModuleView(types.ModuleType):
    """One Keras 2.2.4 module, its names served from tf1compat's adaptations and tf_keras."""

    def __init__(self, path):
        super().__init__(path, f"Keras {VERSION} `{path}` (tf1compat view over tf_keras)")
        self.__dict__["__path__"] = []  # a package, so `import keras.x.y` walks through it
        if path == "keras":
            import tf_keras

            self.__dict__["__version__"] = f"{VERSION}-tf1compat (tf_keras {tf_keras.__version__})"

    def __getattr__(self, name):
        if name == "__all__":  # `from keras.layers import *`: every public name of the path's sources
            value = self.__dict__["__all__"] = [
                public for public in self.__dir__() if not public.startswith("_")
                and public not in table.REMOVED_NAMES and f"{self.__name__}.{public}" not in layout.UNSUPPORTED]
            return value
        if name.startswith("__"):
            raise AttributeError(name)
        path = self.__name__
        try:
            value = view(f"{path}.{name}") if name in layout.children_of(path) else _look_up(path, name)
        except UnsupportedTF1APIError as error:  # ImportError flavour inside `from keras.x import name`
            raise error_for(error.symbol, error.reason, error.replacement, depth=2) from None
        self.__dict__[name] = value
        return value

    def __dir__(self):
        names = set(self.__dict__) | set(layout.children_of(self.__name__))
        for source in layout.MODULES[self.__name__]:
            names.update(_public_names(source))
        return sorted(names)


def _look_up(path, name):
    removed = table.REMOVED_NAMES.get(name)
    if removed is not None:
        raise UnsupportedTF1APIAttributeError(f"{path}.{name}", removed.what, removed.replacement)
    for source in layout.MODULES[path]:
        if name in _public_names(source):
            return getattr(_source_object(source), name)
    raise AttributeError(f"module `{path}` (tf1compat's Keras 2.2 view) has no attribute `{name}`: neither "
                         f"Keras 2.2.4 nor tf_keras {_tf_keras_version()} defines it there")


def _source_object(source):
    module_name, _, attribute = source.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attribute) if attribute else module


def _public_names(source):
    holder = _source_object(source)
    if source.startswith("tf1compat."):
        return set(getattr(holder, "__all__", None) or vars(holder))
    return {name for name in dir(holder) if not name.startswith("_")}


def _tf_keras_version():
    import tf_keras

    return tf_keras.__version__
