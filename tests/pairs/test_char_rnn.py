"""char_rnn pair: the TF1 program trains, saves and resumes under `python -m tf1compat`; the TF2 twin does the same
and generates the legacy program's text from the legacy checkpoint."""
import re
import subprocess
import sys

import pytest

from migration import char_rnn as migrated
from tests import paths

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

ROOT = paths.ROOT
SMALL = ["--rnn-size", "16", "--num-layers", "2", "--batch-size", "10", "--seq-length", "25",
         "--print-every", "5", "--sample-length", "40"]
LOSS_LINE = re.compile(r"^(\d+)/(\d+) \(epoch (\d+)\), train_loss = (\d+\.\d{3})$")


def run_legacy(*args):
    completed = subprocess.run([sys.executable, "-m", "tf1compat", "legacy_examples/char_rnn.py", *SMALL, *args],
                               cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    return completed.stdout.splitlines()


@pytest.fixture(scope="module")
def legacy(tmp_path_factory):
    folder = str(tmp_path_factory.mktemp("char_rnn"))
    first = run_legacy("--num-epochs", "2", "--save-dir", folder)
    resumed = run_legacy("--num-epochs", "1", "--save-dir", folder, "--init-from", folder)
    return {"folder": folder, "first": first, "resumed": resumed}


def sample_of(lines):
    return lines[lines.index("sample:") + 1]


def test_legacy_program_trains_saves_and_resumes(legacy):
    first, resumed = legacy["first"], legacy["resumed"]
    assert first[0] == "vocab size: 36, batches per epoch: 10"
    assert [LOSS_LINE.match(line).group(1, 2, 3) for line in first if LOSS_LINE.match(line)] == [
        ("5", "20", "0"), ("10", "20", "0"), ("15", "20", "1"), ("20", "20", "1")]
    assert f"model saved to {legacy['folder']}/model.ckpt-2" in first
    assert resumed[1] == f"resumed from {legacy['folder']} after epoch 2"
    assert [LOSS_LINE.match(line).group(3) for line in resumed if LOSS_LINE.match(line)] == ["2", "2"]
    assert f"model saved to {legacy['folder']}/model.ckpt-3" in resumed
    first_loss = float(re.search(r"first loss (\d+\.\d+)", " ".join(first)).group(1))
    resumed_last = float(re.search(r"last loss (\d+\.\d+)", " ".join(resumed)).group(1))
    assert resumed_last < first_loss - 0.3  # ln(36) = 3.58 at the start; resuming kept the trained weights
    assert sample_of(resumed).startswith("The ") and len(sample_of(resumed)) == 44


def test_tf2_twin_generates_the_legacy_text_from_the_legacy_checkpoint(legacy, capsys):
    assert migrated.main([*SMALL, "--from-tf1", legacy["folder"]]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert f"loaded TF1 checkpoint {legacy['folder']}/model.ckpt-3" in lines
    assert sample_of(lines) == sample_of(legacy["resumed"])


def test_tf2_twin_trains_saves_and_resumes(tmp_path, capsys):
    folder = str(tmp_path)
    assert migrated.main([*SMALL, "--num-epochs", "1", "--save-dir", folder]) == 0
    assert migrated.main([*SMALL, "--num-epochs", "1", "--save-dir", folder, "--init-from", folder]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert f"resumed from {folder} after epoch 1" in lines
    assert [LOSS_LINE.match(line).group(1, 2, 3) for line in lines if LOSS_LINE.match(line)] == [
        ("5", "10", "0"), ("10", "10", "0"), ("5", "10", "1"), ("10", "10", "1")]
    assert f"model saved to {folder}/model.ckpt-2" in lines
