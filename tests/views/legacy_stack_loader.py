"""Loads small legacy scripts in a legacy scope in this process (the legacy-stack view tests share it)."""
import importlib.util
import itertools
import textwrap

import pytest

import tf1compat

_numbers = itertools.count()


@pytest.fixture
def legacy_module(tmp_path):
    """``load(source, **values)``: the module of ``source`` (formatted with ``values``), run in a legacy scope."""
    scope = tmp_path / "legacy_scope"
    scope.mkdir()

    def load(source, **values):
        name = f"legacy_stack_script_{next(_numbers)}"
        path = scope / f"{name}.py"
        path.write_text(textwrap.dedent(source).format(**values))
        return tf1compat.load_legacy_module(str(path), name)

    yield load
    tf1compat.deactivate()


@pytest.fixture
def library_file(tmp_path):
    """``write(source)``: the path of a module outside any legacy scope (a script loads it by path)."""
    folder = tmp_path / "library"
    folder.mkdir()

    def write(source):
        path = folder / f"library_{next(_numbers)}.py"
        path.write_text(textwrap.dedent(source))
        return str(path)

    return write


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
