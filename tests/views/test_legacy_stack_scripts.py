"""TF1 programs that die on the 2018 stack run unchanged through ``python -m tf1compat`` (subprocesses: slow)."""
import math
import os
import subprocess
import sys

import numpy
import pytest
from PIL import Image

from tests import paths
from tests.cli.runner_harness import result_of

SCRIPTS = os.path.join(paths.SCRIPTS, "legacy_stack")
pytestmark = pytest.mark.slow


def run(script, *args, runner_args=(), cwd=None):
    env = dict(os.environ, TF1COMPAT_OFFLINE="1")
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "SCIPY_PIL_IMAGE_VIEWER"):
        env.pop(variable, None)
    return subprocess.run([sys.executable, "-m", "tf1compat", *runner_args, os.path.join(SCRIPTS, script), *args],
                          capture_output=True, text=True, env=env, timeout=300, cwd=cwd)


def byte_scaled(grid):
    """SciPy 1.1's imsave of floats, by hand: (v - min) * 255 / (max - min), rounded half up."""
    low, high = min(map(min, grid)), max(map(max, grid))
    return [[math.floor((value - low) * 255.0 / (high - low) + 0.5) for value in row] for row in grid]


def test_gan_samples_are_written_by_scipy_misc_imsave_byte_for_byte(tmp_path):
    completed = run("gan_samples.py", str(tmp_path), runner_args=["--report"])
    result = result_of(completed)
    written = Image.open(result["path"])
    assert (written.mode, written.size) == ("L", (8, 8))
    assert numpy.asarray(written).tolist() == byte_scaled(result["grid"])
    report = completed.stderr[completed.stderr.index("SciPy <= 1.1 names the legacy SciPy view served (1;"):]
    assert "scipy.misc.imsave" in report and "gan_samples.py:30" in report


def test_imshow_with_no_display_saves_the_filtered_image_as_the_next_figure(tmp_path):
    figures = tmp_path / "figures"
    completed = run("edge_preview.py", runner_args=["--figures", str(figures)], cwd=tmp_path)
    result = result_of(completed)
    assert result["dtype"] == "uint8" and len(result["edges"]) == 6
    assert result["edges"][0][:3] == [0, 0, 0] and max(map(max, result["edges"])) == 255  # byte-scaled, then edges
    saved = figures / "edge_preview_1.png"
    assert numpy.asarray(Image.open(saved)).tolist() == result["edges"]
    assert f"saved image to {saved}" in completed.stderr


def test_gan_script_with_real_scipy_fails_as_on_scipy_of_today(tmp_path):
    completed = run("gan_samples.py", str(tmp_path), runner_args=["--real", "scipy"])
    assert completed.returncode == 1
    assert "AttributeError: module 'scipy.misc' has no attribute 'imsave'" in completed.stderr


def test_graph_network_script_imports_eigsh_from_the_old_arpack_path():
    completed = run("gcn_chebyshev.py", runner_args=["--report"])
    result = result_of(completed)
    # The path graph of 4 nodes: normalised Laplacian eigenvalues 1 - cos(k pi / 3); the largest is 2.
    assert result["largest_eigval"] == pytest.approx(2.0, abs=1e-6)
    # 2/2 L - I = -D^-1/2 A D^-1/2: node 0's one neighbour (degree 2) gets -1/sqrt(1 * 2).
    assert result["convolved"] == pytest.approx([0.0, -1 / math.sqrt(2), 0.0, 0.0], abs=1e-6)
    assert "scipy.sparse.linalg.eigen.arpack" in completed.stderr and "gcn_chebyshev.py:9" in completed.stderr


def test_word2vec_tutorials_tsne_with_n_iter_plots_its_embeddings(tmp_path):
    completed = run("word2vec_tsne.py", str(tmp_path), runner_args=["--report"])
    result = result_of(completed)
    assert (result["shape"], result["max_iter"], result["finite"]) == ([40, 2], 300, True)
    assert Image.open(result["plot"]).size == (600, 600)
    report = completed.stderr[completed.stderr.index(
        "scikit-learn 0.19 names the legacy scikit-learn view served (1;"):]
    assert "TSNE.__init__(n_iter=)" in report and "word2vec_tsne.py:36" in report


def test_word2vec_tsne_with_real_scikit_learn_fails_as_on_scikit_learn_of_today(tmp_path):
    completed = run("word2vec_tsne.py", str(tmp_path), runner_args=["--real", "scikit-learn"])
    assert completed.returncode == 1
    assert "TypeError: TSNE.__init__() got an unexpected keyword argument 'n_iter'" in completed.stderr


def test_tfrecords_tutorial_writes_tostring_bytes_and_reads_them_back(tmp_path):
    from tf1compat.shims.mnist.input_data import EMBEDDED_DIR

    completed = run("convert_to_records.py", "--directory", str(tmp_path), "--data_dir", EMBEDDED_DIR,
                    runner_args=["--report"])
    result = result_of(completed)
    assert (result["records"], result["labels_equal"], result["images_equal"]) == (20, True, True)
    assert result["shape"] == [20, 28, 28, 1]
    # 20 records of 784 raw bytes each plus their features and TFRecord framing (16 bytes a record)
    assert result["file_bytes"] == (tmp_path / "train.tfrecords").stat().st_size == 17820
    assert "ndarray.tostring" in completed.stderr and "(20 uses, first at" in completed.stderr
    real = run("convert_to_records.py", "--directory", str(tmp_path), "--data_dir", EMBEDDED_DIR,
               runner_args=["--real", "numpy"])
    assert real.returncode == 1 and "AttributeError: 'numpy.ndarray' object has no attribute 'tostring'" in real.stderr


def test_plot_logged_as_an_image_summary_uses_matplotlib_2_calls_unchanged():
    completed = run("gaussian_image_summary.py", runner_args=["--report"])
    result = result_of(completed)
    assert result["shape"] == [80, 120, 3] and result["decoded_equals_plot"]  # 3x2 in at 40 dpi, RGB, row by row
    assert (result["axes3d"], result["grid"], result["corner"]) == (True, True, [255, 255, 255])  # whitegrid
    assert result["peak"] == pytest.approx(1 / (2 * math.pi * math.sqrt(0.75)), rel=1e-12)  # rho = 0.5 at the mean
    report = completed.stderr[completed.stderr.index("matplotlib 2.x names the legacy matplotlib view served (5;"):]
    for served in ("Figure.gca(projection=)", "FigureCanvasAgg.tostring_rgb", "matplotlib.use(warn=)",
                   "matplotlib.mlab.bivariate_normal", "style.use('seaborn')"):
        assert f"  {served} " in report
    assert "gaussian_image_summary.py:26" in report  # tostring_rgb's line
    assert "np.fromstring(bytes) (binary mode)" in completed.stderr  # the NumPy view read its bytes


def test_plot_summary_script_with_real_matplotlib_fails_as_on_matplotlib_of_today():
    completed = run("gaussian_image_summary.py", runner_args=["--real", "matplotlib"])
    assert completed.returncode == 1
    assert "TypeError: use() got an unexpected keyword argument 'warn'" in completed.stderr
