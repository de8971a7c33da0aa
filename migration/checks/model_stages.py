"""The model stages of a pair's check: same variables, same weights -> same logits, same batches -> same losses."""
import numpy as np

from migration import equivalence


def compare_variables_and_logits(report, model, history, inputs):
    """Variables by name and shape; then the legacy initial weights assigned into ``model`` give its logits.

    ``history`` is the legacy training result with ``initial_variables`` ({TF1 name: array}, the
    TF2 variables carry the same names) and ``initial_logits`` (on ``inputs``).
    """
    legacy_shapes = {name: value.shape for name, value in history["initial_variables"].items()}
    report.compare_exact("variable names and shapes", legacy_shapes,
                         {variable.name[:-2]: tuple(variable.shape) for variable in model.trainable_variables})
    equivalence.assign_variables(model, history["initial_variables"])
    report.compare("inference logits (same weights)", history["initial_logits"], model(inputs))


def compare_training(report, legacy_history, migrated_history, steps):
    """Batch sizes (when recorded) and per-step losses of the same batches from the same weights."""
    if "batch_sizes" in legacy_history:
        report.compare_exact("training batch sizes", legacy_history["batch_sizes"], migrated_history["batch_sizes"])
    report.compare(f"training losses ({steps} steps, same batches)", np.array(legacy_history["losses"]),
                   np.array(migrated_history["losses"]))
