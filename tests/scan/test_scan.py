"""Tests of ``python -m migration.scan``: fixtures, the legacy examples and twins, reports, verdicts, bad input."""
import ast
import json
import os
import subprocess
import sys

import pytest

from migration import scan
from migration.scan import report as scan_report
from migration.scan import sources as scan_sources
from migration.scan import bindings as tf_bindings
from migration.scan.idioms import entry_for
from migration.scan.engine import scan_file, scan_paths
from tests import paths

ROOT = paths.ROOT
FIXTURES = os.path.join(ROOT, "tests", "scan_fixtures")

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
    (26, "tf.estimator.Estimator", "WARNING", "provided"),
    (27, "tf.contrib.cudnn_rnn.CudnnLSTM", "ERROR", "removed"),
]


def test_aliased_contrib_fixture_findings_and_verdict():
    result = scan_file(os.path.join(FIXTURES, "aliased_contrib.py"))
    assert [(f.line, f.symbol, f.severity, f.kind) for f in result.findings] == ALIASED_CONTRIB
    decided = scan_report.verdict(result)
    assert decided.status == scan_report.BLOCKED and decided.runs_under_tf1compat is False
    assert [f.symbol for f in decided.blockers] == [
        "tf.contrib.learn.DNNClassifier", "tf.contrib.cudnn_rnn.CudnnLSTM"]


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
    # The verdict points at the ways to run a notebook (docs/notebooks.md).
    assert text.splitlines()[-1] == (
        f"  {result.path}: runs under tf1compat as is; run it with python -m tf1compat {result.path} (or, in "
        "Jupyter, `%load_ext tf1compat` as its first cell or the `tf1compat` kernel: python -m tf1compat.kernel install)")
    document = scan_report.as_json([result], "2.21")
    assert document["files"][0]["run_with"].startswith(f"python -m tf1compat {result.path} (or, in Jupyter")


def test_reexports_through_sibling_modules_are_resolved():
    result = scan_file(os.path.join(FIXTURES, "reexport", "model.py"))
    assert [(f.line, f.col, f.symbol) for f in result.findings] == [
        (8, 12, "tf.InteractiveSession"), (8, 37, "tf.placeholder"), (8, 65, "tf.train.Saver")]


def test_text_report_has_summary_then_findings_then_verdicts():
    results = scan_paths([FIXTURES])
    lines = scan_report.format_text(results, "2.21").splitlines()
    assert lines[0] == ("migration.scan: 7 files scanned for TF1 idioms (target TF 2.21): "
                        "47 findings (2 ERROR, 41 WARNING, 4 INFO)")
    assert lines[1] == "  contrib         7  (1 ERROR, 6 WARNING)"
    assert "  verdicts: 3 run under tf1compat as is, 1 do not, 3 without TF1 idioms, 0 do not parse" in lines
    first = lines.index("") + 1
    assert lines[first].startswith(os.path.join(FIXTURES, "aliased_contrib.py") + ":3:8: WARNING: [contrib] ")
    assert lines[-1] == f"  {os.path.join(FIXTURES, 'tf2_clean.py')}: no TF1 idioms found"


def test_json_report_follows_schema_version_1():
    document = scan_report.as_json(scan_paths([FIXTURES]), "2.21")
    assert document["schema_version"] == 1 and document["tool"] == "migration.scan"
    summary = document["summary"]
    assert summary["files_scanned"] == 7 and summary["findings"] == len(document["findings"]) == 47
    assert summary["by_severity"] == {"ERROR": 2, "WARNING": 41, "INFO": 4}
    assert summary["by_category"]["contrib"] == {"ERROR": 1, "WARNING": 6, "INFO": 0, "total": 7}
    assert summary["verdicts"] == {"runs_as_is": 3, "blocked": 1, "no_tf1_idioms": 3, "unparsable": 0}
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
    assert code == 0 and json.loads(out)["summary"]["findings"] == 3


def test_unparsable_files_are_findings_and_the_scan_goes_on(tmp_path, capsys):
    (tmp_path / "a_broken.py").write_text("import tensorflow as tf\ndef f(:\n")
    (tmp_path / "b_bad.ipynb").write_text("{not json")
    (tmp_path / "c_ok.py").write_text("import tensorflow as tf\ntf.Session()\n")
    code, out, _ = run_main([str(tmp_path), "--fail-on", "ERROR"], capsys)
    assert code == 1
    assert f"{tmp_path / 'a_broken.py'}:2:7: ERROR: [syntax] does not parse: invalid syntax" in out
    assert f"{tmp_path / 'b_bad.ipynb'}:1:1: ERROR: [syntax] does not parse: not a Jupyter notebook (invalid JSON" in out
    assert f"  {tmp_path / 'a_broken.py'}: not checked: it does not parse (line 2)" in out
    assert f"  {tmp_path / 'c_ok.py'}: runs under tf1compat as is" in out


