"""The cnn_mnist pair's staged equivalence check: variables, inference, dropout semantics, Adam steps."""
import numpy as np
import tensorflow as tf

from migration import cnn_mnist, equivalence
from migration.pairs import PAIRS

SEED = 7
BATCH_SIZE = 64
INFERENCE_IMAGES = 256
KEEP_PROB = 0.85
# Kept fraction of ~60k positive hidden units: binomial sd ~0.0015, so 0.01 is ~7 sd.
FRACTION_ATOL = 0.01
# Kept units are hidden / p up to float32 rounding: a keep_prob tensor divides by p (TF1
# graph: x / (1 - (1 - p))), a Python rate multiplies by float32(1 / p); either is within 2^-23.
SCALE_RTOL = 1.2e-7


def check(steps=10, data_dir=None):
    """Run the four stages against ONE legacy process; return the ``equivalence.Report``.

    Args:
        steps: Adam steps compared (>= 10 for the pair's contract), one batch of 64 each.
        data_dir: MNIST folder (default: the embedded subset).
    """
    images, labels = _training_data(data_dir, steps * BATCH_SIZE)
    batches = [(images[i:i + BATCH_SIZE], labels[i:i + BATCH_SIZE]) for i in range(0, steps * BATCH_SIZE, BATCH_SIZE)]
    probe = images[:INFERENCE_IMAGES]
    shapes, weights, (logits, hidden, _), (_, _, dropped), (losses, final) = equivalence.run_legacy_many(
        PAIRS["cnn_mnist"].legacy_path, [
            ("variable_shapes",),
            ("initial_weights", (SEED,)),
            ("predict", (probe,), {"keep_prob": 1.0, "seed": SEED}),
            ("predict", (probe,), {"keep_prob": KEEP_PROB, "seed": SEED}),
            ("train_losses", (batches,), {"keep_prob": 1.0, "seed": SEED}),
        ])
    report = equivalence.Report()
    model = cnn_mnist.ConvNet(seed=SEED)
    report.compare_exact("variable names and shapes", sorted(shapes), _tf2_shapes(model))
    equivalence.assign_variables(model, weights)
    report.compare("inference logits", logits, model(probe))
    report.compare("hidden layer", hidden, model.hidden(probe))
    _compare_dropout(report, hidden, dropped, model.hidden(probe).numpy())
    migrated_losses, migrated_final = _train(model, weights, batches)
    report.compare(f"training losses ({steps} Adam steps, dropout off)", losses, migrated_losses)
    report.compare_each(f"weights after {steps} steps", final, migrated_final)
    return report


def _training_data(data_dir, count):
    folder = data_dir or cnn_mnist.EMBEDDED_MNIST
    train_images, train_labels, _, _ = cnn_mnist.load_mnist(folder)
    if len(train_images) < count:
        raise ValueError(f"`steps`: {count} training images needed, {len(train_images)} available; "
                         f"give fewer steps")
    return train_images[:count], train_labels[:count]


def _tf2_shapes(model):
    return sorted((variable.name.split(":")[0], tuple(variable.shape.as_list()))
                  for variable in model.trainable_variables)


def _train(model, weights, batches):
    """Fresh Adam from ``weights``, dropout off (rate 0, as keep_prob 1.0 in the legacy run)."""
    equivalence.assign_variables(model, weights)
    train_step = cnn_mnist.make_train_step(model, cnn_mnist.make_optimizer(model), rate=0.0)
    losses = np.array([train_step(x, y).numpy() for x, y in batches])
    return losses, {variable.name.split(":")[0]: variable.numpy() for variable in model.trainable_variables}


def _compare_dropout(report, legacy_hidden, legacy_dropped, hidden):
    """keep_prob=p (legacy graph) vs rate=1-p (TF2): the kept fraction and the scale of kept units.

    The masks are random on both sides, so each side's kept fraction (among units that
    are non-zero before dropout) is compared with p within FRACTION_ATOL, and each kept
    unit with hidden / p within float32 rounding.
    """
    tf.random.set_seed(SEED)
    dropped = tf.nn.dropout(hidden, rate=1.0 - KEEP_PROB).numpy()
    for side, before, after in (("legacy keep_prob", legacy_hidden, legacy_dropped), ("TF2 rate", hidden, dropped)):
        active = before > 0
        kept = after[active] != 0
        report.compare(f"{side}: kept fraction vs p={KEEP_PROB}", KEEP_PROB, kept.mean(), rtol=0, atol=FRACTION_ATOL)
        report.compare(f"{side}: kept units vs hidden / p", before[active][kept].astype(np.float64) / KEEP_PROB,
                       after[active][kept], rtol=SCALE_RTOL, atol=0)
