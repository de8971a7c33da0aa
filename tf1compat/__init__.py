"""Run TensorFlow 1.x code unchanged on TensorFlow 2: ``python -m tf1compat SCRIPT``."""
import importlib.util
import os
import sys

from tf1compat.errors import UnsupportedTF1APIError, UnsupportedTF1APIAttributeError, UnsupportedTF1APIImportError
from tf1compat.scope.import_hook import activate, deactivate

__all__ = [
    "UnsupportedTF1APIError",
    "UnsupportedTF1APIAttributeError",
    "UnsupportedTF1APIImportError",
    "activate", "deactivate", "load_legacy_module"]
__version__ = "0.1.0"


def load_legacy_module(path, name=None):
    """Import the Python file ``path`` in a legacy scope and return the module.

    Its folder tree becomes a legacy scope (``import tensorflow`` gives the TF1 API
    there); its ``if __name__ == "__main__":`` block does not run. For notebooks and
    tests; call it before anything imports TensorFlow so ``tf.layers`` works.

    Args:
        path: the ``.py`` file.
        name: the module name to register in ``sys.modules`` (default: the file stem).

    Raises:
        FileNotFoundError: ``path`` does not exist.
    """
    path = os.path.abspath(path)
    if not os.path.isfile(path):
        raise FileNotFoundError(f"`{path}`: no such file; give the path of a TF1 Python file")
    activate(os.path.dirname(path))
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