def test_a_broken_notebook_cell_is_a_finding_and_the_other_cells_are_scanned(tmp_path):
    cells = [{"cell_type": "code", "source": source} for source in
             ("import tensorflow as tf", "def f(:", "tf.Session()")]
    (tmp_path / "nb.ipynb").write_text(json.dumps({"cells": cells, "nbformat": 4}))
    result = scan_file(str(tmp_path / "nb.ipynb"))
    assert [(f.cell, f.line, f.category, f.symbol) for f in result.findings] == [
        (2, 1, "syntax", ""), (3, 1, "session", "tf.Session")]
    assert "code cell 2 was not scanned" in result.findings[0].message
    assert scan_report.verdict(result).explain() == "not checked: it does not parse (cell 2 line 1)"


def test_ipython_lines_become_pass_and_non_python_cell_magics_are_skipped():
    assert scan_sources.python_of_cell(["%%time\n", "x = 1\n", "  !ls\n", "tf.Session??"]) == (
        "pass\nx = 1\n  pass\npass")
    assert scan_sources.python_of_cell("%%bash\necho hi") == ""
    continued = 'message = ("%s steps"\n           % steps)'
    assert scan_sources.python_of_cell(continued) == continued


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
    probe = "import sys, migration.scan, tf1compat.api.table; print('tensorflow' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert output.stdout.strip() == "False"


# --- the real legacy examples and their TF2 twins (issue 4's done-when) ----------------------
LEGACY = os.path.join(ROOT, "legacy_examples")
MIGRATION = os.path.join(ROOT, "migration")
# Per legacy example: the exact set of finding categories, and symbols that must be among the findings.
EXPECTED_LEGACY = {
    "api_tour": ({"dropout", "ops", "placeholder", "seed", "session", "variables"},
                 {"tf.nn.dropout", "tf.placeholder", "feed_dict", "tf.Session", "tf.set_random_seed",
                  "tf.squared_difference"}),
    "char_rnn": ({"contrib", "optimizer", "placeholder", "saver", "seed", "session", "variables"},
                 {"tf.contrib.legacy_seq2seq.rnn_decoder", "tf.contrib.legacy_seq2seq.sequence_loss_by_example",
                  "tf.contrib.rnn.BasicLSTMCell", "tf.contrib.rnn.MultiRNNCell", "tf.train.Saver", "feed_dict"}),
    "cnn_mnist": ({"dropout", "input_data", "layers", "optimizer", "placeholder", "seed", "session", "summary",
                   "variables"},
                  {"tf.nn.dropout", "tf.examples.tutorials.mnist.input_data", "tf.train.AdamOptimizer", "feed_dict",
                   "tf.summary.FileWriter", "tf.summary.merge_all", "tf.summary.scalar", "tf.set_random_seed"}),
    "coordinator_loop": ({"input_data", "layers", "optimizer", "placeholder", "queue", "seed", "session",
                          "variables"},
                         {"tf.train.Coordinator", "tf.train.start_queue_runners", "tf.train.slice_input_producer",
                          "tf.train.batch", "tf.variable_scope", "tf.local_variables_initializer"}),
    "csv_reader": ({"ops", "optimizer", "placeholder", "queue", "seed", "session", "variables"},
                   {"tf.TextLineReader", "tf.decode_csv", "tf.train.string_input_producer", "tf.train.shuffle_batch",
                    "tf.train.Coordinator", "tf.train.GradientDescentOptimizer"}),
    "distributed_ps": ({"app", "distributed", "input_data", "layers", "optimizer", "placeholder", "session",
                        "variables"},
                       {"tf.train.ClusterSpec", "tf.train.Server", "tf.train.replica_device_setter",
                        "tf.train.SyncReplicasOptimizer", "tf.train.MonitoredTrainingSession", "tf.app.flags"}),
    "estimator_mnist": ({"estimator", "input_data", "layers", "metrics", "optimizer", "placeholder", "variables"},
                        {"tf.estimator.Estimator", "tf.estimator.EstimatorSpec", "tf.estimator.inputs",
                         "tf.train.SessionRunHook", "tf.train.AdamOptimizer"}),
    "feed_generator": ({"layers", "optimizer", "placeholder", "seed", "session", "variables"},
                       {"tf.placeholder", "feed_dict", "tf.Session", "tf.variable_scope"}),
    "model_checkpoint": ({"input_data", "layers", "optimizer", "placeholder", "saver", "seed", "session", "summary",
                          "variables"},
                         {"tf.train.Saver", "tf.get_variable", "tf.variable_scope", "tf.get_collection",
                          "tf.GraphKeys.GLOBAL_VARIABLES", "tf.summary.histogram"}),
    "wholefile_copy": ({"queue", "session", "variables"},
                       {"tf.WholeFileReader", "tf.train.string_input_producer", "tf.train.Coordinator",
                        "tf.train.start_queue_runners", "tf.Session"}),
}
LEGACY_NAMES = sorted(name[:-3] for name in os.listdir(LEGACY) if name.endswith(".py") and name != "__init__.py")


