"""The legacy-stack engine: one package's table of removed names, served by module views inside the legacy scope.

Each view module of ``tf1compat.views`` (scipy, pillow, sklearn, pandas, matplotlib) is a table
(``tf1compat.views.legacy_name.LegacyName`` entries, keyed by the dotted path under the package)
plus the functions that give the old behaviour; ``LegacyPackage`` turns that table into what the
import hook needs:

- ``legacy_import``: what ``__import__`` returns in the scope: a module view of each real module
  that has (or leads to) a removed name: a plain module whose namespace is a copy of the real
  module's, so look-ups cost what they cost on the real module (a plain module keeps Python's
  fast path for module attributes; a ModuleType subclass would lose it), and whose module-level
  ``__getattr__`` serves the removed names (first look-up recorded for ``--report``, then cached). Removed module paths
  (``sklearn.cross_validation``) are served by the module that provides them.
- methods and properties of real classes (``DataFrame.as_matrix``): added to the class when the
  view is first used, as a descriptor that answers only code in the legacy scope (elsewhere
  ``AttributeError``, as before). The class attribute itself is visible process-wide (``dir``, and
  on the class); packages whose own code reads every name of ``dir(instance)`` (matplotlib) get
  plain methods, seen everywhere.
- keywords a real method no longer takes (``Axes.hist(normed=)``): the method is wrapped; calls
  without the keyword, and calls from outside the scope, go to the original unchanged.
- defaults that changed (``ImageFont.load_default()``, the font ``draw.text`` uses with none given):
  the function is wrapped the same way; the first caller outside the package decides which default
  it gets.
"""
import collections
import functools
import importlib
import os
import sys
import types

from tf1compat.views import legacy_name as kinds

_TF1COMPAT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


def _hook():
    from tf1compat.scope import import_hook

    return import_hook


def resolve(reference):
    """``"module:attribute"`` -> the object; ``"module"`` -> the module."""
    module_name, _, attribute = reference.partition(":")
    module = importlib.import_module(module_name)
    return functools.reduce(getattr, attribute.split("."), module) if attribute else module


def caller_frame(skip_dirs=()):
    """The innermost frame whose code is neither tf1compat's nor in one of ``skip_dirs`` (a package's own)."""
    frame = sys._getframe(1)
    while frame is not None and (frame.f_code.co_filename.startswith((_TF1COMPAT_DIR, "<frozen", *skip_dirs))):
        frame = frame.f_back
    return frame


def keyword_wrapper(original, served, keywords, translate):
    """A ``KEYWORD`` entry's usual wrapper: ``original``, except that a call passing one of ``keywords`` whose first
    caller outside the package is in the scope gets ``translate(original, args, kwargs)``."""

    @functools.wraps(original)
    def call(*args, **kwargs):
        if any(keyword in kwargs for keyword in keywords) and served():
            return translate(original, args, kwargs)
        return original(*args, **kwargs)

    return call


class ScopedAttribute:
    """A method or property added to a real class that only code in the legacy scope can see."""

    def __init__(self, package, key, function, is_property):
        self._package, self._key, self._function, self._is_property = package, key, function, is_property
        self._name = key.rpartition(".")[2]

    def __get__(self, instance, owner=None):
        if instance is None:  # on the class: the function, so tools that walk dir(cls) keep working
            return self._function
        frame = sys._getframe(1)
        if not _hook().in_scope(frame.f_code.co_filename):
            raise AttributeError(f"'{type(instance).__name__}' object has no attribute '{self._name}'")
        self._package.record(self._key, frame)
        return self._function(instance) if self._is_property else types.MethodType(self._function, instance)


