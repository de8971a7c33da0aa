"""TF1 notebooks run unchanged: the runner, ``%load_ext tf1compat`` and the ``tf1compat`` kernel, on real kernels."""
import hashlib
import json
import os
import signal
import subprocess
import sys
import time

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from tf1compat.cli import runner

# The TF1 notebook: each cell prints what a test asserts on.
TF1_CELLS = [
    "%matplotlib inline\ntry:\n    %tensorflow_version 1.x\nexcept Exception:\n    pass",
    "import os, sys\nimport numpy as np\nimport tensorflow as tf\nimport matplotlib.pyplot as plt\n"
    "from helper import scale\nprint('argv', sys.argv[1:], 'cwd', os.path.basename(os.getcwd()))",
    "x = tf.placeholder(tf.float32, [None, 3])\n"
    "y = tf.contrib.layers.fully_connected(x, 2, activation_fn=None, weights_initializer=tf.ones_initializer(),\n"
    "                                      biases_initializer=tf.constant_initializer(0.5))\n"
    "z = tf.layers.dense(x, 1, use_bias=False, kernel_initializer=tf.ones_initializer())\n"
    "sess = tf.InteractiveSession()\nsess.run(tf.global_variables_initializer())\n"
    "print('fc', y.eval(feed_dict={x: [[1., 2., 3.], [0., 0., 1.]]}).tolist())\n"
    "print('dense', z.eval(feed_dict={x: [[1., 2., 3.]]}).tolist())",
    "queue = tf.FIFOQueue(10, tf.float32)\nenqueue = queue.enqueue(tf.constant(scale(2.0)))\n"
    "tf.train.add_queue_runner(tf.train.QueueRunner(queue, [enqueue]))\ncoord = tf.train.Coordinator()\n"
    "threads = tf.train.start_queue_runners(sess=sess, coord=coord)\n"
    "values = [float(sess.run(queue.dequeue())) for _ in range(3)]\ncoord.request_stop()\ncoord.join(threads)\n"
    "print('queue', values)",
    "steps = np.arange(4, dtype=np.int)\nprint('np.int', steps.dtype, int(np.array([7])) * 2)",
    "def helper_sees_tf1():\n    import tensorflow as inner\n    return hasattr(inner, 'placeholder')\n"
    "print('function', helper_sees_tf1())",
    "plt.plot([1, 2, 3], [1, 4, 9])\nplt.title('squares')\nplt.show()",
    "!echo shell-says-hi\n%time total = sum(range(10))\nprint('total', total)",
    "6 * 7",
]
TF1_LINES = ["fc [[6.5, 6.5], [1.5, 1.5]]", "dense [[6.0]]", "queue [6.0, 6.0, 6.0]", "np.int int64 14", "function True",
             "shell-says-hi", "total 45"]
HELPER = "import tensorflow as tf\n\nTF1 = hasattr(tf, 'placeholder')\n\n\ndef scale(value):\n    assert TF1\n    return value * 3\n"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def write_notebook(path, cells, markdown_first=True):
    notebook = new_notebook(cells=([new_markdown_cell("# A TF1 notebook")] if markdown_first else [])
                            + [new_code_cell(source) for source in cells])
    notebook.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Python 3"}
    nbformat.write(notebook, str(path))
    return str(path)


def runner_env():
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("TF_CPP_MIN_LOG_LEVEL", None)
    return env


def run_runner(*argv, cwd, timeout=240):
    return subprocess.run([sys.executable, "-m", "tf1compat", *argv], capture_output=True, text=True, cwd=cwd,
                          env=runner_env(), timeout=timeout)


def stream_text(cell):
    text = "".join(output.get("text", "") for output in cell.outputs if output.output_type == "stream")
    return text.replace("\r\n", "\n")  # `!echo` output comes through a pseudo-terminal


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("project")
    (folder / "helper.py").write_text(HELPER)
    write_notebook(folder / "tf1.ipynb", TF1_CELLS)
    return folder


