"""``python -m migration.batch_size_study``: how batch size changes the cnn_mnist CNN's training, with figures.

    python -m migration.batch_size_study --batch-sizes 128,256,512,1024 --mode iterations --iterations 500 --out results/
    python -m migration.batch_size_study --mode epochs --epochs 2 --out results_epochs/
    python -m migration.batch_size_study --legacy --out results_tf1/     # the same sweep through the TF1 program

Each batch size trains in its own process (``python -m migration.cnn_mnist``, or with
--legacy the TF1 program run by ``python -m tf1compat``); OUT receives history.csv, summary.md, four PNG
figures and one TensorBoard run per batch size (``tensorboard --logdir OUT``).
"""
import os
import shutil
import sys

from migration.batch_size_study import figures, outputs
from migration.batch_size_study.processes import StudyRunError, run_batch_size
from migration.batch_size_study.results import steps_for_epochs
from tf1compat.cli import quiet
from tf1compat.shims.mnist import input_data
from tf1compat.cli.usage import UsageError, UsageParser, run_command

PROGRAMS = {False: ("tf2", "TF2 twin"), True: ("tf1", "TF1 program via tf1compat")}


def parse_args(argv=None):
    parser = UsageParser(prog="python -m migration.batch_size_study",
                     description="Train the cnn_mnist CNN once per batch size; write curves, tables and figures.")
    parser.add_argument("--batch-sizes", default="128,256,512,1024", help="comma-separated (default 128,256,512,1024)")
    parser.add_argument("--mode", choices=("iterations", "epochs"), default="iterations",
                        help="the same number of iterations for every batch size, or of epochs (default iterations)")
    parser.add_argument("--iterations", type=int, help="with --mode iterations (default 500)")
    parser.add_argument("--epochs", type=float, help="with --mode epochs; may be fractional (default 1); "
                        "iterations = ceil(epochs * training examples / batch size)")
    parser.add_argument("--display-step", type=int, default=10, help="log accuracies every N iterations (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="random seed: same seed, same curves (default 0)")
    parser.add_argument("--keep-prob", type=float, default=0.85, help="dropout keep probability (default 0.85)")
    parser.add_argument("--learning-rate", type=float, default=1e-3, help="Adam learning rate (default 1e-3)")
    parser.add_argument("--data-dir", default=input_data.EMBEDDED_DIR,
                        help="folder of the four MNIST .gz files (default: the embedded 4000/1000 subset)")
    parser.add_argument("--out", default="results", help="output folder (default results/)")
    parser.add_argument("--overwrite", action="store_true", help="replace the outputs of an earlier study in OUT")
    parser.add_argument("--legacy", action="store_true", help="run legacy_examples/cnn_mnist.py (TF1) instead")
    parser.add_argument("--quiet", action="store_true", help="no progress bars and no per-run lines")
    parser.add_argument("--verbose", action="store_true", help="tracebacks for failures")
    flags = parser.parse_args(argv)
    flags.batch_sizes = _batch_sizes(parser, flags.batch_sizes)
    _check_amounts(parser, flags)
    return flags


def _batch_sizes(parser, text):
    try:
        sizes = [int(item) for item in text.split(",")]
    except ValueError:
        parser.error(f"`--batch-sizes {text}`: give comma-separated integers, e.g. 128,256,512,1024")
    if min(sizes) < 1 or len(set(sizes)) != len(sizes):
        parser.error(f"`--batch-sizes {text}`: batch sizes must be positive and distinct")
    return sizes


def _check_amounts(parser, flags):
    unused = "epochs" if flags.mode == "iterations" else "iterations"
    if getattr(flags, unused) is not None:
        parser.error(f"`--{unused}` does not apply to `--mode {flags.mode}`; use --mode {unused} or drop it")
    flags.iterations = 500 if flags.iterations is None else flags.iterations
    flags.epochs = 1.0 if flags.epochs is None else flags.epochs
    if flags.iterations < 1 or flags.display_step < 1 or not flags.epochs > 0:
        parser.error("`--iterations`, `--display-step` must be at least 1 and `--epochs` above 0")
    if not 0.0 < flags.keep_prob <= 1.0:
        parser.error(f"`--keep-prob {flags.keep_prob}`: must be in (0, 1]")


def planned_outputs(out):
    """Every path the study writes in ``out`` (the TensorBoard folder holds one run per batch size)."""
    names = [outputs.CSV_NAME, outputs.SUMMARY_NAME, *figures.FIGURE_NAMES.values(),
             outputs.TENSORBOARD_DIR]
    return [os.path.join(out, name) for name in names]


def existing_outputs(out):
    """The study outputs already in ``out`` (an earlier study's), which a new one would replace."""
    return [path for path in planned_outputs(out) if os.path.exists(path)]


def remove_outputs(paths):
    for path in paths:
        shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)


