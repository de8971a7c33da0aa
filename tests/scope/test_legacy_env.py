"""The legacy scope beyond TensorFlow: NumPy 1.x idioms, GPU pins on a CPU machine, pre-absl flags.

Every program under tests/scripts/legacy_env/ runs unchanged through ``python -m tf1compat``.
"""
import json
import math
import os
import re
import shutil
import subprocess
import sys

import pytest
from tests import paths

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

SCRIPTS = os.path.join(paths.SCRIPTS, "legacy_env")
OUTSIDE_LIB = os.path.join(paths.SCRIPTS, "outside_lib")


def run(script, *args, runner_args=(), cwd=None, timeout=300):
    env = dict(os.environ, PYTHONPATH=OUTSIDE_LIB, TF1COMPAT_OFFLINE="1")
    env.pop("TF_CPP_MIN_LOG_LEVEL", None)
    return subprocess.run([sys.executable, "-m", "tf1compat", *runner_args, script, *args],
                          capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout)


def result_of(completed):
    assert completed.returncode == 0, completed.stderr[-3000:]
    lines = [line for line in completed.stdout.splitlines() if line.startswith("RESULT ")]
    assert len(lines) == 1, completed.stdout[-3000:]
    return json.loads(lines[0][len("RESULT "):])


def test_numpy_1x_idioms_give_their_documented_1x_results():
    completed = run(os.path.join(SCRIPTS, "numpy_idioms.py"), runner_args=["--report"])
    result = result_of(completed)
    assert result["view_not_real_module"] is True
    assert result["aliases_are_builtins"] == [True] * 7  # np.int is int, ... np.long is int, np.unicode is str
    assert result["dtype_names"] == ["int64", "float64", "bool", "object"]
    assert result["asscalar"] == [5, "float"]
    assert result["constants"] == [True, True, True, True, -1.0, True]
    assert result["functions"] == [24, 6, [1, 2, 6], False, True, 4.0]
    assert result["types"] == [True, True, "float64", "float32", "float64"]
    assert result["in1d"] == [False, True, True, False]
    assert result["reshape_newshape"] == [[2, 3], [3, 2]]
    # Ragged nested sequences: an object array as deep as the nesting is regular (NumPy < 1.24).
    assert result["ragged"] == ["object", [2], [1, 2], [3]]
    assert result["ragged_pairs"] == ["object", [2, 2], [5, 6, 7, 8, 9], [1, 0], True]
    assert result["asarray_ragged"] == [2]
    assert result["ragged_with_dtype"] == "ValueError"  # NumPy 1.x raised too
    assert result["regular_array"] == ["int64", True]
    # Size-1 arrays convert as in NumPy 1.x, in the script and in a module beside it.
    assert result["size1_conversions"] == [3, 2.5, 0.10000000149011612, 2.0, [1, 0.7]]
    assert result["size2_conversion"] == "TypeError"
    assert result["submodules"] == [5.0, 44]
    # A library outside the script's folder sees NumPy 2, unchanged.
    assert result["library"] == {"is_real_module": True, "has_int": False, "has_product": False,
                                 "bool_is_numpy_bool": True, "ragged": "ValueError", "int_of_size1": "TypeError"}
    stderr = completed.stderr
    assert stderr.count("np.array() of ragged nested sequences") == 1  # one notice for three ragged arrays
    assert "numpy_idioms.py:29 built an object array of shape (2,)" in stderr
    section = stderr[stderr.index("NumPy 1.x idioms the legacy NumPy view adapted (26;"):]
    assert re.search(r"  np\.int +\[removed in NumPy 1\.24\] -> int .*\(first at \S*numpy_idioms\.py:15\)", section)
    assert re.search(r"np\.array\(ragged nested sequences\) +\[removed in NumPy 1\.24\] .*"
                     r"\(3 uses, first at \S*numpy_idioms\.py:29\)", section)
    assert re.search(r"int\(a\) / float\(a\) of a size-1 array .*\(6 uses, first at \S*numpy_helper\.py:7\)", section)
    assert re.search(r"  np\.trapz +\[removed in NumPy 2\.4\] -> np\.trapezoid", section)


def test_real_numpy_flag_keeps_numpy_2_in_the_script():
    completed = run(os.path.join(SCRIPTS, "numpy_idioms.py"), runner_args=["--real-numpy"])
    assert completed.returncode == 1
    assert "ImportError: cannot import name 'asscalar' from 'numpy'" in completed.stderr


@pytest.mark.parametrize("target", [["-m", "numpy_package"], ["numpy_package"]])
def test_a_package_run_as_module_or_folder_gets_the_view(target):
    completed = subprocess.run([sys.executable, "-m", "tf1compat", *target], capture_output=True, text=True,
                               cwd=SCRIPTS, timeout=120)
    assert result_of(completed) == {"int": 4, "np_int": True, "shape": [2, 2]}


