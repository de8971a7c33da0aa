"""Tests of ``python -m migration.scan``: bindings, idioms, call shapes, reports, verdicts and bad input."""
import json
import os
import subprocess
import sys
import textwrap

import pytest

from migration import scan, scan_report
from migration.scan_engine import scan_file, scan_paths, scan_text

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "scan_fixtures")


def symbols(text, **options):
    """``[(line, symbol, severity)]`` of the findings in ``text``."""
    return [(f.line, f.symbol, f.severity) for f in scan_text(textwrap.dedent(text), **options)]


@pytest.mark.parametrize("source, expected", [
    ("import tensorflow as tf\ntf.Session()", "tf.Session"),
    ("import tensorflow\ntensorflow.Session()", "tf.Session"),
    ("import tensorflow.compat.v1 as tf\ntf.placeholder(tf.float32)", "tf.placeholder"),
    ("import tensorflow as tf\ntf.compat.v1.placeholder(tf.float32)", "tf.placeholder"),
    ("from tensorflow.compat import v1 as tf\ntf.train.Saver()", "tf.train.Saver"),
    ("import tensorflow as tf\ntf1 = tf.compat.v1\ntf1.train.Saver()", "tf.train.Saver"),
    ("import tensorflow as tf\ntrain = tf.train\ntrain.AdamOptimizer(0.1)", "tf.train.AdamOptimizer"),
    ("import tensorflow.contrib.slim as slim\nslim.conv2d(x, 1, 1)", "tf.contrib.slim.conv2d"),
    ("from tensorflow import contrib\ncontrib.layers.flatten(x)", "tf.contrib.layers.flatten"),
    ("from tensorflow.contrib.layers import flatten\nflatten(x)", "tf.contrib.layers.flatten"),
    ("import tensorflow as tf\ndef f():\n    import tensorflow.compat.v1 as v1\n    v1.Print(x, [x])", "tf.Print"),
])
def test_binding_forms_resolve_to_the_tf1_name(source, expected):
    assert expected in {symbol for _, symbol, _ in symbols(source)}


def test_rebinding_a_name_to_something_else_ends_its_tensorflow_meaning():
    source = """\
        from tensorflow import logging
        logging.info("a")
        import logging
        logging.info("b")
        """
    assert symbols(source) == [(1, "tf.logging", "INFO")]


def test_a_fallback_assignment_in_an_except_branch_keeps_the_import():
    source = """\
        try:
            import tensorflow.compat.v1 as tf
        except ImportError:
            tf = None
        tf.Session()
        """
    assert symbols(source) == [(5, "tf.Session", "WARNING")]


def test_names_not_bound_to_tensorflow_are_never_flagged():
    assert symbols("import numpy as tf\ntf.Session()\nsess.run(x)\nlayers.dense(x, 2)") == []


@pytest.mark.parametrize("call, flagged", [
    ("tf.nn.dropout(x, 0.5)", True),
    ("tf.nn.dropout(x, keep_prob)", True),
    ("tf.nn.dropout(x, keep_prob=0.5)", True),
    ("tf.nn.dropout(x, rate=0.5)", False),
    ("tf.nn.dropout(x, rate=1 - keep_prob, seed=1)", False),
    ("tf.keras.layers.Dropout(0.5)(x)", False),
])
def test_keep_prob_dropout_is_flagged_and_rate_dropout_is_not(call, flagged):
    found = symbols(f"import tensorflow as tf\n{call}")
    assert found == ([(2, "tf.nn.dropout", "WARNING")] if flagged else [])


def test_positional_keep_prob_message_warns_that_tf2_reads_it_as_rate():
    (finding,) = scan_text("import tensorflow as tf\ndrop = tf.nn.dropout\ndrop(x, 0.9)")
    assert (finding.line, finding.col, finding.category) == (3, 9, "dropout")
    assert "rate" in finding.message and "migration/cnn_mnist.py" in finding.message


