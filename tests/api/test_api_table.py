"""The TF1 API table: lookup rules, and every entry points at something that exists."""
import importlib.util
import os
import subprocess
import sys

import pytest

from migration.pairs import PAIRS
from tf1compat.api import table as api_table


def test_exact_entries_win_over_wildcards():
    assert api_table.lookup("contrib.layers").kind == "provided"
    assert api_table.lookup("contrib.learn") is None  # a namespace above the provided MNIST loader
    assert api_table.lookup("contrib.learn.datasets.mnist").shim == "tf1compat.shims.mnist.input_data"


def test_unknown_names_fall_to_the_nearest_wildcard_or_provided_module():
    assert api_table.lookup("contrib.learn.DNNClassifier") is api_table.TABLE["contrib.learn.*"]
    assert api_table.lookup("contrib.no_such_module.create_graph") is api_table.TABLE["contrib.*"]
    assert api_table.lookup("contrib.quantize.create_training_graph") is api_table.TABLE["contrib.quantize"]
    assert api_table.lookup("contrib.seq2seq.BasicDecoder") is api_table.TABLE["contrib.seq2seq"]
    # A provided module answers for the names below it (its shim raises for what it lacks).
    assert api_table.lookup("contrib.layers.fully_connected") is api_table.TABLE["contrib.layers"]
    assert api_table.lookup("estimator.DNNClassifier") is api_table.TABLE["estimator"]  # tensorflow-estimator 2.15
    assert api_table.lookup("nn.conv2d") is None
    assert api_table.governing_entry("layers.dense") == ("layers", api_table.TABLE["layers"])
    assert api_table.governing_entry("contrib.cudnn_rnn.CudnnLSTM")[1].kind == "removed"
    assert api_table.governing_entry("contrib.rnn.LSTMBlockCell") == ("contrib.rnn", api_table.TABLE["contrib.rnn"])


def test_namespaces_are_the_prefixes_of_provided_names():
    assert api_table.is_namespace("contrib")
    assert api_table.is_namespace("examples.tutorials")
    assert api_table.is_namespace("contrib.learn.python.learn")
    assert not api_table.is_namespace("losses")
    assert not api_table.is_namespace("contrib.layers.fully_connected")  # a name, not a namespace
    # A provided module can be a namespace too: TF1's implementation paths lie below it.
    assert api_table.is_namespace("contrib.layers.python.layers")
    assert api_table.governing_entry("contrib.layers") == ("contrib.layers", api_table.TABLE["contrib.layers"])


@pytest.mark.parametrize("name, entry", sorted(api_table.TABLE.items()))
def test_entry_is_well_formed(name, entry):
    assert entry.kind in ("provided", "removed", "compat")
    assert entry.severity in api_table.SEVERITIES
    assert entry.tf2 and entry.category
    if entry.example is not None:
        assert entry.example in PAIRS, f"{name}: worked example {entry.example!r} is not a pair"
        assert os.path.exists(os.path.join("migration", f"{entry.example}.py"))
    if entry.kind == "provided" or entry.shim:
        module = entry.shim.partition(":")[0]
        assert importlib.util.find_spec(module) is not None, entry.shim
    if entry.kind == "removed":
        assert entry.reason and not entry.reason.endswith(".")  # the error message adds the period


def test_reading_the_table_does_not_import_tensorflow():
    code = "import sys, tf1compat.api.table; print('tensorflow' in sys.modules)"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert completed.stdout.strip() == "False"