def test_multi_gpu_towers_train_on_cpu_with_one_notice(tmp_path):
    completed = run(os.path.join(SCRIPTS, "multi_gpu_towers.py"), str(tmp_path), runner_args=["--report"])
    result = result_of(completed)
    assert result["first"] == pytest.approx(14.3132, rel=1e-3)  # mean of (x.w + 0.25)^2 at w = 0
    assert result["last"] < 1e-8
    assert result["restored"]["w"] == pytest.approx([1.0, -2.0, 0.5, 3.0], abs=1e-5)
    assert result["restored"]["b"] == pytest.approx(0.25, abs=1e-5)
    assert (result["restored"]["counter"], result["restored"]["step"]) == (150, 150)
    assert result["monitored"] == [[2, 4, 6], [3.0, 9.0]]  # MonitoredTrainingSession, Supervisor
    # The script's own ConfigProto is untouched; the session's copy keeps its settings plus soft placement.
    assert result["kept"] == {"script_config_soft": False, "session_soft": True, "session_threads": 1}
    notices = [line for line in completed.stderr.splitlines() if "this machine has no" in line]
    assert notices == ["tf1compat: this machine has no /device:GPU:0, /device:GPU:1; the 119 ops the graph pins "
                       "there run on CPU (allow_soft_placement added to the session config). --strict-devices "
                       "gives TF1's error instead."]
    assert "Device pins this machine could not honour (2;" in completed.stderr
    assert "  /device:GPU:0                                  69 ops" in completed.stderr


def test_strict_devices_fails_as_tf1_did(tmp_path):
    completed = run(os.path.join(SCRIPTS, "multi_gpu_towers.py"), str(tmp_path), runner_args=["--strict-devices"])
    assert completed.returncode == 1
    assert "Cannot assign a device for operation" in completed.stderr
    assert "was explicitly assigned to /device:GPU:0" in completed.stderr
    assert "this machine has no" not in completed.stderr


def test_dcgan_reshapes_with_newshape(tmp_path):
    completed = run(os.path.join(SCRIPTS, "dcgan.py"), "12", cwd=tmp_path, runner_args=["--report"])
    result = result_of(completed)
    assert result["d_loss"][0] == pytest.approx(2 * math.log(2), abs=0.15)  # D outputs ~0.5 at the start
    assert result["g_loss"][0] == pytest.approx(math.log(2), abs=0.1)
    assert result["d_loss"][1] < result["d_loss"][0]
    assert result["image_range"] == [-1.0, 1.0]
    assert result["grid_shape"] == [112, 112]
    assert -1.0 <= result["grid_range"][0] < result["grid_range"][1] <= 1.0
    assert len(result["variables"]) == 12 and "generator/g_h1/kernel:0" in result["variables"]
    assert re.search(r"np\.reshape\(a, newshape=\.\.\.\) +\[removed in NumPy 2\.4\] -> np\.reshape\(a, shape\) "
                     r"\(14 uses, first at \S*dcgan\.py:\d+\)", completed.stderr)


def test_text_cnn_project_trains_two_epochs_and_evaluates(tmp_path):
    project = tmp_path / "text_cnn"
    shutil.copytree(os.path.join(SCRIPTS, "text_cnn"), project)
    trained = run("train.py", "--num_epochs=2", "--batch_size", "16", cwd=project)
    result = result_of(trained)
    # batch_iter's np.array(list(zip(x, y))): 96 ragged (x, y) pairs -> a (96, 2) object array, 6 batches an epoch.
    assert result["batch_sizes"] == [16] * 12 and result["steps"] == 12
    assert result["batch_dtype"] == "object"
    assert result["train_dev"] == [96, 24]
    assert result["last_loss"] < 0.75 * result["first_loss"]
    assert result["flags"] == ["allow_soft_placement", "batch_size", "dev_sample_percentage", "dropout_keep_prob",
                               "embedding_dim", "filter_sizes", "l2_reg_lambda", "log_device_placement",
                               "negative_data_file", "num_epochs", "num_filters", "out_dir", "positive_data_file"]
    assert "NUM_EPOCHS=2\n" in trained.stdout and "FILTER_SIZES=2,3\n" in trained.stdout
    assert "data_helpers.py:44 built an object array of shape (96, 2)" in trained.stderr
    evaluated = result_of(run("eval.py", "--eval_train", "--checkpoint_dir=runs/checkpoints", cwd=project))
    assert evaluated["flags"] == {"positive_data_file": "./data/pos.txt", "negative_data_file": "./data/neg.txt",
                                  "batch_size": 64, "checkpoint_dir": "runs/checkpoints", "eval_train": True,
                                  "allow_soft_placement": True, "log_device_placement": False}
    assert evaluated["dict_flags"] is True  # FLAGS.__dict__['__flags'] is the same name -> value dict
    assert evaluated["examples"] == 120 and evaluated["checkpoint"] == "model-12"
    assert evaluated["accuracy"] > 0.7  # two epochs on 96 sentences; chance is 0.5
