"""Tests of ``python -m migration.batch_size_study`` on tiny sweeps of the embedded MNIST subset.

Three sweeps run (each batch size in its own child process): TF2 for 6 iterations, TF2 in
epochs mode, and the legacy TF1 program for 6 iterations; every test reads their outputs.
"""
import contextlib
import csv
import glob
import io
import os

import numpy as np
import pytest

from migration.batch_size_study import cli as batch_size_study
from migration.batch_size_study import figures as study_figures
from migration.batch_size_study import outputs as study_outputs
from migration.batch_size_study import processes as study_processes
from migration.batch_size_study.results import RunResult, steps_for_epochs

BATCH_SIZES = (16, 32)
TRAIN_EXAMPLES = 4000  # the embedded subset
TINY = ["--batch-sizes", "16,32", "--display-step", "3", "--seed", "1"]
DISPLAY_STEPS = [1, 3, 6]  # step 1, every 3rd, and the last
# 0.024 epochs = 96 examples: 6 iterations of 16 (the same run as the 6-iteration sweep's), 3 of 32.
EPOCHS = "0.024"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _sweep(folder, extra, quiet=True):
    """Run the study into ``folder``; return the folder and the lines it printed (stdout: not a terminal)."""
    out, stdout = str(folder), io.StringIO()
    with contextlib.redirect_stdout(stdout):
        code = batch_size_study.main([*TINY, *extra, "--out", out] + (["--quiet"] if quiet else []))
    assert code == 0
    return out, stdout.getvalue().splitlines()


@pytest.fixture(scope="module")
def iterations_run(tmp_path_factory):
    return _sweep(tmp_path_factory.mktemp("iterations"), ["--iterations", "6"])


@pytest.fixture(scope="module")
def iterations_out(iterations_run):
    return iterations_run[0]


@pytest.fixture(scope="module")
def epochs_out(tmp_path_factory):
    return _sweep(tmp_path_factory.mktemp("epochs"), ["--mode", "epochs", "--epochs", EPOCHS])[0]


@pytest.fixture(scope="module")
def legacy_run(tmp_path_factory):
    """The legacy sweep, not quiet: what it prints is checked too."""
    return _sweep(tmp_path_factory.mktemp("legacy"), ["--legacy", "--iterations", "6"], quiet=False)


def _rows(out):
    with open(os.path.join(out, study_outputs.CSV_NAME), newline="") as handle:
        return list(csv.DictReader(handle))


def _by_batch_size(rows):
    groups = {}
    for row in rows:
        groups.setdefault(int(row["batch_size"]), []).append(row)
    return groups


def _check_csv(out, program, iterations):
    rows = _rows(out)
    assert set(rows[0]) == set(study_outputs.CSV_COLUMNS)
    assert {row["program"] for row in rows} == {program}
    groups = _by_batch_size(rows)
    assert {size: len(group) for size, group in groups.items()} == iterations
    for size, group in groups.items():
        assert [int(row["iteration"]) for row in group] == list(range(1, iterations[size] + 1))
        assert [float(row["epoch"]) for row in group] == pytest.approx(
            [i * size / TRAIN_EXAMPLES for i in range(1, iterations[size] + 1)], rel=1e-5)
        assert all(0.0 < float(row["loss"]) < 100.0 and float(row["step_seconds"]) > 0.0 for row in group)
    return groups


def _check_png(path):
    from matplotlib.image import imread

    with open(path, "rb") as handle:
        assert handle.read(8) == PNG_SIGNATURE
    pixels = imread(path)
    assert pixels.ndim == 3 and pixels.shape[0] >= 300 and pixels.shape[1] >= 400
    assert float(pixels[..., :3].std()) > 0.05  # not a blank canvas: lines, labels, legend


def _summary_rows(out):
    with open(os.path.join(out, study_outputs.SUMMARY_NAME)) as handle:
        lines = [line for line in handle if line.startswith("| ") and line[2].isdigit()]
    return {int(cells[0]): cells for cells in ([cell.strip() for cell in line.strip("|\n").split("|")]
                                                for line in lines)}


def test_csv_has_every_iteration_of_every_batch_size_and_accuracies_at_display_steps(iterations_out):
    groups = _check_csv(iterations_out, "tf2", {16: 6, 32: 6})
    for group in groups.values():
        shown = [int(row["iteration"]) for row in group if row["test_accuracy"]]
        assert shown == DISPLAY_STEPS
        assert all(0.0 <= float(row["train_accuracy"]) <= 1.0 for row in group if row["train_accuracy"])
        assert all(row["train_accuracy"] == "" for row in group if int(row["iteration"]) not in DISPLAY_STEPS)


def test_four_figures_are_non_empty_pngs(iterations_out):
    for name in study_figures.FIGURE_NAMES.values():
        _check_png(os.path.join(iterations_out, name))


