"""Prove the port computes what the TF1 model computed (run: python docs/walkthrough/check_port.py)."""
import os
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from migration.checkpoints import restore_tf1_checkpoint  # noqa: E402
from migration.equivalence import Report, assign_variables, run_legacy_many  # noqa: E402
from new_regressor import build_model, train  # noqa: E402

OLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "old_regressor.py")


def check(steps=20):
    checkpoint = os.path.join(tempfile.mkdtemp(), "regressor.ckpt")
    # One TF1 process: the data, training (initial weights + losses), predictions from the checkpoint.
    (x, y), (initial, legacy_losses), legacy_predictions = run_legacy_many(
        OLD, [("make_data",), ("train", (checkpoint,), {"steps": steps}), ("predict", (checkpoint,))])
    report = Report()

    # Stage 1: the same starting weights -> the same training losses, step by step.
    model = build_model()
    assign_variables(model, initial)  # TF1 names == Keras paths here; else pass {tf1_name: tf2_path}
    report.compare("training losses", legacy_losses, np.array(train(model, x, y, steps), np.float32))

    # Stage 2: the TF1 checkpoint loaded into a fresh TF2 model -> the same predictions.
    restored = build_model()
    print(restore_tf1_checkpoint(restored, checkpoint))  # mapping inferred from names and shapes
    report.compare("predictions from the TF1 checkpoint", legacy_predictions, restored(x).numpy())
    return report


if __name__ == "__main__":
    result = check()
    print(result)
    sys.exit(0 if result.ok else 1)
