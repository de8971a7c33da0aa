"""Issue 12's done-when program: a BiLSTM-CRF tagger trained, then restored in a new process (python -m tf1compat).

tests/scripts/crf_tagger/ is a three-file TF1 project (model.py, train.py, predict.py) using
bidirectional_dynamic_rnn, contrib.rnn cells (LSTMCell forward, LSTMBlockCell backward),
contrib.crf.crf_log_likelihood / crf_decode / viterbi_decode, tf.app.flags and Saver.
"""
import pytest
import json
import os
import subprocess
import sys
from tests import paths

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

ROOT = paths.ROOT
TAGGER = os.path.join("tests", "scripts", "crf_tagger")


def run(script, *args):
    done = subprocess.run([sys.executable, "-m", "tf1compat", os.path.join(TAGGER, script), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=400)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_tagger_trains_then_restores_in_a_new_process_and_tags_accurately(tmp_path):
    trained = run("train.py", "--model_dir", str(tmp_path), "--steps", "120")
    losses = [float(line.split()[-1]) for line in trained.splitlines() if line.startswith("step ")]
    assert losses[0] > 10 * losses[-1]  # measured 6.97 -> 0.003
    assert (tmp_path / "model.ckpt-120.index").exists()
    result = json.loads(run("predict.py", "--model_dir", str(tmp_path)).split("RESULT ", 1)[1])
    assert result["accuracy"] >= 0.97  # measured 1.0 on 200 held-out sentences
    assert result["decode_agrees_with_viterbi"] and result["numpy_viterbi_accuracy"] == result["accuracy"]
    assert result["transitions_shape"] == [3, 3]
    assert result["lstm_block_kernel"] == [16 + 16, 4 * 16]