def test_summary_has_one_row_per_batch_size_matching_the_csv(iterations_out):
    rows = _summary_rows(iterations_out)
    assert sorted(rows) == list(BATCH_SIZES)
    groups = _by_batch_size(_rows(iterations_out))
    for size, cells in rows.items():
        assert cells[1] == "6"  # iterations
        losses = [float(row["loss"]) for row in groups[size]]
        assert float(cells[3]) == pytest.approx(np.mean(losses), abs=5e-5)  # final loss: mean of <= 10 last
        assert float(cells[5]) == pytest.approx(float(groups[size][-1]["test_accuracy"]), abs=5e-4)
        assert 100 < float(cells[9]) < 16000  # peak RSS in MiB of a TensorFlow process


def test_one_tensorboard_run_per_batch_size_with_the_csv_losses(iterations_out):
    import tensorflow as tf

    groups = _by_batch_size(_rows(iterations_out))
    runs = sorted(os.listdir(os.path.join(iterations_out, study_outputs.TENSORBOARD_DIR)))
    assert runs == ["batch_16", "batch_32"]
    for size in BATCH_SIZES:
        (events,) = glob.glob(os.path.join(study_outputs.run_folder(iterations_out, size), "events.out.tfevents.*"))
        scalars = {}
        for event in tf.compat.v1.train.summary_iterator(events):
            for value in event.summary.value:
                scalars.setdefault(value.tag, {})[event.step] = float(tf.make_ndarray(value.tensor))
        assert sorted(scalars) == ["accuracy/test", "accuracy/train", "loss", "seconds_per_iteration"]
        assert sorted(scalars["accuracy/test"]) == DISPLAY_STEPS
        losses = [float(row["loss"]) for row in groups[size]]
        assert [scalars["loss"][step] for step in range(1, 7)] == pytest.approx(losses, rel=1e-6)  # float32


def test_same_seed_same_curves(iterations_out, epochs_out):
    """Batch 16 ran twice with seed 1 for 6 iterations (once per sweep): identical losses and accuracies."""
    first, second = (_by_batch_size(_rows(out))[16] for out in (iterations_out, epochs_out))
    for column in ("loss", "train_accuracy", "test_accuracy"):
        assert [row[column] for row in first] == [row[column] for row in second]
    other = _by_batch_size(_rows(iterations_out))[32]
    assert [row["loss"] for row in first] != [row["loss"] for row in other]


def test_epochs_mode_takes_fewer_iterations_for_bigger_batches(epochs_out):
    groups = _check_csv(epochs_out, "tf2", {16: 6, 32: 3})
    assert {size: float(group[-1]["epoch"]) for size, group in groups.items()} == {16: 0.024, 32: 0.024}
    assert {size: cells[1] for size, cells in _summary_rows(epochs_out).items()} == {16: "6", 32: "3"}


@pytest.mark.parametrize("epochs, batch_size, expected", [
    (1, 128, 32), (1, 1024, 4), (1, 1000, 4), (2, 1024, 8), (0.5, 256, 8), (1e-4, 1024, 1), (0.024, 16, 6)])
def test_steps_for_epochs_rounds_up(epochs, batch_size, expected):
    assert steps_for_epochs(epochs, TRAIN_EXAMPLES, batch_size) == expected


def test_legacy_sweep_writes_the_same_kinds_of_output_through_the_tf1_program(legacy_run, iterations_out):
    out, lines = legacy_run
    assert sorted(os.listdir(out)) == sorted(os.listdir(iterations_out))
    groups = _check_csv(out, "tf1", {16: 6, 32: 6})
    assert [int(row["iteration"]) for row in groups[16] if row["test_accuracy"]] == DISPLAY_STEPS
    assert sorted(_summary_rows(out)) == list(BATCH_SIZES)
    for name in study_figures.FIGURE_NAMES.values():
        _check_png(os.path.join(out, name))
    assert len(glob.glob(os.path.join(out, study_outputs.TENSORBOARD_DIR, "batch_*", "events.out.tfevents.*"))) == 2
    # Not a terminal: one line per run and per output, no progress bar.
    assert [line for line in lines if line.startswith("batch size")] == [
        "batch size 16: 6 iterations (0.02 epochs)", "batch size 32: 6 iterations (0.05 epochs)"]
    assert sum(line.startswith("wrote ") for line in lines) == 7 and not any("━" in line for line in lines)


def test_quiet_prints_nothing(iterations_run):
    assert iterations_run[1] == []


