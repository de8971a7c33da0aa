"""api_tour, both sides: each op's value against numpy, and the random ops' seeded statistics."""
import numpy as np
import pytest

from migration import api_tour as migrated
from migration import equivalence, pairs

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

IMAGE = np.arange(1, 26, dtype=np.float64).reshape(5, 5)
SOBEL = np.array([[1, 0, -1], [2, 0, -2], [1, 0, -1]], np.float64)
X = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])


def windows(image, size, stride, pad_before, pad_after, fill):
    """The size x size windows of ``image`` at ``stride`` after padding, as [rows, cols, size, size]."""
    padded = np.pad(image, [(pad_before, pad_after)] * 2, constant_values=fill)
    count = (padded.shape[0] - size) // stride + 1
    return np.array([[padded[r * stride:r * stride + size, c * stride:c * stride + size] for c in range(count)]
                     for r in range(count)])


def expected_values():
    """What every deterministic op must give, computed with numpy (TF's SAME pads the extra row at the end)."""
    conv_same = (windows(IMAGE, 3, 2, 1, 1, 0.0) * SOBEL).sum(axis=(2, 3))
    logits = np.array([[-2.0, 0.0, 3.0], [1.5, -0.5, 0.25]])
    labels = np.array([[0.0, 1.0, 1.0], [1.0, 0.0, 0.5]])
    return {
        "conv2d_valid": (windows(IMAGE, 3, 2, 0, 0, 0.0) * SOBEL).sum(axis=(2, 3)),
        "conv2d_same": conv_same,
        "relu_conv2d_same": np.maximum(conv_same, 0),
        "max_pool_valid": windows(IMAGE, 2, 2, 0, 0, -np.inf).max(axis=(2, 3)),
        "max_pool_same": windows(IMAGE, 2, 2, 0, 1, -np.inf).max(axis=(2, 3)),
        "sigmoid_cross_entropy": labels * np.log1p(np.exp(-logits)) + (1 - labels) * np.log1p(np.exp(logits)),
        "constant": np.array([[1, 2], [3, 4]]),
        "constant_filled": np.full([2, 3], -1.0),
        "matmul": np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 4.0]]) @ np.array([[1.0, 0.5], [-1.0, 2.0], [0.25, 0.0]]),
        "bias_add": X + [10.0, 20.0, 30.0],
        "add_row": X + [10.0, 20.0, 30.0],
        "add_column": X + [[100.0], [200.0]],
        "reduce_mean_all": 3.5,
        "reduce_mean_axis0": [2.5, 3.5, 4.5],
        "reduce_mean_axis1_keepdims": [[2.0], [5.0]],
        "reduce_mean_int": 2,
        "squared_difference": (X - 2.0) ** 2,
        "square": (X - 3.5) ** 2,
        "variable_initial": [1.0, 2.0],
        "variable_after_assign_add": [11.0, 22.0],
    }


@pytest.fixture(scope="module")
def tours():
    """Both sides' results: the legacy tour in one TF1 process, the TF2 tour in this one."""
    legacy = equivalence.run_legacy(pairs.PAIRS["api_tour"].legacy_path, "run_tour", 42)
    return {"legacy": legacy, "migrated": migrated.run_tour(42)}


@pytest.mark.parametrize("side", ["legacy", "migrated"])
def test_every_deterministic_op_matches_numpy(tours, side):
    results = tours[side]
    for name, expected in expected_values().items():
        value = np.squeeze(results[name], axis=(0, 3)) if name.startswith(("conv", "relu", "max")) else results[name]
        np.testing.assert_allclose(value, expected, rtol=1e-6, atol=1e-6, err_msg=f"{side} {name}")
    assert results["conv2d_valid"].shape == (1, 2, 2, 1) and results["conv2d_same"].shape == (1, 3, 3, 1)
    assert results["reduce_mean_int"].dtype == np.int32


@pytest.mark.parametrize("side", ["legacy", "migrated"])
def test_random_ops_statistics(tours, side):
    normal = tours[side]["random/truncated_normal"]
    assert normal.shape == (10000,) and np.abs(normal).max() <= 2.0
    assert abs(normal.mean()) < 0.04 and abs(normal.std() - 0.8796) < 0.02  # std of N(0,1) cut at +-2
    dropout = tours[side]["random/dropout"]
    np.testing.assert_allclose(np.unique(dropout[dropout != 0]), [1 / 0.6], rtol=1e-6)  # kept units * 1/keep_prob
    assert abs(np.count_nonzero(dropout) / dropout.size - 0.6) < 0.02
    rows = tours[side]["random/dropout_noise_shape"]
    kept_rows = rows.any(axis=1)
    assert np.array_equal(rows != 0, np.repeat(kept_rows[:, None], 8, axis=1))  # noise_shape [1000, 1]
    np.testing.assert_allclose(np.unique(rows[rows != 0]), [2.0], rtol=1e-6)
    assert abs(kept_rows.mean() - 0.5) < 0.07


def test_migrated_random_ops_are_reproducible_from_the_seed(tours):
    again = migrated.run_tour(42)
    for name in ("random/truncated_normal", "random/dropout", "random/dropout_noise_shape"):
        assert np.array_equal(again[name], tours["migrated"][name])
    assert not np.array_equal(migrated.run_tour(7)["random/dropout"], tours["migrated"]["random/dropout"])


def test_migrated_prints_each_section(capsys):
    assert migrated.main([]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line for line in lines if line.startswith("== ")] == [f"== {title}" for title, _ in migrated.SECTIONS]
    assert "conv2d_valid [1, 2, 2, 1]: [[-8., -8.], [-8., -8.]]" in lines
    assert "reduce_mean_int []: 2" in lines
    assert "variable_after_assign_add [2]: [11., 22.]" in lines
