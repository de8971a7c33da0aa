"""cnn_mnist, both sides: the command lines' printed metrics and figures, keep_prob vs rate, Adam, tf.data."""
import json
import os
import re
import subprocess
import sys

import numpy as np
import pytest
import tensorflow as tf

from migration import cnn_mnist as migrated
from tests import paths

REPO = paths.ROOT
LEGACY = os.path.join(REPO, "legacy_examples", "cnn_mnist.py")
METRICS = re.compile(r"^Step (\d+), Minibatch Loss= (\d+\.\d{4}), Training Accuracy= ([01]\.\d{3}), "
                     r"Test Accuracy= ([01]\.\d{3})$", re.MULTILINE)
FINISHED = re.compile(r"^Optimization Finished! Testing Accuracy= ([01]\.\d{3}), wall time \d+\.\d s$", re.MULTILINE)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# 20 steps of 64 images, seed 1: legacy 0.839, migrated 0.794 test accuracy (chance is 0.10).
SHORT_RUN = ["--steps", "20", "--batch-size", "64", "--display-step", "10", "--seed", "1"]
SHORT_RUN_MIN_ACCURACY = 0.7


def run(command, folder):
    """Run ``command`` in ``folder`` offline (the embedded MNIST subset), as a user would."""
    env = dict(os.environ, PYTHONPATH=REPO, TF1COMPAT_OFFLINE="1")
    flags = ["--data-dir", str(folder / "MNIST_data"), "--figures-dir", str(folder / "plots"),
             "--logdir", str(folder / "logs"), "--history-json", str(folder / "history.json")]
    completed = subprocess.run(command + SHORT_RUN + flags, capture_output=True, text=True, cwd=folder,
                               env=env, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    return completed.stdout


@pytest.fixture(scope="module", params=["legacy", "migrated"])
def short_run(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "legacy":
        command = [sys.executable, "-m", "tf1compat", LEGACY]
    else:
        command = [sys.executable, "-m", "migration.cnn_mnist"]
    return request.param, folder, run(command, folder)


def test_prints_metrics_at_step_1_and_every_display_step(short_run):
    _, _, stdout = short_run
    rows = [(int(step), float(loss), float(train), float(test)) for step, loss, train, test in METRICS.findall(stdout)]
    assert [row[0] for row in rows] == [1, 10, 20]
    assert all(0.0 < loss < 10.0 for _, loss, _, _ in rows)
    assert rows[-1][1] < rows[0][1]  # the minibatch loss fell
    final = float(FINISHED.search(stdout).group(1))
    assert final == rows[-1][3] >= SHORT_RUN_MIN_ACCURACY


def test_history_json_holds_every_step_and_the_printed_accuracies(short_run):
    _, folder, stdout = short_run
    with open(folder / "history.json") as handle:
        history = json.load(handle)
    assert sorted(history) == ["display_steps", "loss", "step_seconds", "test_accuracy", "train_accuracy"]
    assert len(history["loss"]) == len(history["step_seconds"]) == 20 and history["display_steps"] == [1, 10, 20]
    printed = [(float(train), float(test)) for _, _, train, test in METRICS.findall(stdout)]
    assert [(round(train, 3), round(test, 3)) for train, test in
            zip(history["train_accuracy"], history["test_accuracy"])] == printed


def test_saves_both_figures_and_tensorboard_logs(short_run):
    side, folder, _ = short_run
    for kind in ("loss", "accuracy"):
        with open(folder / "plots" / f"cnn_mnist_{kind}.png", "rb") as handle:
            data = handle.read()
        assert data.startswith(PNG_MAGIC) and len(data) > 5000
    if side == "legacy":  # plt.show() with no display: the runner saved the two shown figures too
        assert sorted(os.listdir(folder / "figures")) == ["cnn_mnist_1.png", "cnn_mnist_2.png"]
    for split in ("train", "test"):
        events = os.listdir(folder / "logs" / split)
        assert len(events) == 1 and events[0].startswith("events.out.tfevents.")


def test_usage_error_is_argparse_error_naming_the_flag(capsys):
    with pytest.raises(SystemExit) as exit_info:
        migrated.main(["--keep-prob", "0"])
    assert exit_info.value.code == 2
    error = capsys.readouterr().err
    assert error.startswith("usage: python -m migration.cnn_mnist ")
    assert error.splitlines()[-1] == ("python -m migration.cnn_mnist: error: `--keep-prob 0.0`: must be in (0, 1] "
                                      "(dropout rate = 1 - keep_prob)")


def test_the_twin_reads_exactly_the_arrays_of_the_tf1_reader(tmp_path, capsys):
    from tf1compat.shims.mnist.input_data import EMBEDDED_DIR, read_data_sets

    legacy = read_data_sets(EMBEDDED_DIR, one_hot=True, validation_size=0)
    arrays = migrated.load_mnist(str(tmp_path))  # no files there: the embedded subset, said on stderr
    assert "using the embedded real-MNIST subset" in capsys.readouterr().err
    expected = (legacy.train.images, legacy.train.labels, legacy.test.images, legacy.test.labels)
    assert [array.shape for array in arrays] == [(4000, 784), (4000, 10), (1000, 784), (1000, 10)]
    assert all(array.dtype == np.float32 for array in arrays)
    for mine, theirs in zip(arrays, expected):
        assert np.array_equal(mine, theirs)  # bit for bit: pixels * (1/255) as TF1 did


@pytest.mark.parametrize("keep_prob", [0.5, 0.85])
def test_keep_prob_p_and_rate_1_minus_p_drop_the_same_fraction_and_scale_by_1_over_p(keep_prob):
    units = 200_000
    x = tf.random.stateless_uniform([units], seed=[1, 2], minval=0.5, maxval=2.0)
    # TF1: keep_prob fed as a float32 placeholder; TF2: a Python rate. Same op seeds.
    tf.random.set_seed(3)
    legacy = tf.compat.v1.nn.dropout(x, keep_prob=tf.constant(keep_prob)).numpy()
    tf.random.set_seed(3)
    migrated_ = tf.nn.dropout(x, rate=1 - keep_prob).numpy()
    x = x.numpy()
    # Binomial sd of the kept fraction is <= 0.0012 here: 0.006 is 5 sd.
    assert abs((legacy != 0).mean() - keep_prob) < 0.006
    assert abs((migrated_ != 0).mean() - keep_prob) < 0.006
    assert np.array_equal(legacy != 0, migrated_ != 0)  # with equal seeds even the same units
    kept = legacy != 0
    # Exactly: TF1 divides by float32(p); TF2 multiplies by float32(1 / p). Both are 1/p to 2^-23.
    np.testing.assert_array_equal(legacy[kept], x[kept] / np.float32(keep_prob))
    np.testing.assert_array_equal(migrated_[kept], x[kept] * np.float32(1 / keep_prob))
    np.testing.assert_allclose(migrated_[kept], x[kept].astype(np.float64) / keep_prob, rtol=2 ** -23, atol=0)


def tf1_adam(value, gradients, lr=1e-3, beta1=0.9, beta2=0.999, epsilon=1e-8):
    """TF1 AdamOptimizer's float32 arithmetic (the ApplyAdam kernel and its beta-power variables) in numpy."""
    f32 = np.float32
    value, m, v = value.copy(), np.zeros_like(value), np.zeros_like(value)
    beta1_power, beta2_power = f32(beta1), f32(beta2)
    for gradient in gradients:
        alpha = f32(lr) * np.sqrt(f32(1) - beta2_power) / (f32(1) - beta1_power)
        m += (gradient - m) * (f32(1) - f32(beta1))
        v += (gradient * gradient - v) * (f32(1) - f32(beta2))
        value -= (m * alpha) / (np.sqrt(v) + f32(epsilon))
        beta1_power, beta2_power = beta1_power * f32(beta1), beta2_power * f32(beta2)
    return value


def test_fused_adam_is_tf1_adam_bit_for_bit_and_keras_adam_to_rounding():
    rng = np.random.default_rng(0)
    start = rng.normal(size=(64, 32)).astype(np.float32)
    gradients = [rng.normal(scale=10.0 ** -rng.integers(0, 6), size=(64, 32)).astype(np.float32) for _ in range(12)]
    results = {}
    for name, optimizer in (("fused", migrated.FusedAdam(1e-3, epsilon=1e-8)),
                            ("keras", tf.keras.optimizers.Adam(1e-3, epsilon=1e-8))):
        variable = tf.Variable(start)
        optimizer.build([variable])
        for gradient in gradients:
            optimizer.apply_gradients([(tf.constant(gradient), variable)])
        results[name] = variable.numpy()
    np.testing.assert_array_equal(results["fused"], tf1_adam(start, gradients))
    # Keras's own Adam: the same rule, but pow(beta, t) and 1 - beta rounded differently.
    np.testing.assert_allclose(results["keras"], results["fused"], rtol=0, atol=1e-6)
    assert not np.array_equal(results["keras"], results["fused"])


def test_dataset_gives_every_example_once_per_epoch_reshuffled_and_spans_epochs():
    images = np.arange(10, dtype=np.float32)[:, None] * np.ones([1, 784], np.float32)
    labels = np.eye(10, dtype=np.float32)
    batches = list(migrated.make_dataset(images, labels, batch_size=4, seed=5).take(10))
    order = np.concatenate([batch_images[:, 0].numpy() for batch_images, _ in batches]).astype(int)
    assert all(batch_images.shape == (4, 784) for batch_images, _ in batches)
    epochs = order.reshape(4, 10)
    assert all(sorted(epoch) == list(range(10)) for epoch in epochs)
    assert len({tuple(epoch) for epoch in epochs}) == 4  # reshuffled every epoch
    for batch_images, batch_labels in batches:  # images and labels stay paired
        assert np.array_equal(np.argmax(batch_labels, 1), batch_images[:, 0].numpy().astype(int))


@pytest.mark.slow
def test_train_returns_per_step_history_and_repeats_under_a_seed():
    images, labels, test_images, test_labels = migrated.load_mnist(migrated.EMBEDDED_MNIST)
    histories, lines = [], []
    for _ in range(2):
        model = migrated.ConvNet(seed=4)
        step = migrated.make_train_step(model, migrated.make_optimizer(model), rate=0.15)
        tf.random.set_seed(4)
        batches = migrated.make_dataset(images[:256], labels[:256], batch_size=32, seed=4)
        histories.append(migrated.train(model, step, batches, (test_images[:100], test_labels[:100]),
                                        steps=5, display_step=2, log=lines.append))
    first, second = histories
    assert step.experimental_get_tracing_count() == 1  # Adam's slots existed before the first trace
    assert len(first.loss) == len(first.step_seconds) == 5 and all(s > 0 for s in first.step_seconds)
    assert first.display_steps == [1, 2, 4, 5] and len(first.test_accuracy) == 4
    assert first.loss == second.loss and first.test_accuracy == second.test_accuracy
    assert all(METRICS.match(line) for line in lines) and len(lines) == 8


def test_a_corrupt_mnist_file_is_one_error_line_and_exit_1(tmp_path, capsys):
    for name in os.listdir(migrated.EMBEDDED_MNIST):
        source = os.path.join(migrated.EMBEDDED_MNIST, name)
        with open(source, "rb") as handle:
            (tmp_path / name).write_bytes(handle.read())
    (tmp_path / "train-images-idx3-ubyte.gz").write_bytes(b"not gzip at all")
    code = migrated.main(["--data-dir", str(tmp_path), "--logdir", str(tmp_path / "logs"), "--steps", "1"])
    error = capsys.readouterr().err
    assert code == 1 and error.count("\n") == 1
    assert error.startswith(f"ERROR `{tmp_path / 'train-images-idx3-ubyte.gz'}`: not a valid gzip file")
    assert not (tmp_path / "logs").exists()


def test_fused_adam_refuses_amsgrad_it_cannot_do():
    with pytest.raises(ValueError, match=r"^`FusedAdam\(amsgrad=True\)`: the fused kernel has no AMSGrad"):
        migrated.FusedAdam(amsgrad=True)


def test_mixed_bfloat16_policy_computes_in_bfloat16_with_float32_variables_logits_and_loss():
    images, labels, _, _ = migrated.load_mnist(migrated.EMBEDDED_MNIST)
    images, labels = tf.constant(images[:64]), tf.constant(labels[:64])
    models = {policy: migrated.ConvNet(seed=4, policy=policy) for policy in ("float32", "mixed_bfloat16")}
    mixed = models["mixed_bfloat16"]
    assert (mixed.compute_dtype, mixed.hidden(images).dtype, mixed(images).dtype) == ("bfloat16", tf.bfloat16, tf.float32)
    assert models["float32"].hidden(images).dtype == tf.float32
    losses = {}
    for policy, model in models.items():
        step = migrated.make_train_step(model, migrated.make_optimizer(model), rate=0.0)
        losses[policy] = [float(step(images, labels)) for _ in range(3)]
        assert {variable.dtype for variable in model.trainable_variables} == {tf.float32}
    # Same initial weights: bfloat16's 8-bit mantissa moves the loss by well under 2 %, and Adam still descends.
    np.testing.assert_allclose(losses["mixed_bfloat16"], losses["float32"], rtol=0.02)
    assert losses["mixed_bfloat16"][2] < losses["mixed_bfloat16"][0]
