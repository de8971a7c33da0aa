"""The runner runs TF1 scripts unchanged: one behaviour per script under tests/scripts/runner/."""
import os
import re
import signal
import subprocess
import sys
import time

import pytest
from tests.cli.runner_harness import SCRIPTS, result_of, run

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

def test_graph_mode_and_feed_dict():
    completed = run("graph_feed_dict.py")
    assert completed.stderr == ""  # quiet by default: no CUDA/oneDNN/deprecation noise
    result = result_of(completed)
    assert result["eager"] is False
    assert result["value"] == [[11.5, 13.5]]  # [1,0,2] @ w + [0.5,-0.5]
    assert result["dim"] == 3  # TF1 Dimension objects: x.get_shape()[1].value
    assert result["var_name"] == "w:0"


def test_queue_runners_end_on_out_of_range():
    result = result_of(run("queue_coordinator.py"))
    assert result["ended"] == "OutOfRangeError"
    assert result["batches"] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 0, 1], [2, 3, 4, 5], [6, 7, 8, 9]]


def test_saver_restores_into_a_new_graph(tmp_path):
    result = result_of(run("saver_roundtrip.py", str(tmp_path)))
    assert result["weights"] == [[1.5, -2.0], [0.25, 4.0]]
    assert result["step"] == 7
    assert result["latest"] == "model.ckpt"


def test_layers_and_rnn_cells_train():
    result = result_of(run("layers_rnn_training.py"))
    assert result["last"] < 0.2 * result["first"], result
    assert "hidden/kernel:0" in result["variables"] and "out/bias:0" in result["variables"]
    assert "rnn/basic_lstm_cell/kernel:0" in result["variables"]
    assert result["state_c"] == [None, 16]


def test_app_flags_parse_the_scripts_argv():
    result = result_of(run("app_flags.py", "--steps", "3", "--name=abc", "extra"))
    assert result == {"steps": 3, "name": "abc", "rest": ["extra"],
                      "argv0": os.path.join(SCRIPTS, "app_flags.py")}


def test_file_writer_writes_event_file(tmp_path):
    result = result_of(run("file_writer.py", str(tmp_path)))
    assert result["records"] == [[0, "loss", 3.0], [1, "loss", 2.0], [2, "loss", 1.5]]


def test_library_outside_the_scope_sees_tensorflow_2():
    result = result_of(run("uses_library.py"))
    assert result["script_has_placeholder"] is True
    assert result["script_has_contrib"] is True
    assert result["library"] == {"is_real_module": True, "has_function": True, "has_data": True,
                                 "has_top_level_placeholder": False, "has_contrib": False}


