"""model_checkpoint pair: the TF1 Saver checkpoint loads into the TF2 model (identical predictions); TF2 twin round trip."""
import os

import numpy as np
import pytest
import tensorflow as tf

from migration import checkpoints, equivalence
from migration import model_checkpoint as migrated
from migration.checkpoints import CheckpointMismatchError, restore_tf1_checkpoint
from migration.pairs import PAIRS

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

DATA_DIR = migrated.EMBEDDED_MNIST
STEPS = 30


@pytest.fixture(scope="module")
def mnist_test():
    return migrated.load_mnist(DATA_DIR, "t10k")


@pytest.fixture(scope="module")
def legacy(tmp_path_factory, mnist_test):
    """ONE TF1 process: the legacy program's main() trains and saves tmp/mlp.ckpt; a new graph restores and predicts."""
    folder = str(tmp_path_factory.mktemp("legacy") / "tmp")
    argv = ["--steps", str(STEPS), "--display-step", "10", "--data-dir", DATA_DIR, "--checkpoint-dir", folder]
    exit_code, restored = equivalence.run_legacy_many(PAIRS["model_checkpoint"].legacy_path, [
        ("main", (argv,)), ("restore_and_predict", (folder, mnist_test[0]))])
    return {"exit_code": exit_code, "prefix": os.path.join(folder, "mlp.ckpt"), **restored}


def test_legacy_program_saves_a_saver_checkpoint(legacy):
    assert legacy["exit_code"] == 0
    assert sorted(os.listdir(os.path.dirname(legacy["prefix"]))) == [
        "checkpoint", "mlp.ckpt.data-00000-of-00001", "mlp.ckpt.index", "mlp.ckpt.meta"]
    assert legacy["logits"].shape == (1000, 10) and legacy["logits"].dtype == np.float32


def test_legacy_checkpoint_loads_into_the_tf2_model_with_identical_predictions(legacy, mnist_test):
    model = migrated.build_model(seed=11)  # its own random weights must all be replaced
    report = restore_tf1_checkpoint(model, legacy["prefix"])
    assert report.mapping == {"mlp/dense_1_vars/weights:0": "mlp/dense_1/weights",
                              "mlp/dense_1_vars/bias:0": "mlp/dense_1/bias",
                              "mlp/dense_2_vars/weights:0": "mlp/dense_2/weights",
                              "mlp/dense_2_vars/bias:0": "mlp/dense_2/bias"}
    assert {match.how for match in report.matches} == {"name"} and report.skipped == []
    np.testing.assert_allclose(model(mnist_test[0]).numpy(), legacy["logits"], rtol=0, atol=1e-6)
    np.testing.assert_allclose(model.predict(mnist_test[0]).numpy(), legacy["probabilities"], rtol=0, atol=1e-6)


def test_tf2_program_from_tf1_prints_the_legacy_test_accuracy(legacy, mnist_test, capsys):
    assert migrated.main(["--from-tf1", legacy["prefix"], "--data-dir", DATA_DIR]) == 0
    out = capsys.readouterr().out
    legacy_accuracy = np.mean(np.argmax(legacy["logits"], 1) == np.argmax(mnist_test[1], 1))
    assert f"accuracy= {legacy_accuracy:.5f} " in out
    assert "mlp/dense_2_vars/weights:0 -> mlp/dense_2/weights [64, 10] float32 (by name)" in out
    assert legacy_accuracy > 0.8  # 30 Adam steps of 100 images


def test_converted_checkpoint_restores_with_tf_train_checkpoint(legacy, mnist_test, tmp_path):
    out = str(tmp_path / "tf2")
    argv = ["convert", legacy["prefix"], "--model", "migration.model_checkpoint:build_model", "--out", out]
    assert checkpoints.main(argv) == 0
    model = migrated.build_model(seed=12)
    tf.train.Checkpoint(model=model).read(tf.train.latest_checkpoint(out)).assert_existing_objects_matched()
    np.testing.assert_allclose(model(mnist_test[0]).numpy(), legacy["logits"], rtol=0, atol=1e-6)


def test_mismatching_model_gets_the_full_list_and_stays_untouched(legacy):
    model = migrated.build_model(hidden=32, seed=13)
    before = [variable.numpy() for variable in model.trainable_variables]
    with pytest.raises(CheckpointMismatchError) as caught:
        restore_tf1_checkpoint(model, legacy["prefix"])
    assert sorted(str(problem) for problem in caught.value.problems) == [
        "mis-shaped: checkpoint `mlp/dense_1_vars/bias:0` [64] float32 vs model `mlp/dense_1/bias` [32] float32",
        "mis-shaped: checkpoint `mlp/dense_1_vars/weights:0` [784, 64] float32 vs model `mlp/dense_1/weights` "
        "[784, 32] float32",
        "mis-shaped: checkpoint `mlp/dense_2_vars/weights:0` [64, 10] float32 vs model `mlp/dense_2/weights` "
        "[32, 10] float32"]
    for variable, value in zip(model.trainable_variables, before):
        np.testing.assert_array_equal(variable.numpy(), value)


def test_tf2_program_round_trips_its_own_checkpoint(tmp_path, capsys):
    argv = ["--steps", "20", "--display-step", "10", "--data-dir", DATA_DIR, "--checkpoint-dir", str(tmp_path)]
    assert migrated.main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    saved = os.path.join(str(tmp_path), "mlp", "ckpt-1")
    assert f"Model saved in file: {saved}" in lines and f"Model restored from file: {saved}" in lines
    assert [line.split()[1] for line in lines if line.startswith("Step:")] == ["0001", "0010", "0020"]
    accuracy = float(lines[-1].split("accuracy=")[1].split()[0])
    assert 0.7 < accuracy <= 1.0


def test_the_twin_reads_exactly_the_arrays_of_the_tf1_reader():
    from tf1compat.shims.mnist.input_data import EMBEDDED_DIR, read_data_sets

    legacy = read_data_sets(EMBEDDED_DIR, one_hot=True, validation_size=0)
    for split, dataset in (("train", legacy.train), ("t10k", legacy.test)):
        images, labels = migrated.load_mnist(EMBEDDED_DIR, split)
        assert images.dtype == labels.dtype == np.float32
        assert np.array_equal(images, dataset.images) and np.array_equal(labels, dataset.labels)