def program_flags(flags, batch_size, steps):
    """The cnn_mnist flags of one run (both programs take the same ones)."""
    return ["--batch-size", str(batch_size), "--steps", str(steps), "--display-step", str(flags.display_step),
            "--keep-prob", repr(flags.keep_prob), "--learning-rate", repr(flags.learning_rate),
            "--data-dir", os.path.abspath(flags.data_dir), "--seed", str(flags.seed)]


def run_sweep(flags, train_examples, show_progress, say):
    """Run every batch size in order, each in its own process; return the ``RunResult``s."""
    results = []
    for batch_size in flags.batch_sizes:
        steps = flags.iterations if flags.mode == "iterations" else steps_for_epochs(
            flags.epochs, train_examples, batch_size)
        say(f"batch size {batch_size}: {steps} iterations ({steps * batch_size / train_examples:.2f} epochs)")
        on_display = progress_bar(steps) if show_progress else None
        result = run_batch_size(flags.legacy, program_flags(flags, batch_size, steps), batch_size, train_examples,
                                on_display)
        say(f"  final loss {result.final_loss:.4f}, test accuracy {result.test_accuracy[-1]:.3f}, "
            f"{result.seconds_per_iteration:.4f} s/iteration, {result.examples_per_second:.0f} examples/s, "
            f"peak RSS {result.peak_rss_mib:.0f} MiB")
        results.append(result)
    return results


def progress_bar(steps):
    """A Keras progress bar (with ETA) advanced by each display line of the run."""
    import tensorflow as tf  # here, so usage errors answer without loading TensorFlow

    bars = []

    def on_display(step, loss, train_accuracy, test_accuracy):
        if not bars:  # made at the first line, so the child's start-up does not count in the ETA
            bars.append(tf.keras.utils.Progbar(steps, stateful_metrics=["loss", "train_acc", "test_acc"],
                                               unit_name="iteration"))
        bars[0].update(step, [("loss", loss), ("train_acc", train_accuracy), ("test_acc", test_accuracy)])

    return on_display


def write_outputs(flags, results):
    """Write the CSV, the summary, the TensorBoard runs and the figures; return the paths written."""
    program, title = PROGRAMS[flags.legacy]
    amount = f"{flags.iterations} iterations" if flags.mode == "iterations" else f"{flags.epochs:g} epochs"
    settings = (f"{title}, {amount} per batch size, display step {flags.display_step}, seed {flags.seed}, "
                f"keep_prob {flags.keep_prob}, learning rate {flags.learning_rate}, "
                f"{results[0].train_examples} training examples.")
    csv_path = os.path.join(flags.out, outputs.CSV_NAME)
    summary_path = os.path.join(flags.out, outputs.SUMMARY_NAME)
    outputs.write_csv(csv_path, program, results)
    outputs.write_summary(summary_path, f"Batch-size study: cnn_mnist, {title}", settings, results)
    outputs.write_tensorboard(flags.out, results)
    figure_paths = figures.write_figures(flags.out, results, title)
    return [csv_path, summary_path, *figure_paths.values(), os.path.join(flags.out, outputs.TENSORBOARD_DIR)]


def main(argv=None):
    """Run the command line ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    return run_command(_main, argv, failures=(input_data.MNISTFormatError, StudyRunError))


def _main(argv):
    flags = parse_args(argv)
    existing = existing_outputs(flags.out)
    if existing and not flags.overwrite:
        names = ", ".join(os.path.basename(path) for path in existing)
        raise UsageError(f"`{flags.out}` already holds study outputs ({names}); pass --overwrite to replace them "
                         "or choose another --out")
    quiet.import_tensorflow()  # loaded here, where its start-up noise is filtered; the bars and logs use it
    say = (lambda line: None) if flags.quiet else (lambda line: print(line, flush=True))
    train_examples = input_data.read_data_sets(flags.data_dir, validation_size=0).train.num_examples
    results = run_sweep(flags, train_examples, not flags.quiet and sys.stdout.isatty(), say)
    remove_outputs(existing)  # only now: a failed sweep leaves the earlier results in place
    os.makedirs(flags.out, exist_ok=True)
    for path in write_outputs(flags, results):
        say(f"wrote {path}")
    return 0

