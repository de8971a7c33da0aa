"""Which files are legacy: the folders and packages of the legacy scope, and the verdict for one file.

A file is legacy when the deepest folder that claims it is a legacy root rather than a
folder of the installed environment (``environment.installed_folders``). Legacy roots are
the script's folder tree, the folders and packages the user names (``--legacy``,
``--legacy-package``, ``[tool.tf1compat]``), and every ``sys.path`` entry that is not part of
the installed environment: ``PYTHONPATH`` folders and folders the script inserts while it
runs. Verdicts are cached per file and forgotten whenever ``sys.path`` changes.
"""
import collections
import os
import sys

from tf1compat.scope import environment

Root = collections.namedtuple("Root", "path reason")  # path: a folder ending in os.sep, or one module file

SYS_PATH_ALL, SYS_PATH_ADDED, SYS_PATH_NONE = "all", "added", "none"

_named = []  # Root: the script's tree, named folders and packages
_state = {"active": False, "sys_path": SYS_PATH_NONE, "baseline": frozenset()}
_verdicts = {}  # filename -> legacy?
_cache = {"sys_path": None, "roots": [], "installed": []}  # sys.path as of the verdicts: its roots, installed folders


def enable(sys_path_entries=SYS_PATH_ALL):
    """Turn the scope on; which ``sys.path`` entries are roots: ``"all"``, ``"added"`` from now on, or ``"none"``."""
    if not _state["active"]:
        _state.update(active=True, baseline=frozenset(sys.path))
    widest = (SYS_PATH_NONE, SYS_PATH_ADDED, SYS_PATH_ALL)
    _state["sys_path"] = max(_state["sys_path"], sys_path_entries, key=widest.index)
    _forget()


def active():
    return _state["active"]


def add(path, reason):
    """Make ``path`` (a folder, or a module file) legacy, for ``reason`` (shown by ``--report``)."""
    path = os.path.abspath(path) if os.path.isfile(path) else environment.as_folder(path)
    if all(root.path != path for root in _named):
        _named.append(Root(path, reason))
        _forget()


def clear():
    """Forget every root and turn the scope off (``deactivate``)."""
    _named.clear()
    _state.update(active=False, sys_path=SYS_PATH_NONE, baseline=frozenset())
    _forget()


def is_legacy(filename):
    """Whether code in ``filename`` is legacy (sees the TF1 API)."""
    if _cache["sys_path"] != sys.path:
        _forget()
        _cache["sys_path"] = list(sys.path)
        _cache["roots"] = sys_path_roots()
        _cache["installed"] = [environment.as_folder(entry) for entry in dict.fromkeys(sys.path)
                               if isinstance(entry, str) and entry and environment.is_installed_entry(entry)]
    verdict = _verdicts.get(filename)
    if verdict is None:
        verdict = _verdicts[filename] = _decide(os.path.abspath(filename))
    return verdict


def scope_roots():
    """Every legacy root now: the named ones, then the ``sys.path`` entries."""
    return [*_named, *(root for root in sys_path_roots() if all(root.path != named.path for named in _named))]


def sys_path_roots():
    """The ``sys.path`` entries that are legacy roots now, each with why."""
    if _state["sys_path"] == SYS_PATH_NONE:
        return []
    from_environment = {os.path.abspath(each) for each in os.environ.get("PYTHONPATH", "").split(os.pathsep) if each}
    roots = []
    for entry in dict.fromkeys(sys.path):
        if not isinstance(entry, str) or environment.is_installed_entry(entry):
            continue
        if _state["sys_path"] == SYS_PATH_ADDED and entry in _state["baseline"]:
            continue
        if os.path.abspath(entry) in from_environment:
            reason = "sys.path entry from PYTHONPATH"
        elif entry in _state["baseline"]:
            reason = "sys.path entry"
        else:
            reason = "sys.path entry the program added"
        roots.append(Root(environment.as_folder(entry), reason))
    return roots


def claiming_root(path):
    """The deepest legacy root that contains ``path`` (absolute), or ``None``."""
    candidates = [root for root in (*_named, *_cache_roots()) if _contains(root.path, path)]
    return max(candidates, key=lambda root: len(root.path), default=None)


def _decide(path):
    if not _state["active"] or path.startswith(environment.PACKAGE_DIR) or os.path.basename(path).startswith("<"):
        return False  # (`<string>`, `<frozen ...>`: code with no file is never under a folder)
    root = claiming_root(path)
    # A tie goes to the root: a folder the user named inside site-packages is what they asked for.
    return root is not None and len(root.path) >= len(environment.deepest_installed_folder(path, _cache["installed"]))


def _cache_roots():
    return _cache["roots"] if _cache["sys_path"] == sys.path else sys_path_roots()


def _contains(root_path, path):
    return path == root_path if not root_path.endswith(os.sep) else path.startswith(root_path)


def _forget():
    _verdicts.clear()
    _cache["sys_path"] = None
