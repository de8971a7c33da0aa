"""The batch-size study's tables and logs: a CSV of every logged point, a markdown summary, TensorBoard runs."""
import csv
import os

CSV_NAME = "history.csv"
SUMMARY_NAME = "summary.md"
TENSORBOARD_DIR = "tensorboard"
CSV_COLUMNS = ("program", "batch_size", "iteration", "epoch", "loss", "step_seconds",
               "train_accuracy", "test_accuracy")


def run_folder(out, batch_size):
    """The TensorBoard run of one batch size: ``OUT/tensorboard/batch_<B>``."""
    return os.path.join(out, TENSORBOARD_DIR, f"batch_{batch_size}")


def write_csv(path, program, results):
    """One row per iteration per batch size; the accuracies only on display steps (empty elsewhere)."""
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for result in results:
            accuracies = result.accuracy_at()
            for iteration, (loss, seconds) in enumerate(zip(result.loss, result.step_seconds), start=1):
                train, test = accuracies.get(iteration, ("", ""))
                writer.writerow([program, result.batch_size, iteration,
                                 f"{iteration * result.batch_size / result.train_examples:.6g}",
                                 repr(loss), f"{seconds:.6f}", train, test])


def summary_table(results):
    """The markdown table: one row per batch size."""
    lines = ["| batch size | iterations | epochs | final loss | train accuracy | test accuracy "
             "| s / iteration | s / epoch | examples / s | peak RSS (MiB) | process wall (s) |",
             "|" + "---:|" * 11]
    for result in results:
        lines.append(
            f"| {result.batch_size} | {result.iterations} | {result.epochs:.2f} | {result.final_loss:.4f} "
            f"| {result.train_accuracy[-1]:.3f} | {result.test_accuracy[-1]:.3f} "
            f"| {result.seconds_per_iteration:.4f} | {result.seconds_per_epoch:.2f} "
            f"| {result.examples_per_second:.0f} | {result.peak_rss_mib:.0f} | {result.process_seconds:.1f} |")
    return "\n".join(lines)


def write_summary(path, title, settings, results):
    """The summary page: a title, the settings it ran with, the table, and how each column was measured."""
    notes = [
        "- final loss: mean training loss (dropout on) of the last 10 iterations; accuracies at the last display step "
        "(training: that minibatch, test: the whole test set, both without dropout).",
        "- s / iteration: mean wall time of input + train step, iteration 1 left out (it traces / warms up); "
        "examples / s = batch size / s per iteration; s / epoch = training examples / (examples / s).",
        "- peak RSS: `ru_maxrss` of the batch size's own child process, from `os.wait4`.",
    ]
    text = "\n".join([f"# {title}", "", settings, "", summary_table(results), "", *notes, ""])
    with open(path, "w") as handle:
        handle.write(text)


def write_tensorboard(out, results):
    """One TensorBoard run per batch size: loss and step time per iteration, accuracies per display step."""
    import tensorflow as tf  # only here: the tables above need no TensorFlow

    for result in results:
        writer = tf.summary.create_file_writer(run_folder(out, result.batch_size))
        with writer.as_default():
            for iteration, (loss, seconds) in enumerate(zip(result.loss, result.step_seconds), start=1):
                tf.summary.scalar("loss", loss, step=iteration)
                tf.summary.scalar("seconds_per_iteration", seconds, step=iteration)
            for step, (train, test) in result.accuracy_at().items():
                tf.summary.scalar("accuracy/train", train, step=step)
                tf.summary.scalar("accuracy/test", test, step=step)
        writer.close()
