"""Legacy code wherever it lives: PYTHONPATH folders, folders a script inserts, installed TF1-era packages.

One project is built per module: ``lib/`` (joined by PYTHONPATH) beside ``scripts/``, ``common/``
(the script inserts ``../common`` into ``sys.path``), and two distributions pip-installed
non-editable into ``site/`` (``pip install --no-deps --no-build-isolation --target``): the
TF1-era ``oldtfhelpers`` and a TF2 library ``tf2helpers`` that must keep the real TF2.
"""
import json
import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.slow

FILES = {
    "lib/mylib/__init__.py": """
        import tensorflow as tf

        def make_weights():
            with tf.variable_scope("mylib"):
                return tf.get_variable("w", initializer=tf.constant([1.0, 2.0]))
    """,
    "common/commonlib.py": """
        import tensorflow as tf

        def input_placeholder():
            return tf.placeholder(tf.float32, [2], name="x")
    """,
    "scripts/train.py": """
        import json, os, sys
        sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "common"))
        import tensorflow as tf
        import commonlib, mylib, oldtfhelpers, tf2helpers

        x = commonlib.input_placeholder()
        w = mylib.make_weights()
        y = oldtfhelpers.scaled(x * w, 3.0)
        squares = tf2helpers.squared_sum(tf.constant([1.0, 2.0, 3.0]))
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            values, total = sess.run([y, squares], {x: [0.5, -1.0]})
        print("RESULT " + json.dumps({"y": values.tolist(), "names": [w.name, y.name], "tf2": float(total),
                                      "tf2_library": tf2helpers.describe()}))
    """,
    "scripts/model.py": """
        import tensorflow as tf
        import mylib, oldtfhelpers

        def run(values):
            x = tf.placeholder(tf.float32, [2])
            y = oldtfhelpers.scaled(x * mylib.make_weights(), 2.0)
            with tf.Session() as sess:
                sess.run(tf.global_variables_initializer())
                return sess.run(y, {x: values}).tolist()
    """,
}
DISTRIBUTIONS = {
    "oldtfhelpers": """
        import tensorflow as tf

        def scaled(x, factor):
            with tf.variable_scope("helpers"):
                return tf.multiply(x, factor, name="scaled")
    """,
    "tf2helpers": """
        import tensorflow as tf

        @tf.function
        def squared_sum(x):
            return tf.reduce_sum(x * x)

        def describe():
            return {"has_function": hasattr(tf, "function"), "has_placeholder": hasattr(tf, "placeholder"),
                    "traced": squared_sum.get_concrete_function(tf.TensorSpec([3])).structured_outputs.shape.rank}
    """,
}
EXPECTED = {"y": [1.5, -6.0], "names": ["mylib/w:0", "helpers/scaled:0"], "tf2": 14.0,
            "tf2_library": {"has_function": True, "has_placeholder": False, "traced": 0}}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        handle.write(textwrap.dedent(text).lstrip())