@pytest.mark.parametrize("name", LEGACY_NAMES)
def test_legacy_example_expected_findings(name):
    assert name in EXPECTED_LEGACY, f"legacy_examples/{name}.py has no expected-findings entry in this test"
    categories, key_symbols = EXPECTED_LEGACY[name]
    result = scan_file(os.path.join(LEGACY, name + ".py"))
    assert {f.category for f in result.findings} == categories
    assert key_symbols - {f.symbol for f in result.findings} == set()
    assert scan_report.verdict(result).explain() == "runs under tf1compat as is"


# Idioms at known code: (example, a code snippet in it, the symbol flagged on that snippet's line).
LEGACY_SITES = [
    ("cnn_mnist", "tf.nn.dropout(hidden, keep_prob)", "tf.nn.dropout"),  # the positional keep_prob
    ("api_tour", "keep_prob=KEEP_PROB", "tf.nn.dropout"),
    ("feed_generator", "feed_dict=feed_dict)", "feed_dict"),
    ("coordinator_loop", "= tf.train.start_queue_runners(", "tf.train.start_queue_runners"),
    ("csv_reader", "= tf.TextLineReader(", "tf.TextLineReader"),
    ("wholefile_copy", "= tf.WholeFileReader()", "tf.WholeFileReader"),
    ("model_checkpoint", "= tf.train.Saver(", "tf.train.Saver"),
]


@pytest.mark.parametrize("name, snippet, symbol", LEGACY_SITES)
def test_legacy_idioms_are_found_on_their_lines(name, snippet, symbol):
    path = os.path.join(LEGACY, name + ".py")
    with open(path) as handle:
        lines = [number for number, line in enumerate(handle, start=1) if snippet in line]
    assert lines, f"`{snippet}` is no longer in legacy_examples/{name}.py; update LEGACY_SITES"
    found = {(f.line, f.symbol) for f in scan_file(path).findings}
    assert {(line, symbol) for line in lines} <= found


@pytest.mark.parametrize("name", LEGACY_NAMES)
def test_tf2_twin_has_no_findings(name):
    twin = os.path.join(MIGRATION, name + ".py")
    assert os.path.isfile(twin), f"migration/{name}.py (the TF2 twin) does not exist"
    assert [(f.line, f.symbol) for f in scan_file(twin).findings] == []


def unflagged_tf_names(folder):
    """The TF names that the files in ``folder`` use and the scanner does not flag."""
    names = set()
    for result_path in sorted(os.listdir(folder)):
        if not result_path.endswith(".py"):
            continue
        with open(os.path.join(folder, result_path)) as handle:
            tree = ast.parse(handle.read())
        bindings = tf_bindings.collect(tree)
        names |= {path for path in bindings.referenced_paths(tree) if entry_for(path) is None}
    return sorted(names)


@pytest.mark.slow
def test_every_tf_name_the_legacy_examples_use_unflagged_exists_in_tf2():
    """What the scanner lets through must exist in the real TF2 namespace (one TF import)."""
    probe = ("import json, sys, tensorflow as tf\n"
             "def has(name):\n"
             "    obj = tf\n"
             "    for part in name.split('.'):\n"
             "        if not hasattr(obj, part):\n"
             "            return False\n"
             "        obj = getattr(obj, part)\n"
             "    return True\n"
             "print(json.dumps([name for name in json.load(sys.stdin) if not has(name)]))\n")
    names = unflagged_tf_names(LEGACY)
    assert "float32" in names and "nn.relu" in names  # the probe has real work to do
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    output = subprocess.run([sys.executable, "-c", probe], input=json.dumps(names), capture_output=True,
                            text=True, cwd=ROOT, env=env, check=True)
    assert json.loads(output.stdout.strip().splitlines()[-1]) == []
