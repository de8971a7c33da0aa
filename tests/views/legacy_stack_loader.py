"""Helpers of the legacy-stack view tests: how a legacy script loads a library module outside the scope."""
import importlib.util

LOAD_LIBRARY = """
import importlib.util
_spec = importlib.util.spec_from_file_location("outside_library", {path!r})
library = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(library)
"""


def load_by_path(path, name):
    """Import the file ``path`` as ``name`` without touching sys.path."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
