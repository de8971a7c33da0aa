"""One line instead of a raw error when code outside the legacy scope trips on a TF1-only name.

``AttributeError: module 'tensorflow' has no attribute 'variable_scope'`` raised in an
installed package the script imports becomes::

    `oldtfhelpers/__init__.py` uses TF1 API (tf.variable_scope) but is outside the legacy scope:
    it is the installed package `oldtfhelpers`; run with --legacy-package oldtfhelpers (or list it
    under [tool.tf1compat] legacy-packages)
"""
import os
import re
import sys

from tf1compat.api import table as api_table
from tf1compat.scope import distributions, environment, roots

_MISSING_ATTRIBUTE = re.compile(r"^module '(tensorflow(?:\.[\w.]+)?)' has no attribute '(\w+)'$")
_TF1_ONLY_MODULES = ("tensorflow.contrib", "tensorflow.examples")


def hint_for(error, traceback):
    """The hint line for ``error`` (its ``traceback``), or ``None`` when it is not a TF1 name used outside the scope."""
    name = tf1_name(error)
    if name is None:
        return None
    path = failing_file(traceback)
    if path is None or roots.is_legacy(path):
        return None
    shown, owner, option, key = _owner(path)
    return (f"`{shown}` uses TF1 API (tf.{name}) but is outside the legacy scope: {owner}; "
            f"run with {option} (or list it under [tool.tf1compat] {key})")


def tf1_name(error):
    """The TF1 name (relative to ``tf``) a real-TensorFlow error is about, or ``None`` if it is not a TF1 name."""
    if isinstance(error, ModuleNotFoundError) and (error.name or "").startswith(_TF1_ONLY_MODULES):
        return error.name[len("tensorflow."):]
    if not isinstance(error, AttributeError) or not error.args:
        return None
    match = _MISSING_ATTRIBUTE.match(str(error.args[0]))
    if match is None:
        return None
    module = re.sub(r"^tensorflow(\._api\.v2)?\.?", "", match.group(1))
    name = f"{module}.{match.group(2)}" if module else match.group(2)
    return name if _is_tf1_api(name) else None


def failing_file(traceback):
    """The innermost frame's file that is neither TensorFlow's, tf1compat's nor the import system's."""
    tensorflow = sys.modules.get("tensorflow")
    tensorflow_dir = environment.as_folder(os.path.dirname(tensorflow.__file__)) if tensorflow else None
    found = None
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        path = os.path.abspath(filename)
        if not (filename.startswith("<") or path.startswith(environment.PACKAGE_DIR)
                or (tensorflow_dir and path.startswith(tensorflow_dir))):
            found = path
        traceback = traceback.tb_next
    return found


def _is_tf1_api(name):
    if api_table.lookup(name) is not None or api_table.is_namespace(name):
        return True
    tensorflow = sys.modules.get("tensorflow")
    target = getattr(getattr(tensorflow, "compat", None), "v1", None)
    for part in name.split("."):
        target = getattr(target, part, None)
    return target is not None


def _owner(path):
    """``(file as shown, what it is, the option that fixes it, the pyproject key)`` for an out-of-scope ``path``."""
    entry = _sys_path_entry(path)
    if entry and environment.is_installed_entry(entry):
        top = _top_package(path, entry)
        names = [name for name in distributions.distribution_names(top)
                 if distributions.normalise(name) != distributions.normalise(top)]
        extra = f" (distribution `{names[0]}`)" if names else ""
        return (os.path.relpath(path, entry), f"it is the installed package `{top}`{extra}",
                f"--legacy-package {top}", "legacy-packages")
    folder = _package_parent(path) if entry is None else (entry or os.getcwd())
    shown_folder = _shorter(folder)
    return (_shorter(path), f"it is in the folder `{shown_folder}`", f"--legacy {shown_folder}", "legacy-paths")


def _sys_path_entry(path):
    """The deepest ``sys.path`` entry (absolute; ``''`` as the working directory) holding ``path``, or ``None``."""
    holders = [entry for entry in sys.path if isinstance(entry, str)
               and path.startswith(environment.as_folder(entry or os.getcwd()))]
    if not holders:
        return None
    deepest = max(holders, key=lambda entry: len(environment.as_folder(entry or os.getcwd())))
    return os.path.abspath(deepest) if deepest else ""


def _top_package(path, entry):
    first = os.path.relpath(path, entry).split(os.sep)[0]
    return first[:-3] if first.endswith(".py") else first


def _package_parent(path):
    """The folder above ``path``'s outermost package (folders with ``__init__.py``)."""
    folder = os.path.dirname(path)
    while os.path.isfile(os.path.join(folder, "__init__.py")) and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
    return folder


def _shorter(path):
    relative = os.path.relpath(path)
    return relative if len(relative) < len(path) else path
