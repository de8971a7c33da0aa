"""The rest of tf.contrib (issue 12), part 1: lookup, metrics, losses, image, framework, util, summary,
distribute, distributions and every alias entry, seen from one unmodified TF1 program
(tests/scripts/contrib_rest/ops_check.py, run under ``python -m tf1compat``) and compared with NumPy.
"""
import os

import numpy as np
import pytest

from tests.tf1_programs import tf1_result
from tf1compat.api import table as api_table

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

SCRIPTS = os.path.join("tests", "scripts", "contrib_rest")


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    work_dir = str(tmp_path_factory.mktemp("contrib_ops"))
    return {"ops": tf1_result(os.path.join(SCRIPTS, "ops_check.py"), work_dir)}


# --- every provided or aliased contrib name resolves from a TF1 script ---------------------------
PROVIDED = sorted(name for name, entry in api_table.TABLE.items()  # implementation paths: test_deep_paths.py
                  if name.startswith("contrib.") and entry.kind == "provided" and not entry.implements)


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