@pytest.mark.parametrize("source, expected", [
    ("sess.run(op, feed_dict={x: 1})", [(1, "feed_dict", "placeholder")]),
    ("sess.run(op, {x: 1})", [(1, "feed_dict", "placeholder")]),
    ("loss.eval(feed_dict={x: 1})", [(1, "feed_dict", "placeholder")]),
    ("opt.minimize(loss, global_step=step)", [(1, "global_step", "optimizer")]),
    ("scope.reuse_variables()", [(1, "reuse_variables()", "variables")]),
    ("it = dataset.make_one_shot_iterator()", [(1, "make_one_shot_iterator()", "queue")]),
    ("app.run(main, argv)", []),
    ("model.run(x, y)", []),
])
def test_method_call_shapes(source, expected):
    assert [(f.line, f.symbol, f.category) for f in scan_text(source)] == expected


def test_v1_summaries_are_flagged_unless_the_file_writes_v2_summaries():
    v1 = "import tensorflow as tf\ntf.summary.scalar('loss', loss)\ntf.summary.histogram('w', w)"
    assert [symbol for _, symbol, _ in symbols(v1)] == ["tf.summary.scalar", "tf.summary.histogram"]
    assert symbols("import tensorflow as tf\ntf.summary.scalar('loss', loss, step=3)") == []
    assert symbols("import tensorflow as tf\ntf.summary.scalar('loss', loss, 3)") == []
    v2_default_step = """\
        import tensorflow as tf
        writer = tf.summary.create_file_writer("logs")
        with writer.as_default(step=3):
            tf.summary.scalar("loss", loss)
        """
    assert symbols(v2_default_step) == []


def test_aliases_of_compat_idioms_are_reported_once_where_they_are_made():
    source = """\
        import tensorflow as tf
        FLAGS = tf.app.flags.FLAGS
        print(FLAGS.steps, FLAGS.rate)
        from tensorflow import Session
        Session()
        """
    assert symbols(source) == [(2, "tf.app.flags.FLAGS", "INFO"), (4, "tf.Session", "WARNING")]


def test_target_tf_changes_severity_and_notes_from_the_version_table():
    source = "import tensorflow as tf\ntf.estimator.Estimator(f)\ntf.layers.dense(x, 2)"
    new = scan_text(source, target="2.21")
    old = scan_text(source, target="2.15")
    assert [f.severity for f in new] == ["ERROR", "WARNING"]
    assert [f.severity for f in old] == ["WARNING", "WARNING"]
    assert "TF_USE_LEGACY_KERAS=1" in new[1].message and "TF_USE_LEGACY_KERAS" not in old[1].message
    assert "before TF 2.16" in old[0].message and "before TF 2.16" not in new[0].message


ALIASED_CONTRIB = [  # (line, symbol, severity, kind) in tests/scan_fixtures/aliased_contrib.py
    (3, "tf.contrib.slim", "WARNING", "provided"),
    (4, "tf.contrib.rnn", "WARNING", "provided"),
    (5, "tf.examples.tutorials.mnist.input_data", "WARNING", "provided"),
    (8, "tf.contrib.layers", "WARNING", "provided"),
    (13, "tf.contrib.slim.conv2d", "WARNING", "provided"),
    (14, "tf.contrib.layers.flatten", "WARNING", "provided"),
    (15, "tf.contrib.rnn.BasicLSTMCell", "WARNING", "provided"),
    (16, "tf.nn.dropout", "WARNING", "compat"),
    (17, "tf.nn.dropout", "WARNING", "compat"),
    (18, "tf.Print", "WARNING", "compat"),
    (19, "tf.set_random_seed", "WARNING", "compat"),
    (24, "tf.examples.tutorials.mnist.input_data.read_data_sets", "WARNING", "provided"),
    (25, "tf.contrib.learn.DNNClassifier", "ERROR", "removed"),
    (26, "tf.estimator.Estimator", "ERROR", "removed"),
    (27, "tf.contrib.rnn.LSTMBlockCell", "ERROR", "removed"),
]


