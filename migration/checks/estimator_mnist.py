"""The estimator_mnist pair's staged check: Estimator checkpoints loaded into the Keras model, losses, SavedModels."""
import os
import tempfile

import numpy as np
import tensorflow as tf

from migration import equivalence
from migration import estimator_mnist as migrated
from migration.checkpoints import restore_tf1_checkpoint
from migration.pairs import PAIRS

SEED = 0
BATCH_SIZE = 50
PROBE_IMAGES = 100
LEARNING_RATE = 1e-3
LAYERS = ("conv1", "hidden", "logits")
# The twin's FusedAdam runs TF1's ApplyAdam kernel with TF1's beta powers: over 10 steps the losses and the
# logits after training are equal bit for bit (measured 2026-12: max abs 0.0); the pair's default tolerances stay.


def check(steps=10):
    """Run the stages against ONE legacy process; return the ``equivalence.Report``.

    The legacy Estimator trains ``steps`` steps on in-order batches (its ``model.ckpt-0`` holds
    the initial weights), predicts from ``model.ckpt-0`` and from the latest checkpoint, and
    exports a SavedModel; the Keras twin starts from the same checkpoints.
    """
    train_images, train_labels, test_images, _ = migrated.read_data(migrated.EMBEDDED_DIR)
    images, labels = train_images[:steps * BATCH_SIZE], train_labels[:steps * BATCH_SIZE]
    probe = test_images[:PROBE_IMAGES]
    with tempfile.TemporaryDirectory(prefix="estimator_mnist_") as folder:
        model_dir = os.path.join(folder, "model")
        losses, initial_logits, final_logits, legacy_export = equivalence.run_legacy_many(
            PAIRS["estimator_mnist"].legacy_path, [
                ("train_on_batches", (model_dir, images, labels, BATCH_SIZE, steps),
                 {"learning_rate": LEARNING_RATE, "seed": SEED}),
                ("predict_logits", (model_dir, probe, "model.ckpt-0")),
                ("predict_logits", (model_dir, probe)),
                ("export", (model_dir, os.path.join(folder, "legacy_export"))),
            ])
        report = equivalence.Report()
        model = _from_checkpoint(report, os.path.join(model_dir, "model.ckpt-0"))
        report.compare("inference logits (same weights: the Estimator's model.ckpt-0)", initial_logits, model(probe))
        report.compare(f"training losses ({steps} Adam steps, same batches)", losses,
                       [_train_step(model, images[i:i + BATCH_SIZE], labels[i:i + BATCH_SIZE])
                        for i in range(0, steps * BATCH_SIZE, BATCH_SIZE)])
        final = migrated.build_model(LEARNING_RATE, seed=SEED + 2)
        restore_tf1_checkpoint(final, model_dir)
        report.compare(f"logits after loading the Estimator's model_dir (model.ckpt-{steps})", final_logits, final(probe))
        _compare_saved_models(report, legacy_export, migrated.export(final, os.path.join(folder, "tf2_export")), probe)
    return report


def _from_checkpoint(report, checkpoint):
    """A Keras model holding ``checkpoint``'s weights; the restore report's mapping and skips are compared."""
    model = migrated.build_model(LEARNING_RATE, seed=SEED + 1)
    restored = restore_tf1_checkpoint(model, checkpoint)
    expected = sorted(f"{layer}/{part}" for layer in LAYERS for part in ("kernel", "bias"))
    # Keras may prefix the model's name (sequential/conv1/kernel): the layer/variable part must match.
    report.compare_exact("variables restored from the Estimator checkpoint (legacy name -> Keras layer/variable)",
                         [(name, name) for name in expected],
                         sorted((source, "/".join(target.split(":")[0].split("/")[-2:]))
                                for source, target in restored.mapping.items()))
    report.compare_exact("skipped (not model weights): global step and Adam slots",
                         sorted(["global_step", "beta1_power", "beta2_power"]
                                + [f"{name}/{slot}" for name in expected for slot in ("Adam", "Adam_1")]),
                         sorted(spec.name for spec in restored.skipped))
    return model


def _train_step(model, images, labels):
    # train_on_batch returns [loss, accuracy]: the loss of this batch, before the update.
    return float(np.atleast_1d(model.train_on_batch(images, labels))[0])


def _compare_saved_models(report, legacy_dir, tf2_dir, probe):
    """Both SavedModels' ``serving_default`` signatures give the same outputs for the same images."""
    legacy = tf.saved_model.load(legacy_dir).signatures["serving_default"](images=tf.constant(probe))
    migrated_outputs = tf.saved_model.load(tf2_dir).signatures["serving_default"](images=tf.constant(probe))
    report.compare_exact("SavedModel serving_default output keys", sorted(legacy), sorted(migrated_outputs))
    for key in ("logits", "probabilities"):
        report.compare(f"SavedModel serving_default {key}", legacy[key], migrated_outputs[key])
    report.compare_exact("SavedModel serving_default classes", legacy["classes"].numpy().tolist(),
                         migrated_outputs["classes"].numpy().tolist())
