"""TF 0.12 code (pre-1.0 names, argument orders) runs unchanged; --report and migration.scan say what to port."""
import glob
import math

import numpy as np
import pytest

from migration.scan import engine
from tests.tf1_programs import run_tf1_programs
from tf1compat.api import table as api_table
from tf1compat.api import tf0_12

MNIST = "tests/scripts/tf0_12/mnist_softmax.py"
ORDERS = "tests/scripts/tf0_12/argument_orders_check.py"
STEPS = 50


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    logs = str(tmp_path_factory.mktemp("logs"))
    data = str(tmp_path_factory.mktemp("no_mnist_files"))  # the embedded real-MNIST subset answers
    commands = {"mnist": ["--report", MNIST, "--data_dir", data, "--log_dir", logs, "--steps", str(STEPS)],
                "orders": ["--report", ORDERS]}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TF1COMPAT_OFFLINE", "1")  # no download attempt: the embedded subset at once
        return run_tf1_programs(commands), logs


def _events(logs):
    import tensorflow as tf

    (path,) = glob.glob(f"{logs}/events.out.tfevents.*")
    values = {}
    for event in tf.compat.v1.train.summary_iterator(path):
        for value in event.summary.value:
            kind = value.WhichOneof("value")
            logged = value.simple_value if kind == "simple_value" else kind
            values.setdefault(value.tag, []).append((event.step, logged))
    return values


@pytest.mark.slow
def test_2016_mnist_softmax_trains_and_both_orders_agree(runs):
    result = runs[0]["mnist"].result
    assert result["accuracy"] > 0.8 and result["cross_entropy"] < 0.7
    assert result["metrics"] == result["metrics_1x"] == [result["cross_entropy"], result["accuracy"]]
    assert result["halves"] == result["halves_1x"] == [[result["cross_entropy"]], [result["accuracy"]]]
    assert result["unpacked"] == [result["accuracy"], result["cross_entropy"]]


@pytest.mark.slow
def test_0_12_summaries_load_back_with_their_tags(runs):
    events = _events(runs[1])
    assert set(events) == {"cross_entropy", "accuracy", "weights", "input/image/0", "input/image/1"}
    assert [step for step, _ in events["cross_entropy"]] == list(range(STEPS))
    assert events["cross_entropy"][0][1] == pytest.approx(math.log(10), abs=1e-5)  # zero weights: uniform
    assert events["cross_entropy"][-1][1] < 0.8 and events["accuracy"][-1][1] > 0.7
    assert {kind for _, kind in events["weights"]} == {"histo"} and events["input/image/1"][0][1] == "image"


@pytest.mark.slow
def test_report_names_each_0_12_idiom_once_per_site(runs):
    report = runs[0]["mnist"].stderr
    for name in ("tf.mul", "tf.sub", "tf.neg", "tf.pack", "tf.unpack", "tf.scalar_summary", "tf.image_summary",
                 "tf.histogram_summary", "tf.merge_all_summaries", "tf.train.SummaryWriter",
                 "tf.concat(concat_dim, values)", "tf.split(split_dim, num_split, value)",
                 "tf.nn.softmax_cross_entropy_with_logits(logits, labels)"):
        assert f"  {name} " in report, name
    assert "  tf.concat(concat_dim, values)                    1x   1 sites" in report  # the 1.x call is not counted


@pytest.mark.slow
def test_every_0_12_form_equals_its_1_x_form(runs):
    result = dict(runs[0]["orders"].result)
    assert result.pop("contrib_deprecated") == [True, True]  # TF 1.x's home of the 0.12 summary ops
    assert result.pop("linear_variables") == ["linear_0_12/proj/Bias", "linear_0_12/proj/Matrix"]  # 0.12's names
    assert len(result) == 29
    for name, (old, new) in result.items():
        assert np.allclose(np.asarray(old, dtype=float), np.asarray(new, dtype=float), atol=1e-6), name
    assert result["concat_axis1"][0] == [[1, 2, 5, 6], [3, 4, 7, 8]]
    assert result["reverse"][0] == [[2, 1], [4, 3]]
    assert result["split_int_value"][0] == [[7], [8]]
    report = runs[0]["orders"].stderr
    assert "  tf.concat(concat_dim, values)                    5x   5 sites" in report
    assert "  tf.split(split_dim, num_split, value)            3x   3 sites" in report


def test_table_serves_every_tf_upgrade_rename():
    for old, new in tf0_12.RENAMES.items():
        entry = api_table.TABLE[old]
        assert entry.kind == "provided" and entry.shim.startswith("tensorflow.compat.v1") and new in entry.tf2
    for name in tf0_12.REORDERED:
        assert api_table.TABLE[name].kind == "compat" and not api_table.TABLE[name].counted
    assert api_table.TABLE["scalar_summary"].shim == "tf1compat.shims.tf0_12.summaries:scalar_summary"
    assert api_table.TABLE["contrib.deprecated.scalar_summary"] is api_table.TABLE["scalar_summary"]
    assert api_table.lookup("contrib.deprecated.something_else").kind == "removed"


SCAN = """import tensorflow as tf
a = tf.concat(0, [x, y])
b = tf.concat([x, y], 0)
c = tf.split(0, 2, x)
d = tf.split(x, 2, 0)
e = tf.concat(axis, values)
f = tf.nn.softmax_cross_entropy_with_logits(y, y_)
g = tf.nn.softmax_cross_entropy_with_logits(labels=y_, logits=y)
h = tf.reverse(x, [False, True])
i = tf.reverse(x, [1])
j = tf.concat(-1, [x, y])
k = tf.split(split_dim=1, num_split=2, value=x)
tf.scalar_summary("loss", a)
w = tf.train.SummaryWriter("/tmp")
"""


def test_scan_flags_the_0_12_orders_and_names_only():
    found = [(finding.line, finding.symbol, finding.severity) for finding in engine.scan_text(SCAN)]
    assert found == [(2, "tf.concat", "WARNING"), (4, "tf.split", "WARNING"),
                     (7, "tf.nn.softmax_cross_entropy_with_logits", "WARNING"), (9, "tf.reverse", "WARNING"),
                     (11, "tf.concat", "WARNING"), (12, "tf.split", "WARNING"), (12, "tf.split", "WARNING"),
                     (13, "tf.scalar_summary", "WARNING"), (14, "tf.train.SummaryWriter", "WARNING")]
    messages = {finding.line: finding.message for finding in engine.scan_text(SCAN)}
    assert "the TF 0.12 argument order `tf.concat(concat_dim, values)`" in messages[2]
