"""tf.estimator and its contrib neighbours, seen from unmodified TF1 Estimator programs run with ``python -m tf1compat``.

The programs (tests/scripts/estimator/*.py) run in parallel subprocesses, each printing one
``RESULT {json}`` line; the tests assert on those values. The patch tests run plain Python.
"""
import functools
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest
from tests import paths

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

ROOT = paths.ROOT
SCRIPTS = os.path.join(ROOT, "tests", "scripts", "estimator")
PROGRAMS = ("custom_model_fn", "wide_deep", "train_and_evaluate", "import_forms")
PATCHES = ("add_estimator_api_name", "add_estimator_training_module", "add_tpu_modules")


def _environment():
    env = dict(os.environ, TF1COMPAT_OFFLINE="1", TF_CPP_MIN_LOG_LEVEL="3", TF_USE_LEGACY_KERAS="1")
    env.pop("TF_CONFIG", None)
    return env


def _result(name, process, timeout=400):
    stdout, stderr = process.communicate(timeout=timeout)
    assert process.returncode == 0 or name.startswith("exit:"), f"{name} failed:\n{stderr[-3000:]}"
    if name.startswith("pair:"):
        return stdout.splitlines()
    if name.startswith("exit:"):
        return process.returncode, stdout, stderr
    lines = [line for line in stdout.splitlines() if line.startswith("RESULT ")]
    assert len(lines) == 1, stdout
    return json.loads(lines[0][len("RESULT "):])


