"""What one batch size's run of the batch-size study measured, and the numbers derived from it."""
import dataclasses
import math

# The mean of the last few losses is the "final loss": one minibatch's loss is too noisy to compare.
FINAL_LOSS_WINDOW = 10


def steps_for_epochs(epochs, train_examples, batch_size):
    """Iterations that show every training example ``epochs`` times: ``ceil(epochs * examples / batch)``.

    Rounding up means no example of the last epoch is left out; the last batch may then
    borrow a few examples from the next epoch, as TF1's ``next_batch`` and the TF2 twin's
    ``tf.data`` pipeline both do. At least one iteration.
    """
    return max(1, math.ceil(epochs * train_examples / batch_size - 1e-9))


@dataclasses.dataclass
class RunResult:
    """One batch size's run: the program's history plus what the parent measured of its process.

    ``loss`` and ``step_seconds`` have one entry per iteration (1, 2, ...); the accuracies
    one per entry of ``display_steps``. ``peak_rss_kib`` is the child's ``ru_maxrss``
    (kibibytes on Linux) as returned by ``os.wait4``: the peak resident memory of that
    process alone, since every batch size runs in its own process.
    """

    batch_size: int
    train_examples: int
    loss: list
    step_seconds: list
    display_steps: list
    train_accuracy: list
    test_accuracy: list
    peak_rss_kib: int
    process_seconds: float  # the child's whole life: start-up, data, training, evaluation

    @classmethod
    def from_history(cls, batch_size, train_examples, history, peak_rss_kib, process_seconds):
        """Build from the history dict both cnn_mnist programs write (their ``train`` return value)."""
        fields = ("loss", "step_seconds", "display_steps", "train_accuracy", "test_accuracy")
        return cls(batch_size, train_examples, *(list(history[name]) for name in fields),
                   peak_rss_kib, process_seconds)

    @property
    def iterations(self):
        return len(self.loss)

    @property
    def epochs(self):
        """Training examples shown, in epochs."""
        return self.iterations * self.batch_size / self.train_examples

    @property
    def seconds_per_iteration(self):
        """Mean wall time of an iteration (input + train step), the first left out: it traces or warms up."""
        timed = self.step_seconds[1:] or self.step_seconds
        return sum(timed) / len(timed)

    @property
    def examples_per_second(self):
        return self.batch_size / self.seconds_per_iteration

    @property
    def seconds_per_epoch(self):
        """Training time of one pass over the training set at the measured rate (evaluation excluded)."""
        return self.train_examples / self.examples_per_second

    @property
    def final_loss(self):
        """Mean training loss of the last ``FINAL_LOSS_WINDOW`` iterations."""
        window = self.loss[-FINAL_LOSS_WINDOW:]
        return sum(window) / len(window)

    @property
    def peak_rss_mib(self):
        return self.peak_rss_kib / 1024.0

    def accuracy_at(self):
        """``{iteration: (train accuracy, test accuracy)}`` for the display steps."""
        return {step: (train, test) for step, train, test in
                zip(self.display_steps, self.train_accuracy, self.test_accuracy)}
