"""The batch-size study's four PNG figures: loss and accuracy curves per batch size, and per-batch-size totals."""
import os

from matplotlib.figure import Figure  # no pyplot: nothing is shown, no GUI backend is needed

FIGURE_NAMES = {
    "loss": "loss_vs_iteration.png",
    "accuracy": "accuracy_vs_iteration.png",
    "test_accuracy": "test_accuracy_vs_batch_size.png",
    "epoch_time": "epoch_time_vs_batch_size.png",
}


def write_figures(out, results, program):
    """Draw the four figures into ``out``; return their paths, keyed like ``FIGURE_NAMES``."""
    figures = {
        "loss": loss_figure(results, program),
        "accuracy": accuracy_figure(results, program),
        "test_accuracy": per_batch_size_figure(
            results, [result.test_accuracy[-1] for result in results],
            "Final test accuracy vs batch size", "test accuracy (last display step)", program, "{:.3f}"),
        "epoch_time": per_batch_size_figure(
            results, [result.seconds_per_epoch for result in results],
            "Training time per epoch vs batch size", "seconds per epoch", program, "{:.2f} s"),
    }
    paths = {}
    for key, figure in figures.items():
        paths[key] = os.path.join(out, FIGURE_NAMES[key])
        figure.savefig(paths[key])
    return paths


def loss_figure(results, program):
    """Training loss per iteration, one line per batch size, on a log scale (it falls by orders of magnitude)."""
    figure = Figure(figsize=(7, 4.5), layout="constrained")
    axes = figure.subplots()
    for result in results:
        axes.plot(range(1, result.iterations + 1), result.loss, linewidth=0.9, label=str(result.batch_size))
    axes.set(title=f"Training loss per iteration ({program})", xlabel="iteration",
             ylabel="cross-entropy loss (log scale)", yscale="log")
    axes.legend(title="batch size")
    axes.grid(alpha=0.3)
    return figure


def accuracy_figure(results, program):
    """Training (minibatch) and test accuracy at the display steps, side by side, one line per batch size."""
    figure = Figure(figsize=(10, 4.5), layout="constrained")
    train_axes, test_axes = figure.subplots(1, 2, sharey=True)
    for result in results:
        train_axes.plot(result.display_steps, result.train_accuracy, marker=".", label=str(result.batch_size))
        test_axes.plot(result.display_steps, result.test_accuracy, marker=".", label=str(result.batch_size))
    train_axes.set(title="Training accuracy (minibatch)", xlabel="iteration", ylabel="accuracy")
    test_axes.set(title="Test accuracy", xlabel="iteration")
    for axes in (train_axes, test_axes):
        axes.legend(title="batch size", loc="lower right")
        axes.grid(alpha=0.3)
    figure.suptitle(f"Accuracy vs iteration ({program})")
    return figure


def per_batch_size_figure(results, values, title, ylabel, program, value_format):
    """One number per batch size (labelled with ``value_format``), batch sizes on a log-2 axis."""
    figure = Figure(figsize=(6, 4), layout="constrained")
    axes = figure.subplots()
    batch_sizes = [result.batch_size for result in results]
    axes.plot(batch_sizes, values, marker="o", label=program)
    for batch_size, value in zip(batch_sizes, values):
        axes.annotate(value_format.format(value), (batch_size, value), textcoords="offset points",
                      xytext=(0, 6), ha="center")
    axes.margins(x=0.1, y=0.2)  # room for the value labels
    axes.set_xscale("log", base=2)
    axes.set_xticks(batch_sizes, [str(size) for size in batch_sizes])
    axes.set(title=title, xlabel="batch size", ylabel=ylabel)
    axes.legend()
    axes.grid(alpha=0.3)
    return figure