def test_aliased_contrib_fixture_findings_and_verdict():
    result = scan_file(os.path.join(FIXTURES, "aliased_contrib.py"))
    assert [(f.line, f.symbol, f.severity, f.kind) for f in result.findings] == ALIASED_CONTRIB
    decided = scan_report.verdict(result)
    assert decided.status == scan_report.BLOCKED and decided.runs_under_tf1compat is False
    assert [f.symbol for f in decided.blockers] == [
        "tf.contrib.learn.DNNClassifier", "tf.estimator.Estimator", "tf.contrib.rnn.LSTMBlockCell"]


def test_compat_v1_fixture_covers_every_tf1_category_and_runs_as_is():
    result = scan_file(os.path.join(FIXTURES, "compat_v1.py"))
    assert {f.category for f in result.findings} == {
        "session", "app", "variables", "layers", "placeholder", "optimizer", "summary", "queue", "saver"}
    found = {f.symbol for f in result.findings}
    assert {"tf.disable_v2_behavior", "tf.AUTO_REUSE", "reuse_variables()", "tf.get_variable", "feed_dict",
            "global_step", "tf.train.MomentumOptimizer", "tf.summary.FileWriter", "tf.TextLineReader",
            "tf.train.start_queue_runners", "tf.gfile.Glob", "tf.logging.info", "tf.app.run"} <= found
    assert len(result.findings) == 27
    assert scan_report.verdict(result).explain() == "runs under tf1compat as is"


def test_tf2_code_is_not_flagged():
    assert scan_file(os.path.join(FIXTURES, "tf2_clean.py")).findings == []


def test_notebook_cells_share_imports_and_skip_ipython_syntax():
    result = scan_file(os.path.join(FIXTURES, "notebook.ipynb"))
    assert [(f.cell, f.line, f.col, f.symbol) for f in result.findings] == [
        (2, 1, 5, "tf.placeholder"), (2, 4, 8, "tf.Session")]
    text = scan_report.format_text([result], "2.21")
    assert f"{result.path}:cell_2:4:8: WARNING: [session] `tf.Session` is TF1 API" in text


def test_reexport_through_a_sibling_module_is_resolved():
    result = scan_file(os.path.join(FIXTURES, "reexport", "model.py"))
    assert [(f.line, f.symbol) for f in result.findings] == [(6, "tf.InteractiveSession")]


def test_text_report_has_summary_then_findings_then_verdicts():
    results = scan_paths([FIXTURES])
    lines = scan_report.format_text(results, "2.21").splitlines()
    assert lines[0] == ("migration.scan: 6 files scanned for TF1 idioms (target TF 2.21): "
                        "45 findings (3 ERROR, 38 WARNING, 4 INFO)")
    assert lines[1] == "  contrib         7  (1 ERROR, 6 WARNING)"
    assert "  verdicts: 3 run under tf1compat as is, 1 do not, 2 without TF1 idioms, 0 do not parse" in lines
    first = lines.index("") + 1
    assert lines[first].startswith(os.path.join(FIXTURES, "aliased_contrib.py") + ":3:8: WARNING: [contrib] ")
    assert lines[-1] == f"  {os.path.join(FIXTURES, 'tf2_clean.py')}: no TF1 idioms found"


def test_json_report_follows_schema_version_1():
    document = scan_report.as_json(scan_paths([FIXTURES]), "2.21")
    assert document["schema_version"] == 1 and document["tool"] == "migration.scan"
    summary = document["summary"]
    assert summary["files_scanned"] == 6 and summary["findings"] == len(document["findings"]) == 45
    assert summary["by_severity"] == {"ERROR": 3, "WARNING": 38, "INFO": 4}
    assert summary["by_category"]["contrib"] == {"ERROR": 1, "WARNING": 6, "INFO": 0, "total": 7}
    assert summary["verdicts"] == {"runs_as_is": 3, "blocked": 1, "no_tf1_idioms": 2, "unparsable": 0}
    assert set(document["findings"][0]) == {"path", "cell", "line", "col", "severity", "category", "symbol",
                                            "kind", "message", "tf2", "example"}
    blocked = next(entry for entry in document["files"] if entry["verdict"] == "blocked")
    assert blocked["runs_under_tf1compat"] is False
    assert blocked["blockers"][0] == {"symbol": "tf.contrib.learn.DNNClassifier", "line": 25, "cell": None}


