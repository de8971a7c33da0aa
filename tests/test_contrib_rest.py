"""The rest of tf.contrib (issue 12): shims and aliases seen from unmodified TF1 scripts, and the coverage page.

Three TF1 programs (tests/scripts/contrib_rest/) run in parallel subprocesses under
``python -m tf1compat``, each printing one ``RESULT {json}`` line; the tests compare those values
with NumPy formulas.
"""
import functools
import json
import os
import subprocess
import sys

import numpy as np
import pytest

from tf1compat import api_table

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPTS = os.path.join(ROOT, "tests", "scripts", "contrib_rest")


@functools.lru_cache(maxsize=None)
def script_results(work_dir):
    """Run the three TF1 programs at once; parse each one's RESULT line."""
    tf1_pickle = os.path.join(work_dir, "tf1_vocabulary.pickle")
    subprocess.run([sys.executable, os.path.join(SCRIPTS, "write_tf1_vocabulary_pickle.py"), tf1_pickle],
                   check=True, timeout=60)
    commands = {"ops": ["ops_check.py", os.path.join(work_dir, "ops")],
                "training": ["training_check.py", os.path.join(work_dir, "training"), tf1_pickle],
                "kmeans": ["kmeans_clusters.py"]}
    processes = {}
    for name, (script, *args) in commands.items():
        for folder in args[:1]:
            os.makedirs(folder, exist_ok=True)
        processes[name] = subprocess.Popen([sys.executable, "-m", "tf1compat", os.path.join(SCRIPTS, script), *args],
                                           cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    results = {}
    for name, process in processes.items():
        stdout, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, f"{commands[name][0]} failed:\n{stderr[-3000:]}"
        results[name] = json.loads(stdout.strip().splitlines()[-1].removeprefix("RESULT "))
        results[name + "_stdout"] = stdout
    return results


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    return script_results(str(tmp_path_factory.mktemp("contrib_rest")))


# --- every provided or aliased contrib name resolves from a TF1 script ---------------------------
PROVIDED = sorted(name for name, entry in api_table.TABLE.items()
                  if name.startswith("contrib.") and entry.kind == "provided")


@pytest.mark.parametrize("name", PROVIDED)
def test_provided_entry_resolves_to_its_target(results, name):
    assert results["ops"]["aliases"][name]["is_target"], name


def test_aliases_reach_the_tf2_modules(results):
    aliases = results["ops"]["aliases"]
    assert aliases["contrib.keras"]["module"] == "tf_keras.api._v1.keras"  # legacy Keras, as tf.keras in TF1 scripts
    assert aliases["contrib.linalg"]["module"].endswith("compat.v1.linalg")
    assert aliases["keras_import"]  # from tensorflow.contrib.keras import layers


# --- lookup, metrics, losses ---------------------------------------------------------------------
def test_lookup_tables(results):
    assert results["ops"]["lookup"] == {
        "from_tensor": [1, -1, 0], "with_oov": [1, 3, 0], "to_string": ["c", "UNK"], "from_file": [2, -1],
        "file_to_string": ["green"], "hash_table": [8, -1], "string_to_index": [1, -1, 0], "mutable": [42, -1],
        "init_is_initializer": True, "string_only": "string_to_index_table_from_tensor requires string."}


def test_streaming_metrics_match_numpy(results):
    metrics = results["ops"]["metrics"]
    assert metrics["kinds"] == ["tuple"]  # (value, update_op), as TF1 returned
    assert metrics["local_variables"][:2] == ["accuracy/count", "accuracy/total"]
    batches = metrics["batches"]
    p = np.concatenate([np.array(b[0]) for b in batches])
    y = np.concatenate([np.array(b[1]) for b in batches]).astype(float)
    w = np.concatenate([np.array(b[2]) for b in batches])
    predicted, actual = p > 0.5, y > 0.5
    true_positives = np.sum(predicted & actual)
    expected = {
        "accuracy": np.mean(np.round(p) == y), "mean": np.sum(p * w) / np.sum(w),
        "mse": np.sum(w * (p - y) ** 2) / np.sum(w), "mae": np.mean(np.abs(p - y)),
        "precision": true_positives / predicted.sum(), "recall": true_positives / actual.sum(),
        "auc": np.mean([pos > neg for pos in p[actual] for neg in p[~actual]]),  # exact ROC AUC (no ties)
    }
    for name, value in expected.items():
        assert metrics["values"][name] == pytest.approx(value, abs=1e-3 if name == "auc" else 1e-6), name


def test_contrib_losses_match_numpy(results):
    losses = results["ops"]["losses"]
    inputs = {key: np.array(value) for key, value in losses["inputs"].items()}
    logits = inputs["logits"]
    log_softmax = logits - np.log(np.exp(logits).sum(1, keepdims=True))
    cross_entropy = -(inputs["onehot"] * log_softmax).sum(1).mean()
    squared = 2.0 * np.mean((inputs["predictions"] - inputs["targets"]) ** 2)
    absolute = np.mean(np.abs(inputs["predictions"] - inputs["targets"]))
    values = losses["values"]
    assert values["softmax"] == pytest.approx(cross_entropy, rel=1e-6)
    assert values["sparse_softmax"] == pytest.approx(cross_entropy, rel=1e-6)
    assert values["mse_weighted"] == pytest.approx(squared, rel=1e-6)
    assert values["absolute"] == pytest.approx(absolute, rel=1e-6)
    # Each contrib loss is added to the LOSSES collection, which get_total_loss sums.
    assert values["total"] == pytest.approx(2 * cross_entropy + squared + absolute, rel=1e-6)


# --- image -------------------------------------------------------------------------------------------
def projective_transform(image, transform, bilinear=False):
    """NumPy reference: output (x, y) reads the input at ((a0 x + a1 y + a2)/k, (b0 x + b1 y + b2)/k), zeros outside."""
    a0, a1, a2, b0, b1, b2, c0, c1 = transform
    height, width = image.shape
    output = np.zeros_like(image, dtype=np.float64)
    for y in range(height):
        for x in range(width):
            k = c0 * x + c1 * y + 1
            source_x, source_y = (a0 * x + a1 * y + a2) / k, (b0 * x + b1 * y + b2) / k
            output[y, x] = bilinear_read(image, source_x, source_y) if bilinear else nearest_read(
                image, source_x, source_y)
    return output


def nearest_read(image, x, y):
    row, column = int(np.round(y)), int(np.round(x))
    inside = 0 <= row < image.shape[0] and 0 <= column < image.shape[1]
    return image[row, column] if inside else 0.0


def bilinear_read(image, x, y):
    x0, y0 = int(np.floor(x)), int(np.floor(y))
    value = 0.0
    for row, column in ((y0, x0), (y0, x0 + 1), (y0 + 1, x0), (y0 + 1, x0 + 1)):
        weight = (1 - abs(x - column)) * (1 - abs(y - row))
        value += weight * nearest_read(image, column, row)
    return value


def rotation(angle, height, width):
    cos, sin = np.cos(angle), np.sin(angle)
    x_offset = ((width - 1) - (cos * (width - 1) - sin * (height - 1))) / 2
    y_offset = ((height - 1) - (sin * (width - 1) + cos * (height - 1))) / 2
    return [cos, -sin, x_offset, sin, cos, y_offset, 0, 0]


def test_image_rotate_translate_transform(results):
    image = results["ops"]["image"]
    square, pixels = (np.array(image["inputs"][key]) for key in ("square", "pixels"))
    np.testing.assert_array_equal(image["rotate_rank2"], np.rot90(square))  # counter-clockwise
    np.testing.assert_array_equal(np.array(image["rotate_rank4"])[0, :, :, 0], np.rot90(square, 2))
    np.testing.assert_allclose(image["rotate_bilinear_45"], projective_transform(square, rotation(np.pi / 4, 4, 4),
                                                                                 bilinear=True), atol=1e-4)
    np.testing.assert_array_equal(np.array(image["translate_rank3_uint8"])[:, :, 0],
                                  projective_transform(pixels, [1, 0, -1, 0, 1, 0, 0, 0]))
    np.testing.assert_array_equal(image["translate_down"], [[0, 0, 0, 0], [0, 1, 2, 3], [4, 5, 6, 7]])
    np.testing.assert_array_equal(image["composed"], projective_transform(pixels, [1, 0, -2, 0, 1, -1, 0, 0]))
    np.testing.assert_allclose(image["angles_transform"], [rotation(0.3, 5, 7)], atol=1e-6)
    assert image["dtype"] == "uint8"
    assert image["shapes"]["rotate_rank4"] == [1, 4, 4, 1] and image["shapes"]["translate_rank3_uint8"] == [3, 4, 1]


# --- framework, util, summary, distribute, errors -------------------------------------------------
def test_framework_additions(results):
    framework = results["ops"]["framework"]
    assert framework["same"] and framework["checked_shape"] == [2, 3] and framework["checked_ok"] == 2
    assert framework["static_error"] == "Invalid shape for tensor zeros:0, expected [3 2], got (2, 3)."
    assert framework["dynamic_error"] == "InvalidArgumentError"
    assert framework["reduce_sum_n"] == 7.0
    assert framework["scalar_int_error"] == "Expected integer type for Const:0"
    assert framework["squeezed"] == [[4], [4]] and framework["zeroed"] == [0.0, 0.0]
    assert len(framework["names"]) == 15  # every name the brief lists resolves
    assert framework["implementation_paths"] == [True, True]  # tensorflow.contrib.framework.python.ops


def test_util_summary_distribute(results):
    util = results["ops"]["util"]
    assert util["ndarray"] == [[1, 2], [3, 4]]
    assert util["constant_value"] == [5, 6] and util["constant_value_unknown"] is None
    assert util["summary"] == [[3, "loss", 0.25]]
    assert util["distribute"] == {"devices": ["/replica:0/task:0/device:CPU:0"], "cross_replica_context": True,
                                  "has_strategy": False}


def test_missing_names_raise_tf1compat_errors(results):
    errors = results["ops"]["errors"]
    assert errors["opt_missing"]["type"] == errors["module_removed"]["type"] == "UnsupportedTF1APIAttributeError"
    assert errors["import_lookup"]["type"] == "UnsupportedTF1APIImportError"
    assert errors["module_removed"]["message"] == (
        "`tf.contrib.bayesflow` is not provided by tf1compat: moved out of TensorFlow to TensorFlow Probability. "
        "TF2 replacement: tensorflow_probability (tfp.mcmc, tfp.vi, tfp.monte_carlo)")
    assert errors["opt_missing"]["message"] == (
        "`tf.contrib.opt.ShampooOptimizer` is not provided by tf1compat: tf.contrib was removed in TensorFlow 2.0 "
        "and tf1compat's contrib.opt provides only the optimizers TF1 code used most. TF2 replacement: "
        "a custom tf.keras.optimizers.Optimizer (no Shampoo in core TensorFlow)")
    assert "decode_proto and encode_proto" in errors["proto_rest"]["message"]
    assert errors["distribution_missing"]["message"].endswith("TF2 replacement: tensorflow_probability.distributions")
    assert errors["image_missing"]["message"] == (
        "`tf.contrib.image.connected_components` is not provided by tf1compat: tf.contrib was removed in TensorFlow "
        "2.0 with its custom image kernels. TF2 replacement: scipy.ndimage.label (TensorFlow Addons' version is "
        "archived)")


def test_distributions_stateless_feature_columns_projector(results):
    more = results["ops"]["more"]
    # Normal(1, 2): log N(2) = -log(2 sqrt(2 pi)) - 1/8; KL(N(1, 4) || N(0, 1)) = log(1/2) + (4 + 1) / 2 - 1/2.
    assert more["log_prob"] == pytest.approx(-np.log(2 * np.sqrt(2 * np.pi)) - 0.125, rel=1e-6)
    assert more["kl"] == pytest.approx(np.log(0.5) + 2.5 - 0.5, rel=1e-6)
    assert more["stateless_repeats"] and more["stateless_differs"]
    assert 0 <= more["stateless_range"][0] <= more["stateless_range"][1] < 1
    assert more["column"] == ["clicks", [2]]
    assert 'tensor_name: "embedding:0"' in more["projector_config"]
    assert 'metadata_path: "metadata.tsv"' in more["projector_config"]


# --- contrib.opt against NumPy ------------------------------------------------------------------
INITIAL, SCALE = np.array([1.0, -2.0, 0.5]), np.array([0.3, -1.0, 2.0])  # loss = sum(SCALE * var)


def adam_steps(var, grads, lr=0.1, beta1=0.9, beta2=0.999, epsilon=1e-8, weight_decay=0.0):
    """TF1 Adam (bias correction folded into the learning rate), decaying var first when weight_decay > 0."""
    m, v, history = np.zeros_like(var), np.zeros_like(var), []
    for step, grad in enumerate(grads, start=1):
        var = var - weight_decay * var
        m, v = beta1 * m + (1 - beta1) * grad, beta2 * v + (1 - beta2) * grad ** 2
        var = var - lr * np.sqrt(1 - beta2 ** step) / (1 - beta1 ** step) * m / (np.sqrt(v) + epsilon)
        history.append(var)
    return history


def test_adamw_and_momentumw_match_numpy(results):
    decay = results["training"]["weight_decay"]
    np.testing.assert_allclose(decay["adamw"]["values"], adam_steps(INITIAL, [SCALE, SCALE], weight_decay=0.01),
                               rtol=1e-5)
    # TF1 slot variable names (checkpoints written by TF1 load): var/AdamW (m), var/AdamW_1 (v).
    assert decay["adamw"]["variables"] == ["beta1_power", "beta2_power", "var", "var/AdamW", "var/AdamW_1"]
    var, accumulator, expected = INITIAL.copy(), np.zeros(3), []
    for _ in range(2):
        var = var - 0.05 * var
        accumulator = 0.9 * accumulator + SCALE
        var = var - 0.1 * accumulator
        expected.append(var)
    np.testing.assert_allclose(decay["momentumw"]["values"], expected, rtol=1e-5)
    assert decay["momentumw"]["variables"] == ["var", "var/MomentumW"]
    np.testing.assert_allclose(decay["extended_sgd"]["values"], [0.9 * INITIAL - 0.5 * SCALE], rtol=1e-6)
    # decay_var_list=[a]: a = 2 * (1 - 0.5) - 0.1, b = 2 - 0.1 (Adam's first step is lr * sign(grad)).
    np.testing.assert_allclose(decay["decay_list"], [0.9, 1.9], rtol=1e-5)


def test_lazy_adam_updates_only_the_rows_in_the_batch(results):
    lazy = results["training"]["lazy_adam"]
    assert lazy["slots"] == ["m", "v"]
    assert lazy["variables"] == ["beta1_power", "beta2_power", "embedding", "embedding/LazyAdam",
                                 "embedding/LazyAdam_1"]
    table = np.arange(8, dtype=float).reshape(4, 2)
    grad = np.array([1.0, -2.0])
    row0 = adam_steps(table[0], [grad, grad])  # row 0 is in both batches
    row2 = adam_steps(table[2], [grad])  # row 2 only in the first
    first, second = lazy["steps"]
    np.testing.assert_allclose([first["embedding"][0], first["embedding"][2]], [row0[0], row2[0]], rtol=1e-5)
    np.testing.assert_allclose(second["embedding"][0], row0[1], rtol=1e-5)
    assert second["embedding"][2] == first["embedding"][2]  # untouched by a batch without it
    assert second["m"][2] == first["m"][2]  # lazy: its moments do not decay either
    assert first["embedding"][1] == [2.0, 3.0] and first["m"][1] == [0.0, 0.0]


def nadam_steps(var, grads, lr=0.1, beta1=0.9, beta2=0.999, epsilon=1e-8):
    """TF1 Nadam: Adam's moments, the step taken with the look-ahead (1 - beta1) g + beta1 m."""
    m, v, history = np.zeros_like(var), np.zeros_like(var), []
    for step, grad in enumerate(grads, start=1):
        m, v = beta1 * m + (1 - beta1) * grad, beta2 * v + (1 - beta2) * grad ** 2
        look_ahead = (1 - beta1) * grad + beta1 * m
        var = var - lr * np.sqrt(1 - beta2 ** step) / (1 - beta1 ** step) * look_ahead / (np.sqrt(v) + epsilon)
        history.append(var)
    return history


def test_nadam_matches_numpy(results):
    nadam = results["training"]["nadam"]
    np.testing.assert_allclose(nadam["dense"]["values"], nadam_steps(INITIAL, [SCALE, SCALE]), rtol=1e-5)
    assert nadam["dense"]["variables"] == ["beta1_power", "beta2_power", "var", "var/Adam", "var/Adam_1"]
    sparse = np.array(nadam["sparse"])
    np.testing.assert_allclose(sparse[2], nadam_steps(np.ones(2), [np.array([1.0, -2.0])])[0], rtol=1e-5)
    np.testing.assert_array_equal(sparse[:2], np.ones([2, 2]))


def test_moving_average_optimizer_swapping_saver(results):
    averaged = results["training"]["moving_average"]
    assert averaged["trained"] == [-1.0]  # 1 - 2 * (0.5 * 2)
    # Shadow starts at 1.0: 0.5 * 1 + 0.5 * 0 = 0.5, then 0.5 * 0.5 + 0.5 * -1 = -0.25; names swapped on save.
    assert averaged["saved"] == {"var": [-0.25], "var/ExponentialMovingAverage": [-1.0]}


def test_scipy_optimizer_interface(results):
    scipy = results["training"]["scipy"]
    np.testing.assert_allclose(scipy["free"], [3.0, -1.0], atol=1e-4)
    np.testing.assert_allclose(scipy["bounded"], [2.0, -1.0], atol=1e-4)
    assert scipy["first_loss"] == pytest.approx(8.5) and scipy["loss_calls"] >= 2


# --- contrib.learn -------------------------------------------------------------------------------
def test_vocabulary_processor(results):
    vocabulary = results["training"]["vocabulary"]
    assert vocabulary["rows"] == [[1, 2, 3, 0], [1, 4, 3, 5], [6, 2, 0, 0]]  # ids in order of first sight
    assert vocabulary["unseen"] == [1, 0, 3, 0] and vocabulary["dtype"] == "int64"
    assert vocabulary["reverse"] == ["the <UNK> sat <UNK>"]
    assert vocabulary["vocabulary_size"] == 7
    assert vocabulary["restored_rows"] == vocabulary["rows"]
    # min_frequency=1 keeps words seen twice, renumbered by frequency then name.
    assert vocabulary["trimmed"] == [["<UNK>", 0], ["cat", 1], ["sat", 2], ["the", 3]]
    assert vocabulary["pickle_names_tf1_module"] and vocabulary["pickle_loads_directly"] == "VocabularyProcessor"
    assert vocabulary["bytes"] == [[104, 195, 169, 0]]


def test_restore_a_pickle_written_by_tf1(results):
    tf1 = results["training"]["vocabulary"]["tf1_pickle"]
    assert tf1["class"] == "tensorflow.contrib.learn.python.learn.preprocessing.text.VocabularyProcessor"
    assert tf1["rows"] == [[1, 2, 0], [2, 0, 1]]  # "peace" is unknown to the frozen vocabulary
    assert tf1["reverse"] == ["world hello <UNK>"] and tf1["max_document_length"] == 3


def test_csv_loaders(results):
    csv = results["training"]["csv"]
    np.testing.assert_allclose(csv["data"], [[5.1, 3.5], [4.9, 3.0], [6.2, 2.9]], rtol=1e-6)
    assert csv["target"] == [0, 1, 2] and csv["dtypes"] == ["float32", "int32"]
    assert csv["fields"] == ["data", "target"] and csv["datasets_fields"] == ["train", "validation", "test"]
    assert csv["plain_data"] == [[0.5, 0.25], [1.5, 2.5]] and csv["plain_target"] == [1, 0]


# --- done when: a contrib.factorization.KMeans program runs unchanged ----------------------------
def test_kmeans_program_finds_the_blob_centres(results):
    kmeans = results["kmeans"]
    found = np.array(sorted(kmeans["centers"]))
    true = np.array(sorted(kmeans["true_centers"]))
    np.testing.assert_allclose(found, true, atol=0.1)  # 200 points of std 0.5 each: centre error ~0.035
    assert kmeans["assignments"] == [200, 200, 200]
    assert kmeans["variables"] == ["clusters", "initialized"] and kmeans["initialized"]
    assert kmeans["distances"][-1] < kmeans["distances"][0]
    assert kmeans["distances"][-1] == pytest.approx(0.5, abs=0.05)  # 2 dims x variance 0.25
    assert "Step 20, Avg Distance:" in results["kmeans_stdout"]