@functools.lru_cache(maxsize=None)
def results(work_dir):
    """Run every program and patch probe at once; their parsed RESULT documents by name."""
    processes = {}
    for name in PROGRAMS:
        work = os.path.join(work_dir, name)
        os.makedirs(work, exist_ok=True)
        processes[name] = subprocess.Popen(
            [sys.executable, "-m", "tf1compat", os.path.join(SCRIPTS, name + ".py"), work], cwd=ROOT,
            env=_environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    processes["exit:use_tpu"] = subprocess.Popen(
        [sys.executable, "-m", "tf1compat", os.path.join(SCRIPTS, "use_tpu_without_tpu.py")], cwd=ROOT,
        env=_environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for patch in PATCHES:
        processes[f"patch:{patch}"] = subprocess.Popen(
            [sys.executable, os.path.join(SCRIPTS, "patch_necessity.py"), patch], cwd=ROOT,
            env=dict(_environment(), PYTHONPATH=ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for side, command in (("legacy", ["-m", "tf1compat", "legacy_examples/estimator_mnist.py"]),
                          ("migrated", ["-m", "migration.estimator_mnist"])):
        work = os.path.join(work_dir, side)
        flags = ["--steps", "60", "--display-step", "20", "--data-dir", os.path.join(work, "MNIST_data"),
                 "--model-dir", os.path.join(work, "model"), "--export-dir", os.path.join(work, "export")]
        environment = _environment()
        if side == "migrated":  # the twin is written for Keras 3 (its FusedAdam is a Keras 3 optimizer)
            environment.pop("TF_USE_LEGACY_KERAS")
        processes[f"pair:{side}"] = subprocess.Popen([sys.executable, *command, *flags], cwd=ROOT, env=environment,
                                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return {name: _result(name, process) for name, process in processes.items()}


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    return results(str(tmp_path_factory.mktemp("estimator")))


def _shape(line):
    # Numbers and each side's own work folder aside, the two programs print the same lines.
    return re.sub(r"[0-9.]+", "N", line.replace("/legacy/", "/SIDE/").replace("/migrated/", "/SIDE/"))


def test_both_sides_of_the_pair_print_the_same_lines_and_learn(outcome):
    legacy, migrated = ([line for line in outcome[f"pair:{side}"] if "MNIST files missing" not in line]
                        for side in ("legacy", "migrated"))
    assert [_shape(line) for line in legacy] == [_shape(line) for line in migrated]
    assert [line.split("=")[0] for line in legacy[:3]] == ["Step 20, Average Loss", "Step 40, Average Loss",
                                                          "Step 60, Average Loss"]
    for lines in (legacy, migrated):
        accuracy = float(re.search(r"Test accuracy= ([0-9.]+) after 60 steps", lines[3]).group(1))
        assert accuracy >= 0.8
        assert os.path.isfile(os.path.join(lines[5].split(": ", 1)[1], "saved_model.pb"))


def test_each_patch_is_still_needed_and_the_three_are_enough(outcome):
    # Fails loudly when a TensorFlow release brings a piece back or needs a fourth patch.
    for patch in PATCHES:
        probe = outcome[f"patch:{patch}"]
        assert probe["missing_before"] == dict.fromkeys(PATCHES, True)  # no TF piece is back
        assert probe["applied"] == [other for other in PATCHES if other != patch]
        assert probe["then"] == [[patch], "ok"]  # with the left-out patch too, the import succeeds
        assert probe["again"] == []  # a second application changes nothing
    assert "ESTIMATOR_API_NAME" in outcome["patch:add_estimator_api_name"]["import"]
    assert "cannot import name 'estimator_training'" in outcome["patch:add_estimator_training_module"]["import"]
    assert "cannot import name 'tpu_embedding'" in outcome["patch:add_tpu_modules"]["import"]


def test_estimator_loads_lazily_and_every_import_form_reaches_it(outcome):
    forms = outcome["import_forms"]
    assert forms["before"] == forms["untouched"] == {"tensorflow_estimator": False, "tf1compat.estimator.api": False}
    assert forms["same_estimator"] == [True, True, True, True]
    assert forms["predict_key"] == "infer"
    assert forms["submodules"] == ["numpy_input_fn", "ServingInputReceiver", "stop_if_no_decrease_hook",
                                   "TPUEstimator", "model_to_estimator"]
    assert forms["cluster_resolver"] is True
    assert forms["learn_mode_keys"] == ["train", "eval", "infer"]
    assert forms["replicate_model_fn_is_identity"] is True


def test_contrib_data_transformations_give_tf1_batches(outcome):
    forms = outcome["import_forms"]
    assert forms["batch_and_drop_remainder"] == [[0, 1, 2], [3, 4, 5]]
    assert forms["sliding_window_batch"] == [[0, 1, 2], [2, 3, 4], [4, 5, 6]]
    assert forms["map_and_batch"] == [[0, 10, 20, 30], [40, 50, 60]]


def test_contrib_names_not_provided_raise_unsupported(outcome):
    missing = outcome["import_forms"]["missing"]
    assert sorted(missing) == ["tf.contrib.data.LMDBDataset", "tf.contrib.estimator.RNNClassifier",
                               "tf.contrib.tpu.keras_to_tpu_model"]
    for symbol, (kind, message) in missing.items():
        assert kind == "UnsupportedTF1APIAttributeError"
        assert message.startswith(f"`{symbol}` is not provided by tf1compat")


def test_custom_model_fn_reaches_accuracy_and_resumes(outcome):
    run = outcome["custom_model_fn"]
    assert run["first_step"] == 300 and run["second_step"] == 400  # the second Estimator resumed at 300
    assert run["first_accuracy"] >= 0.85 and run["second_accuracy"] >= 0.85
    assert run["checkpoints"] == ["model.ckpt-300.index", "model.ckpt-400.index"]  # keep_checkpoint_max=2
    assert run["hook_runs"] == 300
    assert run["variable_names"] == ["global_step", "hidden/bias", "hidden/kernel", "logits/bias", "logits/kernel"]
    assert run["hidden_kernel_shape"] == [784, 64]
    assert run["probability_sums"] < 1e-5
    assert run["predicted_accuracy"] >= 0.7


def test_custom_model_fn_export_warm_start_and_contrib_extenders(outcome):
    run = outcome["custom_model_fn"]
    assert run["export_max_diff"] <= 1e-6  # contrib.predictor on the SavedModel = Estimator.predict
    assert run["export_outputs"] == ["classes", "probabilities"]
    assert run["warm_hidden_equal"] is True and run["warm_logits_equal"] is False
    assert run["added_metric"] == ["accuracy", "global_step", "loss", "mean_class"]
    assert run["forwarded_ids"] == [7, 8, 9]
    assert run["contrib_learn_infer"] is True


def test_canned_wide_and_deep_with_feature_columns(outcome):
    run = outcome["wide_deep"]
    assert run["wide_deep_auc"] >= 0.9
    assert run["wide_deep_accuracy"] >= run["majority"] + 0.05
    assert run["accuracies"]["dnn"] >= 0.9 and run["accuracies"]["linear"] >= 0.85
    assert abs(run["accuracies"]["baseline"] - run["majority"]) < 1e-6  # predicts the majority class
    assert run["regression_loss"] < 0.2
    assert run["keras_loss"] < 1e-4  # model_to_estimator learned y = 2x + 1
    assert "linear/linear_model/city_X_color/weights" in run["wide_deep_variables"]
    assert "dnn/input_from_feature_columns/input_layer/user_embedding/embedding_weights" in run["wide_deep_variables"]


def test_train_and_evaluate_exports_reload_in_a_session(outcome):
    run = outcome["train_and_evaluate"]
    assert run["global_step"] == 300 and run["accuracy"] >= 0.95
    assert run["exports"]["latest"] == 2 and run["exports"]["final"] == 1 and run["exports"]["best"] >= 1
    assert run["old_name_export"] is True
    assert run["session_max_diff"] <= 1e-6 and run["parsing_max_diff"] <= 1e-6


def test_tpu_estimator_on_cpu_and_its_refusals(outcome):
    run = outcome["train_and_evaluate"]
    assert run["tpu_step"] == 100 and run["tpu_accuracy"] >= 0.95
    assert run["contrib_data"] == ["map_and_batch", "parallel_interleave", "shuffle_and_repeat", "sloppy_interleave"]
    kind, message = run["errors"]["use_tpu"]
    assert kind == "UnsupportedTF1APIAttributeError"
    assert message.startswith("`tf.estimator.tpu.TPUEstimator(use_tpu=True)` is not provided by tf1compat: "
                              "TensorFlow sees no TPU")
    assert "use_tpu=False" in message and "TPUStrategy" in message
    kind, message = run["errors"]["coordinator"]
    assert kind == "UnsupportedTF1APIAttributeError"
    assert "distribute-coordinator mode" in message and "MultiWorkerMirroredStrategy" in message


def test_use_tpu_without_a_tpu_stops_the_script_with_one_error(outcome):
    returncode, stdout, stderr = outcome["exit:use_tpu"]
    assert returncode == 1 and "RESULT" not in stdout
    assert stderr.strip().splitlines()[-1].startswith(
        "tf1compat.errors.UnsupportedTF1APIAttributeError: `tf.estimator.tpu.TPUEstimator(use_tpu=True)` is not "
        "provided by tf1compat: TensorFlow sees no TPU on this machine")


def _resumable(work, hidden, steps, **popen):
    return subprocess.Popen([sys.executable, "-m", "tf1compat", os.path.join(SCRIPTS, "resumable.py"), work,
                             str(hidden), str(steps)], cwd=ROOT, env=_environment(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)


_INDEX = re.compile(r"model\.ckpt-(\d+)\.index")


def _saved_steps(folder):
    """The global steps of the checkpoints in ``folder``."""
    matches = (_INDEX.fullmatch(name) for name in (os.listdir(folder) if os.path.isdir(folder) else []))
    return {int(match.group(1)) for match in matches if match}


def _checkpoint_digest(folder):
    # The checkpoint state, data, index and meta files (an empty events file may be added by the summary hook).
    return {name: hashlib.sha256(open(os.path.join(folder, name), "rb").read()).hexdigest()
            for name in sorted(os.listdir(folder)) if name == "checkpoint" or name.startswith("model.ckpt")}


def test_ctrl_c_leaves_a_resumable_checkpoint_and_a_foreign_model_is_refused(tmp_path):
    work, model_dir = str(tmp_path), os.path.join(str(tmp_path), "model")
    process = _resumable(work, 8, 10 ** 7)
    deadline = time.monotonic() + 180
    while not _saved_steps(model_dir) - {0} and time.monotonic() < deadline:  # model.ckpt-0 comes at once
        time.sleep(0.2)
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr[-2000:]
    resumed = _result("resume", _resumable(work, 8, 10))
    assert resumed["start"] >= 20 and resumed["start"] % 20 == 0  # a complete checkpoint from save_checkpoints_steps
    assert resumed["end"] == resumed["start"] + 10

    before = _checkpoint_digest(model_dir)
    foreign = _resumable(work, 16, 10)
    _, stderr = foreign.communicate(timeout=180)
    assert foreign.returncode == 1
    last = stderr.strip().splitlines()[-1]
    assert last.startswith(f"tensorflow.python.framework.errors_impl.InvalidArgumentError: `{model_dir}` holds a "
                           "checkpoint of another model: variable `hidden/bias` has shape [8] in model.ckpt-")
    assert last.endswith("but [16] in this model; give the Estimator an empty model_dir (or delete the folder) "
                         "to train this model from scratch. The checkpoint was not changed.")
    assert "save/Assign" not in stderr
    assert _checkpoint_digest(model_dir) == before


def test_scan_reports_estimator_idioms_with_the_worked_pair_and_runs_as_is():
    completed = subprocess.run([sys.executable, "-m", "migration.scan", "--json", "legacy_examples/estimator_mnist.py"],
                               cwd=ROOT, capture_output=True, text=True, timeout=60)
    document = json.loads(completed.stdout)
    (result,) = document["files"]
    estimator = [f for f in document["findings"] if f["category"] == "estimator"]
    assert {f["symbol"] for f in estimator} >= {"tf.estimator.EstimatorSpec", "tf.estimator.ModeKeys",
                                                "tf.estimator.inputs", "tf.estimator.Estimator"}
    assert {(f["kind"], f["example"]) for f in estimator} == {("provided", "estimator_mnist"),
                                                              ("compat", "estimator_mnist")}  # SessionRunHook
    assert result["verdict"] == "runs_as_is"


def test_the_twin_runs_whole_executions_that_end_on_display_steps():
    # fit runs whole executions of steps_per_execution steps and calls callbacks at their ends.
    from migration.estimator_mnist import STEPS_PER_EXECUTION, execution_size

    assert STEPS_PER_EXECUTION == 20
    assert [execution_size(steps, display) for steps, display in ((500, 100), (120, 40), (60, 20), (90, 30), (7, 100))] \
        == [20, 20, 20, 15, 1]
