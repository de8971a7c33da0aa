"""The rest of tf.contrib (issue 12), part 2: contrib.opt, learn.preprocessing, learn.datasets.base and the
done-when KMeans program, each an unmodified TF1 program (tests/scripts/contrib_rest/) run under
``python -m tf1compat`` and compared with NumPy.
"""
import os
import subprocess
import sys

import numpy as np
import pytest

from tests.tf1_programs import ROOT, run_tf1_programs

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

SCRIPTS = os.path.join("tests", "scripts", "contrib_rest")


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    work_dir = str(tmp_path_factory.mktemp("contrib_training"))
    tf1_pickle = os.path.join(work_dir, "tf1_vocabulary.pickle")
    subprocess.run([sys.executable, os.path.join(ROOT, SCRIPTS, "write_tf1_vocabulary_pickle.py"), tf1_pickle],
                   check=True, timeout=60)
    finished = run_tf1_programs({"training": [os.path.join(SCRIPTS, "training_check.py"), work_dir, tf1_pickle],
                                 "kmeans": [os.path.join(SCRIPTS, "kmeans_clusters.py")]})
    results = {name: run.result for name, run in finished.items()}
    results["kmeans_stdout"] = finished["kmeans"].stdout
    return results


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
    assert vocabulary["pickle_protocol"] == 2  # readable by TF 1.x on Python 2.7 and 3
    assert vocabulary["bytes"] == [[104, 195, 169, 0]]
    assert vocabulary["categorical"] == {"fitted": [[1, 1], [2, 1], [1, 0]], "unseen": [[0, 1]],
                                         "shared": [[1, 2], [3, 2], [1, 0]], "pickled_module": True}


def test_restore_a_pickle_written_by_tf1(results):
    tf1 = results["training"]["vocabulary"]["tf1_pickle"]
    assert tf1["class"] == "tensorflow.contrib.learn.python.learn.preprocessing.text.VocabularyProcessor"
    assert tf1["loaded_first"] == "VocabularyProcessor"  # pickle.load before any tf.contrib use
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