@pytest.fixture(scope="module")
def runner_run(project, tmp_path_factory):
    """One run of the TF1 notebook through ``python -m tf1compat``, shared by the assertions below."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    before = (project / "tf1.ipynb").read_bytes()
    completed = run_runner("--report", "--figures", "figs", "--output", "executed.ipynb",
                           str(project / "tf1.ipynb"), "--lr", "0.5", cwd=elsewhere)
    return completed, elsewhere, before


@pytest.mark.slow
def test_runner_runs_the_tf1_notebook_unchanged(runner_run, project):
    completed, _, before = runner_run
    assert completed.returncode == 0, completed.stderr[-3000:]
    lines = completed.stdout.splitlines()
    for expected in TF1_LINES:
        assert expected in lines, completed.stdout
    # Script arguments and the working directory are the notebook's, as Jupyter runs it.
    assert f"argv ['--lr', '0.5'] cwd {project.name}" in lines
    assert "Out[9]: 42" in lines  # the last expression, numbered as Jupyter numbers it
    assert completed.stderr.count("%tensorflow_version 1.x` is Colab's switch") == 1
    assert (project / "tf1.ipynb").read_bytes() == before  # the user's notebook is never rewritten


@pytest.mark.slow
def test_runner_saves_inline_figures_and_writes_the_executed_copy(runner_run):
    completed, elsewhere, _ = runner_run
    figure = elsewhere / "figs" / "tf1_1.png"
    assert figure.read_bytes()[:8] == PNG_SIGNATURE
    assert f"In [7]: `plt.plot([1, 2, 3], [1, 4, 9])`: saved figure to figs{os.sep}tf1_1.png" in completed.stderr
    executed = nbformat.read(str(elsewhere / "executed.ipynb"), as_version=4)
    code_cells = [cell for cell in executed.cells if cell.cell_type == "code"]
    assert [cell.execution_count for cell in code_cells] == list(range(1, 10))
    assert "fc [[6.5, 6.5], [1.5, 1.5]]" in stream_text(code_cells[2])
    images = [output for output in code_cells[6].outputs if "image/png" in output.get("data", {})]
    assert len(images) == 1
    assert hashlib.sha256(figure.read_bytes()).hexdigest() == hashlib.sha256(
        __import__("base64").b64decode(images[0]["data"]["image/png"])).hexdigest()


@pytest.mark.slow
def test_runner_report_lists_the_notebooks_tf1_apis(runner_run):
    completed, _, _ = runner_run
    report = completed.stderr[completed.stderr.index("tf1compat report:"):]
    assert report.startswith("tf1compat report: 9 TF1 APIs used")
    for used in ("tf.placeholder ", "tf.contrib.layers ", "tf.InteractiveSession ", "tf.train.Coordinator ",
                 "tf.layers", "np.int ", "int(a) / float(a) of a size-1 array"):
        assert used in report
    assert "(first at In [5] line 1)" in report  # np.int, named as Jupyter names the cell


@pytest.fixture(scope="module")
def failing_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("failing")
    write_notebook(folder / "fails.ipynb", [
        "print('one')", "import tensorflow as tf\nprint('placeholder', hasattr(tf, 'placeholder'))", "",
        "def broken():\n    return undefined_name\nprint('before')\nbroken()", "print('never')"])
    return run_runner("--output", "executed.ipynb", "fails.ipynb", cwd=folder), folder


@pytest.mark.slow
def test_a_failing_cell_stops_the_run_and_is_named_as_jupyter_shows_it(failing_run):
    failing_run, folder = failing_run
    assert failing_run.returncode == 1
    assert failing_run.stdout.splitlines() == ["one", "placeholder True", "before"]
    stderr = failing_run.stderr
    assert "tf1compat: In [3]: `def broken():` failed:" in stderr
    assert "----> 2     return undefined_name" in stderr  # the traceback, cell lines included
    assert "NameError: name 'undefined_name' is not defined" in stderr
    assert stderr.rstrip().splitlines()[-2:] == [
        "tf1compat: stopped at In [3]: `def broken():` (NameError); 1 later code cell(s) not run.",
        "tf1compat: wrote the executed notebook to executed.ipynb"]
    assert "\x1b[" not in stderr  # no colour codes when stderr is not a terminal
    # The executed copy is written after a failure too: outputs up to the failing cell, none after it.
    executed = nbformat.read(str(folder / "executed.ipynb"), as_version=4)
    assert [output.get("ename") for output in executed.cells[4].outputs if output.output_type == "error"] == [
        "NameError"]
    assert executed.cells[5].outputs == []


def kernel_children(pid):
    children = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            children.append(int(entry))
    return children


@pytest.mark.slow
def test_ctrl_c_interrupts_the_kernel_and_exits_130(tmp_path):
    write_notebook(tmp_path / "sleeps.ipynb", [
        "import time\nprint('started', flush=True)\nfor _ in range(1200):\n    time.sleep(0.05)", "print('never')"])
    process = subprocess.Popen([sys.executable, "-m", "tf1compat", "sleeps.ipynb"], cwd=tmp_path, env=runner_env(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline() == "started\n"
        kernels = kernel_children(process.pid)
        assert len(kernels) == 1
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130
    assert "never" not in stdout
    assert "KeyboardInterrupt" in stderr
    assert stderr.rstrip().splitlines()[-1] == "tf1compat: interrupted (Ctrl-C); later cells were not run."
    with pytest.raises(ProcessLookupError):
        for _ in range(50):  # reaped by init once the runner is gone
            os.kill(kernels[0], 0)
            time.sleep(0.1)


@pytest.mark.slow
def test_the_hang_watchdog_stops_a_starved_cell(tmp_path):
    write_notebook(tmp_path / "starved.ipynb", [
        "import tensorflow as tf\nqueue = tf.FIFOQueue(3, tf.float32)\n"
        "tf.train.add_queue_runner(tf.train.QueueRunner(queue, [queue.enqueue(1.0)]))\nsess = tf.Session()\n"
        "print('waiting', flush=True)\nsess.run(queue.dequeue())", "print('never')"])
    completed = run_runner("--hang-timeout", "2", "starved.ipynb", cwd=tmp_path)
    assert completed.returncode == 124
    assert completed.stdout == "waiting\n"
    assert "`sess.run` has waited 2 s on queue(s) `fifo_queue`, and no queue-runner thread is running" \
        in completed.stderr


def execute_in_kernel(notebook_path, kernel_name, notebook=None):
    from nbclient import NotebookClient

    notebook = notebook or nbformat.read(notebook_path, as_version=4)
    client = NotebookClient(notebook, kernel_name=kernel_name, timeout=240,
                            resources={"metadata": {"path": os.path.dirname(notebook_path)}})
    return client.execute()


def assert_tf1_cells_ran(executed, first_tf1_cell):
    text = "".join(stream_text(cell) for cell in executed.cells if cell.cell_type == "code")
    for expected in TF1_LINES:
        assert expected + "\n" in text
    images = [output for cell in executed.cells if cell.cell_type == "code" for output in cell.outputs
              if "image/png" in output.get("data", {})]
    assert len(images) == 1
    assert executed.cells[first_tf1_cell + 8].outputs[-1]["data"]["text/plain"] == "42"


@pytest.mark.slow
def test_load_ext_makes_the_python3_kernels_cells_legacy(project):
    path = write_notebook(project / "with_extension.ipynb", ["%load_ext tf1compat", *TF1_CELLS])
    executed = execute_in_kernel(path, "python3")
    assert_tf1_cells_ran(executed, first_tf1_cell=2)


@pytest.mark.slow
def test_load_ext_after_tensorflow_says_what_to_do(tmp_path):
    from nbclient.exceptions import CellExecutionError

    path = write_notebook(tmp_path / "late.ipynb", ["import tensorflow", "%load_ext tf1compat", "print('never')"])
    notebook = nbformat.read(path, as_version=4)
    with pytest.raises(CellExecutionError) as failure:
        execute_in_kernel(path, "python3", notebook=notebook)
    assert failure.value.ename == "UsageError"  # the run stops at that cell
    shown = stream_text(notebook.cells[2])  # IPython shows a UsageError as one line, no traceback
    assert shown.startswith("UsageError: `%load_ext tf1compat` came after TensorFlow was imported in this kernel")
    assert shown.rstrip().endswith("Restart the kernel and make `%load_ext tf1compat` the notebook's first cell.")
    assert notebook.cells[3].outputs == []


@pytest.fixture
def jupyter_data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "jupyter-data"
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(folder))
    return folder


def kernel_command(*argv):
    return subprocess.run([sys.executable, "-m", "tf1compat.kernel", *argv], capture_output=True, text=True,
                          env=dict(os.environ), timeout=60)


@pytest.mark.slow
def test_installed_kernel_runs_the_tf1_notebook(project, jupyter_data_dir):
    installed = kernel_command("install")
    assert installed.returncode == 0, installed.stderr
    spec = json.loads((jupyter_data_dir / "kernels" / "tf1compat" / "kernel.json").read_text())
    assert spec["display_name"] == "Python 3 (TF1, tf1compat)"
    assert spec["argv"] == [sys.executable, "-m", "tf1compat.kernel", "launch", "-f", "{connection_file}"]
    executed = execute_in_kernel(str(project / "tf1.ipynb"), "tf1compat")
    assert_tf1_cells_ran(executed, first_tf1_cell=1)
    assert kernel_command("remove").returncode == 0
    assert not (jupyter_data_dir / "kernels" / "tf1compat").exists()


def test_kernel_spec_install_and_remove_honour_prefix(tmp_path, jupyter_data_dir):
    assert kernel_command("install", "--prefix", str(tmp_path)).returncode == 0
    folder = tmp_path / "share" / "jupyter" / "kernels" / "tf1compat"
    assert json.loads((folder / "kernel.json").read_text())["language"] == "python"
    assert not jupyter_data_dir.exists()
    assert kernel_command("remove", "--prefix", str(tmp_path)).returncode == 0
    assert not folder.exists()
    again = kernel_command("remove", "--prefix", str(tmp_path))
    assert again.returncode == 1
    assert again.stderr.strip() == f"ERROR `tf1compat`: no kernel spec installed in {folder}; nothing to remove"


@pytest.mark.parametrize("content, message", [
    ('{"cells": [', "is not a Jupyter notebook: broken JSON at line 1 column 12"),
    ("import tensorflow as tf\n", "is not a Jupyter notebook: broken JSON at line 1 column 1"),
    ('{"a": 1}', "is not a Jupyter notebook (JSON without `cells`)"),
    ('{"nbformat": 3, "nbformat_minor": 0, "worksheets": [], "metadata": {}}',
     "is nbformat 3; tf1compat runs nbformat 4 notebooks: open and save it in Jupyter"),
])
def test_bad_notebooks_get_one_line_and_exit_2(tmp_path, capsys, content, message):
    path = tmp_path / "bad.ipynb"
    path.write_text(content)
    assert runner.main([str(path)]) == 2
    stderr = capsys.readouterr().err
    assert stderr.startswith(f"ERROR `{path}` {message}")
    assert len(stderr.splitlines()) == 1


def test_output_never_overwrites_the_notebook_or_another_file(tmp_path, capsys):
    notebook = write_notebook(tmp_path / "nb.ipynb", ["print(1)"])
    existing = tmp_path / "existing.ipynb"
    existing.write_text("keep")
    assert runner.main(["--output", notebook, notebook]) == 2
    assert "is the notebook being run; tf1compat never rewrites it" in capsys.readouterr().err
    assert runner.main(["--output", str(existing), notebook]) == 2
    assert "exists; add --overwrite to replace it" in capsys.readouterr().err
    assert existing.read_text() == "keep"
    assert runner.main(["--output", str(tmp_path / "out.ipynb"), str(tmp_path / "script.py")]) == 2
    assert "--output/--overwrite apply to notebooks (.ipynb) only" in capsys.readouterr().err


def test_bf16_is_refused_before_a_kernel_starts(tmp_path, capsys, monkeypatch):
    notebook = write_notebook(tmp_path / "nb.ipynb", ["print(1)"])
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("flags\t\t: fpu sse2 avx2\n")
    monkeypatch.setenv("TF1COMPAT_CPUINFO", str(cpuinfo))
    assert runner.main(["--bf16", notebook]) == 2
    assert capsys.readouterr().err.startswith("ERROR `--bf16`: this CPU has no native bfloat16")


def test_legacy_folders_count_from_the_runners_directory(tmp_path):
    for folder in ("nb", "run/lib", "run/other"):
        (tmp_path / folder).mkdir(parents=True)
    # In a fresh process: activating the scope replaces builtins.__import__.
    program = ("import json, sys\nfrom tf1compat import scope\nfrom tf1compat.cli import runner\n"
               "from tf1compat.notebooks import legacy_kernel\n"
               "options = runner.build_parser('test').parse_args(['--legacy', 'lib'])\n"
               "legacy_kernel.activate_for_notebook(sys.argv[1], options, runner_cwd=sys.argv[2])\n"
               "print(json.dumps([scope.in_scope(path) for path in sys.argv[3:]]))\n")
    files = [tmp_path / "nb" / "helper.py", tmp_path / "run" / "lib" / "old.py", tmp_path / "run" / "other" / "x.py"]
    completed = subprocess.run([sys.executable, "-c", program, str(tmp_path / "nb"), str(tmp_path / "run"),
                                *map(str, files)], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == [True, True, False]


def test_a_missing_legacy_folder_is_refused_before_a_kernel_starts(tmp_path, capsys):
    notebook = write_notebook(tmp_path / "nb.ipynb", ["print(1)"])
    assert runner.main(["--legacy", str(tmp_path / "missing"), notebook]) == 2
    assert capsys.readouterr().err.startswith(f"ERROR `--legacy {tmp_path / 'missing'}`: the folder")
