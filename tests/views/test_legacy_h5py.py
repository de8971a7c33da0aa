"""The legacy h5py view: h5py 2.x's dataset.value and h5py.File(path) without a mode, for legacy-scope code only."""
import h5py
import numpy
import pytest

from tests.views.legacy_stack_loader import LOAD_LIBRARY
from tf1compat.views.h5py import old_api

SCRIPT = """
import h5py


def open_default(path):
    return h5py.File(path)


def value(dataset):
    return dataset.value
{load_library}
"""
LIBRARY = """
import h5py


def open_default(path):
    return h5py.File(path)
"""


@pytest.fixture
def script(legacy_module, library_file):
    return legacy_module(SCRIPT, load_library=LOAD_LIBRARY.format(path=library_file(LIBRARY)))


def test_file_without_mode_creates_then_appends_as_h5py_2_did(script, tmp_path):
    path = str(tmp_path / "features.h5")
    with script.open_default(path) as created:  # missing: created (h5py 3 alone: FileNotFoundError)
        assert created.mode == "r+"
        created.create_dataset("x", data=numpy.arange(6).reshape(2, 3))
    with script.open_default(path) as reopened:  # existing and writable: read/write
        reopened.create_dataset("y", data=[1.5, 2.5])
        assert sorted(reopened.keys()) == ["x", "y"]
    with h5py.File(path, "r") as check:
        assert check["x"][()].tolist() == [[0, 1, 2], [3, 4, 5]] and check["y"][()].tolist() == [1.5, 2.5]
    with pytest.raises(FileNotFoundError):
        script.library.open_default(str(tmp_path / "missing.h5"))  # a library beside the script: h5py 3's 'r'
    with script.library.open_default(path) as library_view:
        assert library_view.mode == "r"


def test_an_unwritable_existing_file_opens_read_only(monkeypatch, tmp_path):
    path = tmp_path / "readonly.h5"
    path.write_bytes(b"")
    assert old_api._old_default_mode(str(tmp_path / "absent.h5")) == "w-"
    assert old_api._old_default_mode(str(path)) == "r+"
    monkeypatch.setattr(old_api.os, "access", lambda name, mode: False)  # (the tests may run as root)
    assert old_api._old_default_mode(str(path)) == "r"


def test_dataset_value_reads_the_whole_dataset_in_the_scope_only(script, tmp_path):
    path = str(tmp_path / "data.h5")
    with h5py.File(path, "w") as f:
        f.create_dataset("grid", data=numpy.eye(2, dtype=numpy.float32))
        f.create_dataset("scalar", data=3.5)
    with h5py.File(path, "r") as f:
        grid, scalar = script.value(f["grid"]), script.value(f["scalar"])
        assert grid.dtype == numpy.float32 and grid.tolist() == [[1.0, 0.0], [0.0, 1.0]]
        assert scalar == 3.5 and numpy.ndim(scalar) == 0
        assert not hasattr(f["grid"], "value")  # this file is not in the scope
