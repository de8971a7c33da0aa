"""README's porting walk-through (docs/walkthrough/) stays true: scan, equivalence, checkpoint bridge."""
import pytest
import importlib.util
import json
import os
import subprocess
import sys
from tests import paths

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

WALKTHROUGH = os.path.join(paths.ROOT, "docs", "walkthrough")


def test_scan_finds_the_tf1_idioms_of_the_old_model():
    completed = subprocess.run([sys.executable, "-m", "migration.scan", "--json",
                                os.path.join(WALKTHROUGH, "old_regressor.py")],
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    findings = json.loads(completed.stdout)["findings"]
    symbols = {finding["symbol"] for finding in findings}
    assert {"tf.placeholder", "tf.Session", "tf.layers.dense", "tf.variable_scope",
            "tf.train.Saver", "tf.train.GradientDescentOptimizer"} <= symbols, symbols


def test_port_matches_the_tf1_model_and_loads_its_checkpoint():
    spec = importlib.util.spec_from_file_location("check_port", os.path.join(WALKTHROUGH, "check_port.py"))
    check_port = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_port)
    report = check_port.check(steps=20)
    assert report.ok, str(report)
    assert [c.name for c in report.comparisons] == ["training losses", "predictions from the TF1 checkpoint"]
    assert str(report).splitlines()[0] == "2 outputs compared, 0 mismatches"
    assert all(c.max_abs < 1e-5 for c in report.comparisons)
