"""Fixtures of the legacy-stack view tests: small legacy scripts loaded in a legacy scope in this process."""
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
