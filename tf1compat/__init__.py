"""Run TensorFlow 1.x code unchanged on TensorFlow 2: ``python -m tf1compat SCRIPT``."""
import importlib.util
import os
import sys

from tf1compat.errors import (UnsupportedLegacyAPIError, UnsupportedTF1APIAttributeError, UnsupportedTF1APIError,
                              UnsupportedTF1APIImportError)
from tf1compat.scope import project_settings
from tf1compat.scope.import_hook import activate, deactivate
from tf1compat.scope.project_settings import LegacyScopeError

__all__ = [
    "UnsupportedTF1APIError",
    "UnsupportedTF1APIAttributeError",
    "UnsupportedTF1APIImportError", "LegacyScopeError",
    "UnsupportedLegacyAPIError",
    "activate", "deactivate", "load_legacy_module", "load_ipython_extension"]
__version__ = "0.1.0"


def load_ipython_extension(ipython):
    """``%load_ext tf1compat``: the notebook's next cells (and modules from its folder) see the TF1 API.

    Put it in the first cell, before anything imports TensorFlow.
    """
    from tf1compat.notebooks import extension

    extension.load_ipython_extension(ipython)


def load_legacy_module(path, name=None, *, legacy_paths=(), legacy_packages=()):
    """Import the Python file ``path`` in a legacy scope and return the module.

    Its folder tree becomes a legacy scope (``import tensorflow`` gives the TF1 API
    there), with the folders it adds to ``sys.path`` while it runs, the lists of the nearest
    ``pyproject.toml`` ``[tool.tf1compat]``, and what the keywords name; the caller's own
    ``sys.path`` folders stay real. Its ``if __name__ == "__main__":`` block does not run.
    For notebooks and tests; call it before anything imports TensorFlow so ``tf.layers`` works.

    Args:
        path: the ``.py`` file.
        name: the module name to register in ``sys.modules`` (default: the file stem).
        legacy_paths: further folders of TF1 code (as ``--legacy DIR``).
        legacy_packages: further packages or installed distributions of TF1 code (as ``--legacy-package``).

    Raises:
        FileNotFoundError: ``path`` does not exist.
        LegacyScopeError: a named folder or package does not exist, or ``pyproject.toml`` is malformed.
    """
    path = os.path.abspath(path)
    if not os.path.isfile(path):
        raise FileNotFoundError(f"`{path}`: no such file; give the path of a TF1 Python file")
    project_settings.apply(os.path.dirname(path), legacy_paths, legacy_packages, project_settings.KEYWORD_LABELS)
    activate(os.path.dirname(path), sys_path_entries="added")
    name = name or os.path.splitext(os.path.basename(path))[0]
    from tf1compat.views.numpy import scalar_conversions

    # Compiled as the runner compiles a script: size-1 array conversions as in NumPy 1.x.
    spec = importlib.util.spec_from_file_location(name, path, loader=scalar_conversions.LegacySourceLoader(name, path))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module