class LegacyPackage:
    """One package of the 2018 stack: its table, its module views, its usage record."""

    def __init__(self, top, display, table, live=None, scoped_attributes=True):
        """``live``: ``{module path: names}`` the view never copies (each look-up asks the real module), for globals
        others rebind after import (``pyplot.show``, patched by the runner's headless figures).
        ``scoped_attributes=False``: methods added to real classes are plain functions, seen process-wide (for
        packages whose own code reads every name in ``dir(instance)``, as matplotlib's ``setp`` does)."""
        self.top, self.display, self.table = top, display, table
        self._live = {path: frozenset(names) for path, names in (live or {}).items()}
        self._scoped_attributes = scoped_attributes
        self._names = collections.defaultdict(dict)  # module path -> {attribute: key} served by __getattr__
        self._view_paths = {top}
        for key, entry in table.items():
            if entry.kind in (kinds.NAME, kinds.MODULE):
                module, _, attribute = f"{top}.{key}".rpartition(".")
                self._names[module][attribute] = key
                parts = module.split(".")
                self._view_paths.update(".".join(parts[:depth]) for depth in range(1, len(parts) + 1))
        self._removed = {f"{top}.{key}": key for key, entry in table.items() if entry.kind == kinds.MODULE}
        self._views = {}
        self._installed = []  # (class, attribute, previous value or None)
        self._code = None  # the package's own code locations (_own_code), found on first use
        self._uses = collections.Counter()
        self._sites = collections.defaultdict(set)

    # --- import --------------------------------------------------------------------------------------
    def legacy_import(self, name, globals=None, locals=None, fromlist=(), level=0):  # pylint: disable=redefined-builtin
        """What ``__import__(name, ...)`` returns for code in the legacy scope."""
        real_import = _hook()._original_import  # pylint: disable=protected-access
        # The names the view serves are not asked of the real module: its own __getattr__ may raise ImportError
        # for them (scikit-learn's does for load_boston), and the view's answer is returned below anyway.
        asked = tuple(item for item in fromlist or () if item not in self._names.get(name, {}))
        try:
            module = real_import(name, globals, locals, asked, level)
        except ModuleNotFoundError:
            removed = next((path for path in self._removed if name == path or name.startswith(path + ".")), None)
            if removed is None and name not in self._view_paths:
                raise
            real_import((removed or name).rpartition(".")[0], globals, locals, (), 0)
            if removed:
                self.record(self._removed[removed], caller_frame())
            module = None
        self.install_attributes()  # after the package's own import: its classes are complete
        if fromlist:
            return self.view(name) if module is None or name in self._view_paths else module
        return self.view(self.top)

    def view(self, path):
        """The module ``import path`` gives in the scope (built once)."""
        view = self._views.get(path)
        if view is None:
            view = self._views[path] = self._build(path)
        return view

    def _build(self, path):
        removed = next((prefix for prefix in self._removed if path == prefix or path.startswith(prefix + ".")), None)
        if removed is not None:  # served by its provider, e.g. sklearn.cross_validation -> ours, externals.joblib -> joblib
            provider = resolve(self.table[self._removed[removed]].value)
            return importlib.import_module(provider.__name__ + path[len(removed):]) if path != removed else provider
        try:
            real = importlib.import_module(path)
        except ModuleNotFoundError:
            if path not in self._view_paths:
                raise
            real = types.ModuleType(path)  # gone since (scipy.misc in SciPy 2): the view holds the old names alone
        if path not in self._view_paths:
            return real
        view = types.ModuleType(path, real.__doc__)
        # Not copied: the removed names, viewed submodules and live names (served by __getattr__), and the module's
        # own __getattr__ / __dir__ (lazy submodules): the view's __getattr__ asks the real module.
        skipped = set(self._names.get(path, {})) | self._live.get(path, set()) | {"__getattr__", "__dir__"}
        view.__dict__.update((key, value) for key, value in real.__dict__.items()
                             if key not in skipped and not self._has_view(value))
        view.__dict__["__getattr__"] = lambda name: self.serve(view, path, real, name)
        view.__dict__["__dir__"] = lambda: sorted(set(dir(real)) | set(self.names_of(path)))
        return view

    def _has_view(self, value):
        return isinstance(value, types.ModuleType) and getattr(value, "__name__", None) in self._view_paths

    def serve(self, view, path, real, name):
        """``view.name`` for a name the view's namespace lacks: a removed name, a viewed submodule, or the real one."""
        key = self._names.get(path, {}).get(name)
        if key is not None:
            self.record(key, caller_frame())
            entry = self.table[key]
            value = self.view(f"{path}.{name}") if entry.kind == kinds.MODULE else resolve(entry.value)
        else:
            value = getattr(real, name)  # lazy submodules, later additions, live names, the real error for unknown names
            if not self._has_view(value):
                return value
            value = self.view(value.__name__)
        view.__dict__[name] = value
        return value

    def names_of(self, path):
        """The removed names the view of ``path`` serves."""
        return self._names.get(path, {})

    # --- methods of real classes -----------------------------------------------------------------------
    def install_attributes(self):
        """Add the table's methods, properties and keyword wrappers to the real classes (once; never over a real name)."""
        if self._installed:
            return
        self._installed.append((None, None, None))  # installed, even if the table has nothing to add
        for key, entry in self.table.items():
            if entry.kind not in (kinds.METHOD, kinds.PROPERTY, kinds.KEYWORD, kinds.DEFAULT):
                continue
            attribute = key.rpartition(".")[2].partition("(")[0]
            for owner in entry.owners:
                cls = resolve(owner)
                previous = cls.__dict__.get(attribute)
                if entry.kind in (kinds.KEYWORD, kinds.DEFAULT):
                    if previous is None:
                        continue
                    setattr(cls, attribute, resolve(entry.value)(previous, functools.partial(self.served_to, key)))
                elif hasattr(cls, attribute):
                    continue  # the package has it again: the real one wins
                elif self._scoped_attributes:
                    setattr(cls, attribute, ScopedAttribute(self, key, resolve(entry.value),
                                                            entry.kind == kinds.PROPERTY))
                else:
                    function = self._recorded(key, resolve(entry.value))
                    setattr(cls, attribute, property(function) if entry.kind == kinds.PROPERTY else function)
                self._installed.append((cls, attribute, previous))

    def _recorded(self, key, function):
        @functools.wraps(function)
        def recorded(*args, **kwargs):
            self.record(key, caller_frame())
            return function(*args, **kwargs)

        return recorded

    def uninstall_attributes(self):
        """Take the added attributes off the real classes again (``deactivate``)."""
        for cls, attribute, previous in reversed(self._installed):
            if cls is None:
                continue
            if previous is None:
                delattr(cls, attribute)
            else:
                setattr(cls, attribute, previous)
        self._installed.clear()

    def served_to(self, key, skip_dirs=()):
        """Whether the code calling a keyword or default wrapper is in scope (its first frame outside the package's
        own code and ``skip_dirs``: the package calls its own functions on the caller's behalf); records the use."""
        frame = caller_frame((*self._own_code(), *skip_dirs))
        if frame is None or not _hook().in_scope(frame.f_code.co_filename):
            return False
        self.record(key, frame)
        return True

    def _own_code(self):
        """The package's code locations (its folders, or its file for a one-file module), as path prefixes."""
        if self._code is None:
            module = sys.modules.get(self.top) or importlib.import_module(self.top)
            folders = getattr(module, "__path__", None)
            self._code = tuple(os.path.abspath(folder) + os.sep for folder in folders) if folders else tuple(
                filter(None, [getattr(module, "__file__", None)]))
        return self._code

    # --- usage -------------------------------------------------------------------------------------------
    def record(self, key, frame):
        """Count one use of ``key`` by the code running in ``frame``."""
        self._uses[key] += 1
        if frame is not None:
            self._sites[key].add((frame.f_code.co_filename, frame.f_lineno))

    def uses(self):
        """``{key: (uses, distinct call sites)}``."""
        return {key: (count, len(self._sites[key])) for key, count in self._uses.items()}

    def report_lines(self):
        """The ``--report`` lines: each removed name the run used, its replacement and where it was first used."""
        lines = []
        for key in sorted(self._uses):
            entry = self.table[key]
            count = self._uses[key]
            verb = "changed" if entry.kind == kinds.DEFAULT else "removed"
            lines.append(f"  {self.spelling(key):<40} [{verb} in {self.display} {entry.removed_in}] -> "
                         f"{entry.replacement} ({count} use{'s' if count != 1 else ''}, first at {self._first_site(key)})")
        return lines

    def spelling(self, key):
        """How a script spells ``key``: ``scipy.misc.imread``, ``DataFrame.as_matrix``."""
        scoped = (kinds.METHOD, kinds.PROPERTY, kinds.KEYWORD, kinds.DEFAULT)
        return key if self.table[key].kind in scoped else f"{self.top}.{key}"

    def _first_site(self, key):
        if not self._sites[key]:
            return "?"
        filename, line = min(self._sites[key])
        relative = os.path.relpath(filename) if os.path.isabs(filename) else filename
        return f"{filename if relative.startswith('..') else relative}:{line}"
