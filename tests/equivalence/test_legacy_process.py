"""Tests of migration.equivalence.legacy_process: TF1 functions run in a fresh graph-mode process, results pickled back."""

import numpy as np
import pytest

from migration.equivalence import LegacyRunError, run_legacy, run_legacy_many

TF1_MATMUL = '''
import numpy as np
import tensorflow as tf

from migration.equivalence import export_variables


def matmul(rows):
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    with tf.variable_scope("layer"):
        w = tf.get_variable("w", initializer=tf.constant([[1.0, 2.0], [3.0, 4.0]]))
        tf.get_variable("steps", initializer=tf.constant(0), trainable=False)
    y = tf.matmul(x, w)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        return {"y": sess.run(y, {x: rows}), "weights": export_variables(sess),
                "every": export_variables(sess, tf.global_variables())}


def graph_mode(label=None):
    return {"eager": tf.executing_eagerly(), "label": label}
'''

NO_TF = '''
import os
import time


def fail():
    raise ValueError("kaboom from the legacy side")


def sleep(seconds):
    time.sleep(seconds)


def where():
    return os.getcwd()
'''


@pytest.fixture()
def legacy_files(tmp_path):
    (tmp_path / "tf1_matmul.py").write_text(TF1_MATMUL)
    (tmp_path / "no_tf.py").write_text(NO_TF)
    return tmp_path


@pytest.mark.slow
def test_tf1_functions_run_in_graph_mode_in_one_process(legacy_files):
    rows = np.array([[1.0, 1.0], [0.0, 2.0]], np.float32)
    matmul, mode = run_legacy_many(legacy_files / "tf1_matmul.py",
                                   [("matmul", (rows,), {}), ("graph_mode", (), {"label": "second"})])
    np.testing.assert_array_equal(matmul["y"], np.array([[4.0, 6.0], [6.0, 8.0]], np.float32))
    assert matmul["y"].dtype == np.float32
    assert list(matmul["weights"]) == ["layer/w"]  # trainable only, ':0' stripped
    assert list(matmul["every"]) == ["layer/w", "layer/steps"]  # creation order
    assert matmul["every"]["layer/steps"] == 0
    assert mode == {"eager": False, "label": "second"}


def test_failure_raises_with_the_stderr_tail(legacy_files):
    with pytest.raises(LegacyRunError, match="kaboom from the legacy side") as caught:
        run_legacy(legacy_files / "no_tf.py", "fail")
    assert caught.value.returncode == 1
    assert "while running fail" in str(caught.value)


def test_unknown_function_is_named(legacy_files):
    with pytest.raises(LegacyRunError, match="`nope`: .* has no such function"):
        run_legacy(legacy_files / "no_tf.py", "nope")


def test_timeout_kills_the_child(legacy_files):
    with pytest.raises(LegacyRunError, match="did not finish within 1 s"):
        run_legacy_many(legacy_files / "no_tf.py", [("sleep", (60,))], timeout=1)


def test_cwd_and_call_forms(legacy_files, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    assert run_legacy_many(legacy_files / "no_tf.py", ["where", ("where",)], cwd=work) == [str(work)] * 2


def test_missing_file_and_function_objects_are_refused(legacy_files):
    with pytest.raises(FileNotFoundError, match="no such file"):
        run_legacy(legacy_files / "absent.py", "main")
    with pytest.raises(TypeError, match="by its name"):
        run_legacy_many(legacy_files / "no_tf.py", [(print, ())])
