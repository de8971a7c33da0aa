"""The wheel is the product: built from this checkout, installed into an empty target, used from an empty folder."""
import os
import subprocess
import sys
import zipfile

import pytest

from tests import paths

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """``(target, wheel)``: the wheel built from the checkout and installed (no dependencies) into ``target``."""
    wheels = tmp_path_factory.mktemp("wheels")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(wheels), paths.ROOT], check=True, capture_output=True, timeout=300)
    [wheel] = list(wheels.iterdir())
    target = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, timeout=300)
    return target, wheel


def _run(target, cwd, *argv, timeout=600):
    env = dict(os.environ, PYTHONPATH=str(target))  # ahead of the editable checkout on sys.path
    return subprocess.run([sys.executable, *argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def test_only_tf1compat_and_migration_are_installed_at_the_top(installed):
    target, wheel = installed
    top = sorted(name for name in os.listdir(target) if not name.endswith(".dist-info"))
    assert top == ["bin", "migration", "tf1compat"]  # bin/: the tf1-run console script
    names = zipfile.ZipFile(wheel).namelist()
    assert "migration/legacy_examples/cnn_mnist.py" in names
    assert "migration/legacy_examples/data/char_rnn.txt" in names
    assert "tf1compat/data/train-images-idx3-ubyte.gz" in names
    assert not any(name.startswith(("benchmarks/", "tests/", "legacy_examples/")) for name in names)


def test_diff_shows_a_pair_from_an_empty_folder(installed, tmp_path):
    target, _ = installed
    completed = _run(target, tmp_path, "-c", "import migration, sys; print(migration.__file__); "
                     "from migration.diff.cli import main; sys.exit(main(['cnn_mnist', '--width', '120']))")
    assert completed.returncode == 0, completed.stderr[-2000:]
    first, header = completed.stdout.splitlines()[:2]
    assert first.startswith(str(target))  # the installed copy, not the checkout
    assert "migration/legacy_examples/cnn_mnist.py" in header and "migration/cnn_mnist.py" in header


@pytest.mark.slow
def test_a_pair_verifies_from_an_empty_folder(installed, tmp_path):
    target, _ = installed
    completed = _run(target, tmp_path, "-m", "migration.diff", "wholefile_copy", "--verify")
    assert completed.returncode == 0, completed.stderr[-2000:]
    verdict = [line for line in completed.stdout.splitlines() if "mismatch" in line]
    assert verdict and "0 mismatches" in verdict[0], completed.stdout[-2000:]


@pytest.mark.slow
def test_the_runner_runs_the_shipped_main_job(installed, tmp_path):
    target, _ = installed
    script = os.path.join(str(target), "migration", "legacy_examples", "wholefile_copy.py")
    completed = _run(target, tmp_path, "-m", "tf1compat", script)
    assert completed.returncode == 0, completed.stderr[-2000:]
    copies = sorted(name for name in os.listdir(tmp_path / "read") if name.endswith(".jpg"))
    assert copies == sorted(f"test_{index}.jpg" for index in range(15))  # 3 images x 5 epochs
