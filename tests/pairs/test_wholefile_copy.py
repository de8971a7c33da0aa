"""wholefile_copy, both sides: the 15-file main job, byte-identical and in epoch order, and its faults."""
import os
import signal
import subprocess
import sys
import time

import pytest

from migration import equivalence
from migration import wholefile_copy as migrated
from tests import paths

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

REPO = paths.ROOT
LEGACY = os.path.join(REPO, "legacy_examples", "wholefile_copy.py")


def run_legacy(*args, cwd):
    """``python -m tf1compat legacy_examples/wholefile_copy.py ARGS`` in ``cwd`` (README command 1)."""
    env = dict(os.environ, PYTHONPATH=REPO)
    return subprocess.run([sys.executable, "-m", "tf1compat", LEGACY, *args],
                          capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def contents(path):
    with open(path, "rb") as handle:
        return handle.read()


def outputs_of(folder):
    """Bytes of folder/test_0.jpg, test_1.jpg, ... in index order."""
    count = sum(name.startswith("test_") for name in os.listdir(folder))
    return [contents(os.path.join(folder, f"test_{index}.jpg")) for index in range(count)]


def no_temporary_files(folder):
    return [name for name in os.listdir(folder) if name.startswith(".") or name.endswith(".tmp")] == []


@pytest.fixture(scope="module")
def main_job(tmp_path_factory):
    """The main job run once, exactly as README says, in an empty folder."""
    folder = tmp_path_factory.mktemp("main_job")
    completed = run_legacy(cwd=folder)
    assert completed.returncode == 0, completed.stderr[-3000:]
    return folder, completed


def test_main_job_writes_15_files_in_epoch_order_byte_identical(main_job):
    folder, completed = main_job
    samples = [contents(folder / "read" / "samples" / f"{letter}.jpg") for letter in "ABC"]
    assert len(set(samples)) == 3 and all(sample.startswith(b"\xff\xd8") for sample in samples)
    assert outputs_of(folder / "read") == samples * 5
    assert sorted(os.listdir(folder / "read")) == sorted([f"test_{index}.jpg" for index in range(15)] + ["samples"])
    assert "read/test_14.jpg <- read/samples/C.jpg" in completed.stdout
    assert "wrote 15 files to read/ (3 images x 5 epochs)" in completed.stdout


def test_legacy_refuses_to_overwrite(main_job):
    folder, _ = main_job
    target = folder / "read" / "test_0.jpg"
    target.write_bytes(b"keep me")
    refused = run_legacy(cwd=folder)
    assert refused.returncode == 2
    assert refused.stderr.strip().splitlines()[-1] == (
        "ERROR `read/test_0.jpg` already exists (15 of the 15 outputs do); nothing was written; "
        "pass --overwrite to replace them or choose another --out-dir")
    assert target.read_bytes() == b"keep me"


def test_legacy_overwrites_when_asked_and_a_missing_input_writes_nothing(main_job):
    folder, _ = main_job
    (folder / "read" / "test_0.jpg").write_bytes(b"stale")
    missing_input = ["read/samples/A.jpg", "missing.jpg", "--out-dir", "fresh"]
    # One TF1 process for both runs: main(argv) returns the exit code.
    codes = equivalence.run_legacy_many(LEGACY, [("main", (missing_input,)), ("main", (["--overwrite"],))], cwd=folder)
    assert codes == [2, 0]
    assert not (folder / "fresh").exists()
    samples = [contents(folder / "read" / "samples" / f"{letter}.jpg") for letter in "ABC"]
    assert outputs_of(folder / "read") == samples * 5
    assert no_temporary_files(folder / "read")


def test_legacy_interrupted_run_leaves_only_complete_files(main_job, tmp_path):
    samples = [str(main_job[0] / "read" / "samples" / f"{letter}.jpg") for letter in "ABC"]
    env = dict(os.environ, PYTHONPATH=REPO)
    process = subprocess.Popen([sys.executable, "-m", "tf1compat", LEGACY, *samples, "--num-epochs", "100000"],
                               cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        while process.poll() is None and len(os.listdir(tmp_path / "read") if (tmp_path / "read").exists() else []) < 30:
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)  # Ctrl-C in the middle of the copy loop
        assert process.wait(timeout=60) == 130, process.stderr.read()[-2000:]
    finally:
        process.kill()
    written = os.listdir(tmp_path / "read")
    assert 30 <= len(written) < 300000 and no_temporary_files(tmp_path / "read")
    assert outputs_of(tmp_path / "read") == [contents(samples[index % 3]) for index in range(len(written))]


def make_files(folder, count=3):
    paths = []
    for index in range(count):
        path = folder / f"in_{index}.jpg"
        path.write_bytes(bytes([0xFF, 0xD8, index]) * (index + 5))
        paths.append(str(path))
    return paths


def test_migrated_copies_in_epoch_order(tmp_path):
    files = make_files(tmp_path)
    names = migrated.copy_files(files, str(tmp_path / "read"), num_epochs=5)
    assert names == files * 5
    assert outputs_of(tmp_path / "read") == [contents(path) for path in files] * 5
    assert no_temporary_files(tmp_path / "read")


def test_migrated_shuffle_reads_each_file_once_per_epoch(tmp_path):
    files = make_files(tmp_path, count=6)
    names = migrated.copy_files(files, str(tmp_path / "read"), num_epochs=4, shuffle=True, seed=1)
    epochs = [names[start:start + 6] for start in range(0, 24, 6)]
    assert all(sorted(epoch) == sorted(files) for epoch in epochs)
    assert len({tuple(epoch) for epoch in epochs}) > 1  # reshuffled between epochs
    assert outputs_of(tmp_path / "read") == [contents(name) for name in names]


def test_migrated_refuses_to_overwrite_and_missing_input_writes_nothing(tmp_path, capsys):
    files = make_files(tmp_path)
    (tmp_path / "read").mkdir()
    (tmp_path / "read" / "test_4.jpg").write_bytes(b"keep me")
    assert migrated.main([*files, "--out-dir", str(tmp_path / "read")]) == 2
    assert "test_4.jpg` already exists (1 of the 15 outputs do)" in capsys.readouterr().err
    assert os.listdir(tmp_path / "read") == ["test_4.jpg"]
    assert migrated.main([*files, str(tmp_path / "gone.jpg"), "--out-dir", str(tmp_path / "new")]) == 2
    assert "gone.jpg`: no such file; nothing was written" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()
    assert migrated.main([*files, "--out-dir", str(tmp_path / "read"), "--overwrite"]) == 0
    assert (tmp_path / "read" / "test_4.jpg").read_bytes() == contents(files[1])


def test_migrated_interrupted_run_leaves_only_complete_files(tmp_path, monkeypatch):
    files = make_files(tmp_path)
    real_replace, calls = os.replace, []

    def replace_then_interrupt(source, target):
        calls.append(target)
        if len(calls) == 5:
            raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(migrated.os, "replace", replace_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        migrated.copy_files(files, str(tmp_path / "read"), num_epochs=5)
    monkeypatch.undo()
    assert no_temporary_files(tmp_path / "read")
    for name in os.listdir(tmp_path / "read"):  # whatever was written is complete
        index = int(name[len("test_"):-len(".jpg")])
        assert (tmp_path / "read" / name).read_bytes() == contents(files[index % 3])


def test_decode_variant_names_the_corrupt_image(tmp_path, capsys):
    good = migrated.make_sample_images(str(tmp_path / "samples"))
    corrupt = tmp_path / "broken.jpg"
    corrupt.write_bytes(contents(good[0])[:300])  # a truncated JPEG
    out = tmp_path / "read"
    assert migrated.main([*good, str(corrupt), "--decode", "--out-dir", str(out)]) == 1
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert error.startswith(f"ERROR `{corrupt}`: tf.io.decode_jpeg cannot decode it")
    assert not out.exists()
    assert migrated.main([*good, "--decode", "--num-epochs", "1", "--out-dir", str(out)]) == 0
    assert outputs_of(out) == [contents(path) for path in good]