def make_project(folder, pyproject=None):
    for relative, text in FILES.items():
        write(os.path.join(folder, relative), text)
    if pyproject:
        write(os.path.join(folder, "pyproject.toml"), pyproject)
    return folder


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Both distributions installed non-editable, as pip leaves them (``.dist-info`` included)."""
    sources = tmp_path_factory.mktemp("sources")
    for name, text in DISTRIBUTIONS.items():
        write(str(sources / name / name / "__init__.py"), text)
        write(str(sources / name / "pyproject.toml"), f"""
            [build-system]
            requires = ["setuptools>=61"]
            build-backend = "setuptools.build_meta"
            [project]
            name = "{name}"
            version = "0.3.0"
            [tool.setuptools]
            packages = ["{name}"]
        """)
    target = tmp_path_factory.mktemp("installed") / "site"
    completed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--no-index",
         "--target", str(target), *(str(sources / name) for name in DISTRIBUTIONS)],
        capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert sorted(os.listdir(target)) == ["oldtfhelpers", "oldtfhelpers-0.3.0.dist-info",
                                          "tf2helpers", "tf2helpers-0.3.0.dist-info"]
    return str(target)


def run_in(project, site, *runner_args, command=None):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([os.path.join(project, "lib"), site]))
    env.pop("TF_CPP_MIN_LOG_LEVEL", None)
    command = command or [sys.executable, "-m", "tf1compat", *runner_args, os.path.join("scripts", "train.py")]
    return subprocess.run(command, capture_output=True, text=True, cwd=project, env=env, timeout=300)


def result_of(completed):
    assert completed.returncode == 0, completed.stderr[-3000:]
    lines = [line for line in completed.stdout.splitlines() if line.startswith("RESULT ")]
    return json.loads(lines[-1][len("RESULT "):])


def test_legacy_package_option_with_pythonpath_and_inserted_folders(tmp_path, site):
    project = make_project(str(tmp_path / "project"))
    completed = run_in(project, site, "--legacy-package", "oldtfhelpers", "--report")
    assert result_of(completed) == EXPECTED
    scope_section = completed.stderr.split("Legacy scope: code here saw the TF1 API (4; ")[1].splitlines()[1:5]
    assert [line.split() for line in scope_section] == [
        [os.path.join(site, "oldtfhelpers") + os.sep, "[--legacy-package", "oldtfhelpers]"],
        [os.path.join(project, "scripts") + os.sep, "[the", "script's", "folder", "tree]"],
        [os.path.join(project, "common") + os.sep, "[sys.path", "entry", "the", "program", "added]"],
        [os.path.join(project, "lib") + os.sep, "[sys.path", "entry", "from", "PYTHONPATH]"]]


def test_pyproject_names_the_installed_package(tmp_path, site):
    project = make_project(str(tmp_path / "project"), pyproject="""
        [project]
        name = "trainer"
        [tool.tf1compat]
        legacy-packages = ["oldtfhelpers"]
    """)
    assert result_of(run_in(project, site)) == EXPECTED


def test_an_unnamed_installed_package_gets_the_one_line_hint(tmp_path, site):
    project = make_project(str(tmp_path / "project"))
    completed = run_in(project, site)
    assert completed.returncode == 1
    hint = ("ERROR `oldtfhelpers/__init__.py` uses TF1 API (tf.variable_scope) but is outside the legacy scope: "
            "it is the installed package `oldtfhelpers`; run with --legacy-package oldtfhelpers "
            "(or list it under [tool.tf1compat] legacy-packages)\n")
    assert completed.stderr == hint
    verbose = run_in(project, site, "--verbose")
    assert verbose.returncode == 1
    assert "Traceback (most recent call last)" in verbose.stderr
    assert "AttributeError: module 'tensorflow' has no attribute 'variable_scope'" in verbose.stderr
    assert verbose.stderr.endswith(hint)


def test_load_legacy_module_takes_the_same_settings(tmp_path, site):
    project = make_project(str(tmp_path / "project"))
    code = textwrap.dedent("""
        import json, tf1compat
        model = tf1compat.load_legacy_module("scripts/model.py", legacy_paths=["lib"],
                                             legacy_packages=["oldtfhelpers"])
        import tensorflow as tf
        print("RESULT " + json.dumps({"y": model.run([1.0, 1.0]), "caller_has_placeholder": hasattr(tf, "placeholder")}))
    """)
    completed = run_in(project, site, command=[sys.executable, "-c", code])
    assert result_of(completed) == {"y": [2.0, 4.0], "caller_has_placeholder": False}


def test_cluster_tasks_get_the_scope_options(tmp_path, site):
    project = make_project(str(tmp_path / "project"))
    write(os.path.join(project, "scripts", "worker.py"), """
        import tensorflow as tf
        import oldtfhelpers

        tf.app.flags.DEFINE_string("worker_hosts", "", "")
        tf.app.flags.DEFINE_string("job_name", "", "")
        tf.app.flags.DEFINE_integer("task_index", 0, "")
        FLAGS = tf.app.flags.FLAGS

        def main(_):
            cluster = tf.train.ClusterSpec({"worker": FLAGS.worker_hosts.split(",")})
            server = tf.train.Server(cluster, job_name=FLAGS.job_name, task_index=FLAGS.task_index)
            x = tf.placeholder(tf.float32, [2])
            with tf.Session(server.target) as sess:
                print("RESULT", sess.run(oldtfhelpers.scaled(x, 4.0), {x: [1.0, -0.5]}).tolist(), flush=True)

        tf.app.run()
    """)
    completed = run_in(project, site, command=[
        sys.executable, "-m", "tf1compat", "--cluster", "worker=1", "--legacy-package", "oldtfhelpers",
        os.path.join("scripts", "worker.py")])
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "[worker 0] RESULT [4.0, -2.0]" in completed.stdout
