"""The input-pipeline pairs (coordinator_loop, feed_generator, csv_reader): epoch semantics, CLIs, bad CSV rows.

TF2 sides run in this process; the TF1 command lines run in two other processes
started at once, each with a timeout, so a hung queue fails the test instead of
stalling the suite. The pairs' equivalence checks run in test_pairs.py.
"""
import json
import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from migration import coordinator_loop, csv_reader, feed_generator
from migration.checks import batch_streams
from migration.pairs import LEGACY_DIR
from tf1compat.shims.mnist.input_data import EMBEDDED_DIR

LEGACY_TIMEOUT = 120  # seconds; a queue that hangs fails the test instead of the suite
FEW = settings(max_examples=15, deadline=None)


def stream_of(dataset):
    """The examples' ids (the dataset's first component is ids as float32 [n, 1]) per batch."""
    return [x[:, 0].astype(int).tolist() for x, _ in dataset.as_numpy_iterator()]


def ids_and_labels(num_examples):
    return np.arange(num_examples, dtype=np.float32)[:, None], np.arange(num_examples, dtype=np.int64)


# Epoch semantics of the TF2 pipelines (hypothesis)
@FEW
@given(st.integers(1, 40), st.integers(1, 16), st.integers(1, 3), st.booleans())
def test_feed_generator_dataset_drops_the_tail_every_epoch(num_examples, batch_size, num_epochs, shuffle):
    batch_size = min(batch_size, num_examples)
    batches = stream_of(feed_generator.make_dataset(*ids_and_labels(num_examples), batch_size, num_epochs,
                                                    shuffle, seed=7))
    kept = (num_examples // batch_size) * batch_size
    assert [len(batch) for batch in batches] == [batch_size] * (num_examples // batch_size) * num_epochs
    assert batch_streams.epoch_coverage(batches, kept) == [(kept, kept)] * num_epochs
    if not shuffle:
        assert sum(batches, []) == list(range(kept)) * num_epochs


@FEW
@given(st.integers(1, 40), st.integers(1, 16), st.integers(1, 3), st.booleans())
def test_coordinator_dataset_batches_across_epochs_like_tf_train_batch(num_examples, batch_size, num_epochs,
                                                                       shuffle):
    batches = stream_of(coordinator_loop.make_dataset(*ids_and_labels(num_examples), batch_size, num_epochs,
                                                      shuffle, seed=7))
    full, rest = divmod(num_examples * num_epochs, batch_size)
    assert [len(batch) for batch in batches] == [batch_size] * full + [rest] * (rest > 0)
    assert batch_streams.epoch_coverage(batches, num_examples) == [(num_examples, num_examples)] * num_epochs
    if not shuffle:
        assert sum(batches, []) == list(range(num_examples)) * num_epochs


def test_shuffled_epochs_come_in_new_orders():
    batches = stream_of(coordinator_loop.make_dataset(*ids_and_labels(50), 8, 3, shuffle=True, seed=1))
    assert batch_streams.epochs_reordered(batches, 50)
    batches = stream_of(feed_generator.make_dataset(*ids_and_labels(50), 8, 3, shuffle=True, seed=1))
    assert batch_streams.epochs_reordered(batches, 48)


def test_batch_streams_identify_rows_and_refuse_duplicates():
    reference = np.array([[0.5, 1.0], [2.0, 3.0], [4.0, 5.0]], np.float32)
    assert batch_streams.row_ids([reference[[2, 0]], reference[[1]]], reference) == [[2, 0], [1]]
    assert batch_streams.epoch_coverage([[2, 0], [0, 1]], 3) == [(3, 2), (1, 1)]
    with pytest.raises(ValueError, match="duplicate row"):
        batch_streams.row_ids([], np.zeros((2, 2)))
    with pytest.raises(ValueError, match="`batch 0`: 1 row"):
        batch_streams.row_ids([np.full((1, 2), 9.0)], reference)


# The CSV pipeline (TF2)
def write_csv(folder, name, lines):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w") as handle:
        handle.write("x1,x2,x3,x4,label\n" + "".join(line + "\n" for line in lines))


def test_csv_dataset_decodes_rows_in_order_with_defaults(tmp_path):
    write_csv(tmp_path, "t.csv", ["1.5,-2,3e-1,4,2", "0.25,,7,.5,1", " 1 ,2,3,4, 0", "NaN,-inf,1E2,+.5,-1"])
    features, labels = csv_reader.read_table(str(tmp_path / "t.csv"))
    expected = [[1.5, -2, 0.3, 4], [0.25, 0, 7, 0.5], [1, 2, 3, 4], [np.nan, -np.inf, 100, 0.5]]
    np.testing.assert_array_equal(features, np.array(expected, np.float32))
    assert labels.tolist() == [2, 1, 0, -1] and labels.dtype == np.int32


def test_sample_csv_is_deterministic(tmp_path):
    first, second = csv_reader.sample_files(str(tmp_path / "a")), csv_reader.sample_files(str(tmp_path / "b"))
    for one, other in zip(first, second):
        with open(one, "rb") as a, open(other, "rb") as b:
            assert a.read() == b.read()
    with open(first[0]) as handle:
        lines = handle.read().splitlines()
    assert lines[0] == "x1,x2,x3,x4,label" and len(lines) == 401 and lines[1].count(",") == 4


@pytest.mark.parametrize("bad_line, message", [
    ("1.0,2.0,3.0,4.0", "`{path}:4`: expected 5 fields (x1,x2,x3,x4,label), found 4"),
    ("1.0,abc,3.0,4.0,1", "`{path}:4`: field 2 (x2) is not a number: `abc`"),
    ("1.0,2.0,3.0,4.0,1.5", "`{path}:4`: field 5 (label) is not an integer: `1.5`"),
])
def test_csv_malformed_row_named_with_file_and_line(tmp_path, capsys, bad_line, message):
    folder = str(tmp_path)
    csv_reader.sample_files(folder)  # a good test.csv; train.csv below is the bad one
    write_csv(folder, "train.csv", ["1,2,3,4,0", "5,6,7,8,1", bad_line, "1,2,3,4,2"])
    assert csv_reader.main(["--data-dir", folder, "--no-shuffle"]) == 1
    error = capsys.readouterr().err.strip().splitlines()
    path = os.path.join(folder, "train.csv")
    assert error == [f"ERROR {message.format(path=path)}; fix or remove that row"]


# The command lines: TF1 (two processes, started together) and TF2 (in process)
BAD_ROWS = {"bad_count": (4, "7,8,9,1"), "bad_number": (3, "1.0,2.0,x3,4.0,1")}
LEGACY_RUNS = {
    "coordinator_loop": ("coordinator_loop.py", "--data-dir", EMBEDDED_DIR, "--num-epochs", "1", "--batch-size",
                         "300", "--no-shuffle", "--num-threads", "1", "--display-step", "0"),
    "feed_generator": ("feed_generator.py", "--num-examples", "100", "--batch-size", "16", "--num-epochs", "2",
                       "--display-step", "0"),
    "csv_reader": ("csv_reader.py", "--data-dir", "good", "--num-epochs", "1", "--batch-size", "64",
                   "--display-step", "0"),
    **{name: ("csv_reader.py", "--data-dir", name, "--num-epochs", "2") for name in BAD_ROWS},
}
# One TF1 process calls several legacy main()s (each builds its own graph) and reports
# their exit codes and output as JSON: one TensorFlow start-up instead of one per run.
MAINS_DRIVER = """
import contextlib, io, json, os, sys
import tf1compat
results = {}
for name, script, argv in json.loads(sys.argv[1]):
    module = tf1compat.load_legacy_module(script)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = module.main(argv)
    results[name] = [code, out.getvalue(), err.getvalue()]
print("RESULTS " + json.dumps(results))
"""
THROUGH_THE_RUNNER = "bad_count"  # this one runs as `python -m tf1compat csv_reader.py ...`: exit code and stderr


@pytest.fixture(scope="module")
def legacy_runs(tmp_path_factory):
    """{name: CompletedProcess} of every TF1 command line in LEGACY_RUNS."""
    folder = tmp_path_factory.mktemp("legacy_cli")
    for name, (line, row) in BAD_ROWS.items():
        csv_reader.sample_files(str(folder / name))
        write_csv(folder / name, "test.csv", ["1,2,3,4,0"] * (line - 2) + [row, "1,2,3,4,1"])
    script, *args = LEGACY_RUNS[THROUGH_THE_RUNNER]
    runner = start(["-m", "tf1compat", os.path.join(LEGACY_DIR, script), *args], folder)
    calls = [(name, os.path.join(LEGACY_DIR, script), args) for name, (script, *args) in LEGACY_RUNS.items()
             if name != THROUGH_THE_RUNNER]
    driver = start(["-c", MAINS_DRIVER, json.dumps(calls)], folder)
    runs = {THROUGH_THE_RUNNER: finish(runner)}
    driven = finish(driver)
    assert driven.returncode == 0, driven.stderr[-3000:]
    results = json.loads(driven.stdout.split("RESULTS ", 1)[1])
    runs.update({name: subprocess.CompletedProcess(name, *result) for name, result in results.items()})
    return runs


def start(arguments, cwd):
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    return subprocess.Popen([sys.executable, *arguments], cwd=cwd, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(process):
    """Wait for ``process`` at most LEGACY_TIMEOUT seconds (a hung queue is killed and reported)."""
    try:
        stdout, stderr = process.communicate(timeout=LEGACY_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        stderr += f"\n(killed after {LEGACY_TIMEOUT} s: the queue hung)"
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def summary_lines(text):
    return [line for line in text.splitlines() if line.startswith(("trained ", "reading "))]


def test_coordinator_loop_clis_print_the_same_steps(legacy_runs, capsys):
    legacy = legacy_runs["coordinator_loop"]
    assert legacy.returncode == 0, legacy.stderr[-2000:]
    assert coordinator_loop.main(list(LEGACY_RUNS["coordinator_loop"][1:])) == 0
    migrated = capsys.readouterr().out
    # 4000 images in batches of 300: 13 full batches and one of 100.
    for output in (legacy.stdout, migrated):
        assert "4000 training and 1000 test images, batches of 300, 1 epochs, 1 queue threads" in output
        assert "trained 14 steps, final batch of 100 examples" in output


def test_feed_generator_clis_print_the_same_steps(legacy_runs, capsys):
    legacy = legacy_runs["feed_generator"]
    assert legacy.returncode == 0, legacy.stderr[-2000:]
    assert feed_generator.main(list(LEGACY_RUNS["feed_generator"][1:])) == 0
    migrated = capsys.readouterr().out
    for output in (legacy.stdout, migrated):
        assert "100 training and 20 test examples, 6 batches of 16 per epoch" in output
        assert "trained 12 steps" in output  # 2 epochs x 6 batches, the 4-example tail dropped each time


def test_csv_reader_clis_write_and_read_the_sample(legacy_runs, capsys, tmp_path):
    legacy = legacy_runs["csv_reader"]
    assert legacy.returncode == 0, legacy.stderr[-2000:]
    folder = str(tmp_path / "good")
    assert csv_reader.main(["--data-dir", folder, *LEGACY_RUNS["csv_reader"][3:]]) == 0
    migrated = capsys.readouterr().out.replace(folder, "good")
    # 400 rows in batches of 64: 6 full batches and one of 16.
    for output in (legacy.stdout, migrated):
        reading, trained = summary_lines(output)
        assert reading == "reading good/train.csv (1 epochs, batches of 64); 100 test rows from good/test.csv"
        assert trained.startswith("trained 7 steps, final batch of 16 rows, final minibatch loss ")


@pytest.mark.parametrize("name, expected", [
    ("bad_count", "ERROR `bad_count/test.csv:4`: expected 5 fields (x1,x2,x3,x4,label), found 4; fix or remove that row"),
    ("bad_number", "ERROR `bad_number/test.csv:3`: field 3 (x3) is not a number: `x3`; fix or remove that row"),
])
def test_legacy_csv_reader_names_the_malformed_row_and_exits_1(legacy_runs, name, expected):
    run = legacy_runs[name]
    assert run.returncode == 1, run.stderr[-2000:]
    assert run.stderr.strip().splitlines()[-1] == expected
    assert "Traceback" not in run.stderr