@pytest.mark.slow
def test_a_failing_run_names_its_batch_size_exit_code_and_error():
    with pytest.raises(study_processes.StudyRunError) as raised:
        study_processes.run_batch_size(False, ["--batch-size", "8", "--keep-prob", "0"], 8, TRAIN_EXAMPLES)
    message = str(raised.value)
    assert message.startswith("`batch size 8`: the TF2 run exited with code 2; its stderr ends with:\n")
    assert "error: `--keep-prob 0.0`: must be in (0, 1]" in message


def test_children_are_the_two_cnn_mnist_programs():
    command = study_processes.child_command(True, ["--batch-size", "16"], "h.json", "/scratch")
    assert command[1:4] == ["-m", "tf1compat", "--figures"]
    assert command[5] == study_processes.LEGACY_PROGRAM and command[5].endswith("legacy_examples/cnn_mnist.py")
    assert command[6:8] == ["--batch-size", "16"] and command[-2:] == ["--history-json", "h.json"]
    assert study_processes.child_command(False, ["--batch-size", "16"], "h.json", "/scratch")[1:] == [
        "-m", "migration.cnn_mnist", "--batch-size", "16", "--figures-dir", "/scratch/figures",
        "--logdir", "/scratch/logs", "--history-json", "h.json"]


def test_an_existing_study_is_never_overwritten_silently(iterations_out, capsys):
    before = {name: os.path.getmtime(os.path.join(iterations_out, name)) for name in os.listdir(iterations_out)}
    assert batch_size_study.main([*TINY, "--iterations", "6", "--out", iterations_out, "--quiet"]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"ERROR `{iterations_out}` already holds study outputs (history.csv, summary.md, ")
    assert "--overwrite" in error
    assert {name: os.path.getmtime(os.path.join(iterations_out, name)) for name in os.listdir(iterations_out)} == before


def test_overwrite_removes_only_the_study_outputs(tmp_path):
    for name in (study_outputs.CSV_NAME, study_figures.FIGURE_NAMES["loss"], "notes.txt"):
        (tmp_path / name).write_text("old")
    (tmp_path / study_outputs.TENSORBOARD_DIR / "batch_64").mkdir(parents=True)
    existing = batch_size_study.existing_outputs(str(tmp_path))
    assert sorted(os.path.basename(path) for path in existing) == sorted(
        [study_outputs.CSV_NAME, study_figures.FIGURE_NAMES["loss"], study_outputs.TENSORBOARD_DIR])
    batch_size_study.remove_outputs(existing)
    assert sorted(os.listdir(tmp_path)) == ["notes.txt"]
    assert batch_size_study.existing_outputs(str(tmp_path / "new")) == []


@pytest.mark.parametrize("argv, fragment", [
    (["--batch-sizes", "16,x"], "`--batch-sizes 16,x`: give comma-separated integers"),
    (["--batch-sizes", "16,16"], "must be positive and distinct"),
    (["--batch-sizes", "0"], "must be positive and distinct"),
    (["--mode", "epochs", "--iterations", "5"], "`--iterations` does not apply to `--mode epochs`"),
    (["--epochs", "2"], "`--epochs` does not apply to `--mode iterations`"),
    (["--iterations", "0"], "must be at least 1"),
    (["--mode", "epochs", "--epochs", "0"], "`--epochs` above 0"),
    (["--keep-prob", "0"], "`--keep-prob 0.0`: must be in (0, 1]"),
    (["--mode", "steps"], "invalid choice: 'steps'"),
])
def test_usage_errors_exit_2_with_one_error_line(argv, fragment, capsys):
    assert batch_size_study.main(argv) == 2
    error = capsys.readouterr().err
    assert error.startswith("ERROR ") and fragment in error and error.count("\n") == 1
    assert "available: --batch-sizes, --data-dir, --display-step, --epochs" in error


def test_progress_bar_shows_the_last_display_line(capsys):
    on_display = batch_size_study.progress_bar(6)
    on_display(1, 2.5, 0.25, 0.125)
    on_display(6, 0.5, 0.75, 0.625)
    shown = capsys.readouterr().out
    assert "6/6" in shown and "loss: 0.5000" in shown and "test_acc: 0.6250" in shown


def test_derived_numbers_of_a_run():
    result = RunResult(100, 4000, loss=[3.0] * 5 + [1.0] * 10, step_seconds=[9.0] + [0.5] * 14,
                       display_steps=[1, 15], train_accuracy=[0.1, 0.9], test_accuracy=[0.2, 0.8],
                       peak_rss_kib=512 * 1024, process_seconds=20.0)
    assert (result.iterations, result.epochs, result.final_loss) == (15, 0.375, 1.0)
    assert (result.seconds_per_iteration, result.examples_per_second, result.seconds_per_epoch) == (0.5, 200.0, 20.0)
    assert result.peak_rss_mib == 512.0 and result.accuracy_at() == {1: (0.1, 0.2), 15: (0.9, 0.8)}