def test_headless_show_saves_figures_without_overwriting(tmp_path):
    figures = tmp_path / "figs"
    figures.mkdir()
    (figures / "plots_1.png").write_bytes(b"user's own file")
    completed = run("plots.py", runner_args=["--figures", str(figures)])
    assert result_of(completed) == {"done": True}
    assert (figures / "plots_1.png").read_bytes() == b"user's own file"
    saved = sorted(p.name for p in figures.iterdir())
    assert saved == ["plots_1.png", "plots_2.png", "plots_3.png", "plots_4.png"]
    for name in saved[1:]:
        assert (figures / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert str(figures / name) in completed.stderr


@pytest.mark.parametrize("args, code", [(("exit", "3"), 3), (("exit", "0"), 0), (("raise",), 1)])
def test_exit_codes_match_python(args, code):
    completed = run("exits.py", *args)
    assert completed.returncode == code
    if code == 1:
        assert "RuntimeError: the script's own failure" in completed.stderr
        assert 'exits.py", line 10' in completed.stderr
        assert "runner.py" not in completed.stderr  # only the script's frames, as python shows


def test_stdin_passes_through():
    assert result_of(run("exits.py", "stdin", stdin="hello\n")) == "HELLO"


def test_unsupported_api_error_and_report():
    completed = run("exits.py", "unsupported", runner_args=["--report"])
    assert completed.returncode == 1
    assert ("UnsupportedTF1APIAttributeError: `tf.contrib.learn.DNNClassifier` is not provided by "
            "tf1compat: tf.contrib was removed in TensorFlow 2.0") in completed.stderr
    assert "TF2 replacement: tf.keras.Model" in completed.stderr
    assert "tf.contrib.learn.DNNClassifier" in completed.stderr.split("tf1compat report:")[1]


def test_report_counts_uses():
    completed = run("report_uses.py", runner_args=["--report"])
    assert completed.returncode == 0, completed.stderr
    report = completed.stderr.split("tf1compat report:")[1]
    lines = {line.split()[0]: line for line in report.splitlines()[1:] if line.startswith("  tf.")}
    assert lines["tf.placeholder"].split()[1:4] == ["3x", "1", "sites"]
    assert lines["tf.Session"].split()[1] == "1x"
    assert "[unsupported]" in lines["tf.contrib.learn.Experiment"]
    assert "[unsupported]" in lines["tf.contrib.layers.no_such_layer"]
    assert "[shimmed]" in lines["tf.contrib.seq2seq"]  # a provided module: its use is the module's
    assert "python -m migration.scan" in report


@pytest.mark.parametrize("target, message", [
    ("missing.py", "`{path}`: no such file"),
    ("", "`{path}` is a directory with no __main__.py"),
    ("binary.py", "`{path}`: binary file (contains NUL bytes), not Python source; give the path of a TF1"),
    ("broken.py", "`{path}` line 1: Missing parentheses in call to 'print'"),
])
def test_bad_script_is_a_usage_error(tmp_path, target, message):
    (tmp_path / "binary.py").write_bytes(b"\x7fELF\x00\x00\x01")
    (tmp_path / "broken.py").write_text("print 'python 2'\n")
    path = str(tmp_path / target) if target else str(tmp_path)
    completed = subprocess.run([sys.executable, "-m", "tf1compat", path], capture_output=True, text=True)
    assert completed.returncode == 2
    assert completed.stderr.startswith("ERROR " + message.format(path=path).split("{")[0])
    assert "Traceback" not in completed.stderr
    assert len(completed.stderr.strip().splitlines()) == 1


def test_forgotten_start_queue_runners_is_stopped():
    started = time.monotonic()
    completed = run("forgot_queue_runners.py", runner_args=["--hang-timeout", "2"], timeout=60)
    assert time.monotonic() - started < 2 + 30
    assert completed.returncode == 124
    assert "waiting" in completed.stdout
    assert "`input_producer`" in completed.stderr and "start_queue_runners" in completed.stderr


def test_queue_runner_exception_reaches_main_loop():
    completed = run("queue_runner_error.py", runner_args=["--hang-timeout", "20"], timeout=60)
    assert completed.returncode == 1
    assert "ValueError: bad record 17 in the source" in completed.stderr
    assert "Traceback" in completed.stderr


def test_ctrl_c_stops_a_blocked_session_run():
    env = dict(os.environ)
    process = subprocess.Popen(
        [sys.executable, "-m", "tf1compat", "--hang-timeout", "0", os.path.join(SCRIPTS, "forgot_queue_runners.py")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert process.stdout.readline().strip() == "waiting"
        time.sleep(0.5)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 130
    assert "interrupted (Ctrl-C)" in stderr


def test_module_mode_runs_a_package_module(tmp_path):
    package = tmp_path / "oldpkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "train.py").write_text(
        "import sys\nimport tensorflow as tf\n"
        "print('RESULT', '{\"name\": \"%s\", \"argv\": %s, \"ph\": %s}' % "
        "(__name__, repr(sys.argv[1:]).replace(\"'\", '\"'), str(hasattr(tf, 'placeholder')).lower()))\n")
    completed = subprocess.run([sys.executable, "-m", "tf1compat", "-m", "oldpkg.train", "--x", "1"],
                               capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result_of(completed) == {"name": "__main__", "argv": ["--x", "1"], "ph": True}


def test_mnist_tutorial_runs_unchanged_offline(tmp_path):
    completed = run("mnist_tutorial.py", str(tmp_path / "MNIST_data"), timeout=300)
    result = result_of(completed)
    assert result["accuracy"] > 0.85, result
    assert result["test"] == 1000
    assert result["train"] + 500 == 4000  # the embedded subset, with validation scaled to 500
    assert "embedded" in completed.stderr  # one line saying the offline fallback was used


def test_a_users_log_level_is_respected():
    completed = run("graph_feed_dict.py", env_extra={"TF_CPP_MIN_LOG_LEVEL": "0"})
    assert result_of(completed)["value"] == [[11.5, 13.5]]
    # TensorFlow's own C++ log lines (I/W/E0000 ...), as the user asked for them.
    assert re.search(r"^[IWE]0000 ", completed.stderr, re.MULTILINE), completed.stderr


def test_unknown_runner_option_is_one_usage_line():
    completed = subprocess.run([sys.executable, "-m", "tf1compat", "--bogus", "x.py"],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 2
    assert completed.stderr.startswith("ERROR unrecognized arguments: --bogus")
    assert "available: --bf16, --bf16=force, --cluster, --cluster-flags, " in completed.stderr
    assert "--figures, --finish-grace, --hang-timeout, --help, --job-name, --legacy, --legacy-package, " \
        in completed.stderr
    assert "--output, --overwrite, --plain, --real, --real-numpy, --report, " in completed.stderr
    assert "--strict-devices, " in completed.stderr