def run_main(argv, capsys):
    code = scan.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fixture, fail_on, expected", [
    ("aliased_contrib.py", None, 0), ("aliased_contrib.py", "ERROR", 1), ("compat_v1.py", "error", 0),
    ("compat_v1.py", "WARNING", 1), ("compat_v1.py", "INFO", 1), ("tf2_clean.py", "INFO", 0),
])
def test_fail_on_sets_the_exit_code(fixture, fail_on, expected, capsys):
    argv = [os.path.join(FIXTURES, fixture)] + (["--fail-on", fail_on] if fail_on else [])
    assert run_main(argv, capsys)[0] == expected


def test_json_flag_prints_the_document(capsys):
    code, out, _ = run_main([os.path.join(FIXTURES, "reexport"), "--json"], capsys)
    assert code == 0 and json.loads(out)["summary"]["findings"] == 1


def test_unparsable_files_are_findings_and_the_scan_goes_on(tmp_path, capsys):
    (tmp_path / "a_broken.py").write_text("import tensorflow as tf\ndef f(:\n")
    (tmp_path / "b_bad.ipynb").write_text("{not json")
    (tmp_path / "c_ok.py").write_text("import tensorflow as tf\ntf.Session()\n")
    code, out, _ = run_main([str(tmp_path), "--fail-on", "ERROR"], capsys)
    assert code == 1
    assert f"{tmp_path / 'a_broken.py'}:2:7: ERROR: [syntax] does not parse: invalid syntax" in out
    assert f"{tmp_path / 'b_bad.ipynb'}:1:1: ERROR: [syntax] does not parse: not a Jupyter notebook" in out
    assert f"  {tmp_path / 'a_broken.py'}: not checked: it does not parse (line 2)" in out
    assert f"  {tmp_path / 'c_ok.py'}: runs under tf1compat as is" in out


def _bad_inputs(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "blob.py").write_bytes(b"\x00\x01binary")
    (tmp_path / "latin.py").write_bytes(b"x = '\xe9'\n")
    return {
        "missing": ([str(tmp_path / "nope.py")], "`{}/nope.py`: no such file or folder"),
        "empty folder": ([str(tmp_path / "empty")], "`{}/empty`: folder has no .py files or .ipynb notebooks"),
        "not python": ([str(tmp_path / "notes.txt")], "`{}/notes.txt`: not a .py file or .ipynb notebook"),
        "binary": ([str(tmp_path / "blob.py")], "`{}/blob.py`: binary file (contains NUL bytes)"),
        "undecodable": ([str(tmp_path / "latin.py")], "`{}/latin.py`: not readable as Python source text"),
        "no path": ([], "no PATH given"),
        "bad severity": ([str(tmp_path), "--fail-on", "FATAL"], "`--fail-on FATAL`: unknown severity; "
                                                                 "available: ERROR, WARNING, INFO"),
        "bad target": ([str(tmp_path), "--target-tf", "1.15"], "`--target-tf 1.15`: not a TensorFlow 2.x version"),
        "unknown flag": ([str(tmp_path), "--frobnicate"], "unrecognized arguments: --frobnicate"),
    }


def test_bad_input_exits_2_with_one_error_line(tmp_path, capsys):
    for case, (argv, expected) in _bad_inputs(tmp_path).items():
        code, out, err = run_main(argv, capsys)
        assert (case, code, out) == (case, 2, "")
        assert err.startswith("ERROR " + expected.format(tmp_path)) and err.count("\n") == 1, (case, err)


def test_verbose_adds_the_traceback(tmp_path, capsys):
    code, _, err = run_main([str(tmp_path / "nope.py"), "--verbose"], capsys)
    assert code == 2 and err.startswith("Traceback") and err.splitlines()[-1].startswith("ERROR `")


def test_scanner_and_api_table_import_without_tensorflow():
    probe = "import sys, migration.scan, tf1compat.api_table; print('tensorflow' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert output.stdout.strip() == "False"
