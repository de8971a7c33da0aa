"""TF 1.x's implementation module paths (tensorflow.contrib.rnn.python.ops.rnn_cell ...): table data and run time."""
import pytest

from tests.tf1_programs import tf1_result
from tf1compat.api import coverage_page as coverage, table as api_table
from tf1compat.api import deep_paths

CHECK = "tests/scripts/deep_paths/deep_imports_check.py"
ISSUE_PATHS = ("contrib.rnn.python.ops.rnn_cell", "contrib.layers.python.layers.initializers",
               "contrib.framework.python.ops", "contrib.training.python.training.hparam",
               "contrib.slim.python.slim.nets.resnet_v1")


def test_every_listed_file_of_a_provided_module_has_an_entry():
    paths = deep_paths.module_paths()
    assert len(paths) >= 70
    for path in paths:
        entry = api_table.TABLE[path]
        assert entry.kind == "provided" and api_table.TABLE[deep_paths.public_module(path)].kind == "provided"
    assert set(ISSUE_PATHS) <= set(paths)


def test_moved_files_are_served_by_their_tf_slim_module():
    assert api_table.TABLE["contrib.layers.python.layers.initializers"].shim == "tf_slim.layers.initializers"
    assert api_table.TABLE["contrib.slim.python.slim.nets.resnet_v1"].shim == "tf_slim.nets.resnet_v1"
    assert api_table.TABLE["contrib.framework.python.ops.arg_scope"].shim == "tf_slim.ops.arg_scope"
    # A TF1 package re-exported its files' names: it is served by the public module's shim.
    assert api_table.TABLE["contrib.framework.python.ops"].shim == "tf1compat.shims.contrib.framework"
    assert api_table.TABLE["contrib.rnn.python.ops.rnn_cell"].shim == "tf1compat.shims.contrib.rnn"
    assert api_table.TABLE["contrib.rnn.python.ops.rnn_cell"].implements == "contrib.rnn"
    # seq2seq's shim keeps TF1's per-file namespaces (with the private helpers subclasses used).
    assert (api_table.TABLE["contrib.seq2seq.python.ops.attention_wrapper"].shim
            == "tf1compat.shims.contrib.seq2seq:python.ops.attention_wrapper")


def test_paths_of_removed_modules_stay_removed():
    key, entry = api_table.governing_entry("contrib.gan.python.losses.python.losses_impl")
    assert (key, entry.kind) == ("contrib.gan", "removed")


def test_coverage_page_lists_the_paths():
    lines = coverage.implementation_path_lines()
    row = "| `tensorflow.contrib.rnn.python.ops.rnn_cell` | `tf.contrib.rnn` | `tf1compat.shims.contrib.rnn` |"
    assert row in lines
    assert sum(line.startswith("| `tensorflow.contrib.") for line in lines) == len(deep_paths.module_paths())
    assert sum(line.startswith("| `tensorflow.python.") for line in lines) == 9  # 7 modules, 2 packages


@pytest.mark.slow
def test_deep_imports_give_the_public_objects():
    result = tf1_result(CHECK)
    assert result["named"] == dict.fromkeys(result["named"], True) and len(result["named"]) == 9
    compared = result["compared"]
    assert set(compared) == {key for key, entry in api_table.TABLE.items() if entry.implements and key[:8] == "contrib."}
    assert result["python_paths"] == dict.fromkeys(result["python_paths"], True) and len(result["python_paths"]) == 8
    assert {path: bad for path, (_, bad) in compared.items() if bad} == {}
    assert sum(count for count, _ in compared.values()) > 1800  # names checked for identity
    assert compared["contrib.rnn.python.ops.rnn_cell"][0] >= 40
    flavour, message, is_tf1compat_error = result["error"]
    assert flavour == "UnsupportedTF1APIImportError" and is_tf1compat_error
    assert message.startswith("`tf.contrib.rnn.python.ops.rnn_cell.NoSuchCell` is not provided by tf1compat")
    assert result["linear"] == [[2, 4], ["linear_check/bias", "linear_check/kernel",  # TF 1.3+ names
                                         "linear_tf1_0/biases", "linear_tf1_0/weights",  # TF 1.0-1.2 names
                                         "linear_tf1_2/kernel"]]  # rnn_cell_impl._linear of TF 1.2-1.4, no bias
