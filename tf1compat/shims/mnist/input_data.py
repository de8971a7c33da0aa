"""``tensorflow.examples.tutorials.mnist.input_data`` (and ``tf.contrib.learn.datasets.mnist``) for TF 2.x."""
import collections
import os
import sys

from tf1compat.shims.mnist import download as mnist_download, idx as mnist_idx
from tf1compat.shims.mnist.dataset import DataSet, dense_to_one_hot
from tf1compat.shims.mnist.download import DEFAULT_SOURCE_URL
from tf1compat.shims.mnist.idx import MNISTFormatError

__all__ = ["read_data_sets", "load_mnist", "DataSet", "Datasets", "dense_to_one_hot", "extract_images",
           "extract_labels", "maybe_download", "MNISTFormatError", "DEFAULT_SOURCE_URL", "EMBEDDED_DIR"]

Datasets = collections.namedtuple("Datasets", ["train", "validation", "test"])

TRAIN_IMAGES = "train-images-idx3-ubyte.gz"
TRAIN_LABELS = "train-labels-idx1-ubyte.gz"
TEST_IMAGES = "t10k-images-idx3-ubyte.gz"
TEST_LABELS = "t10k-labels-idx1-ubyte.gz"
FILE_NAMES = (TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)
EMBEDDED_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "data")
DEFAULT_VALIDATION_SIZE = 5000
EMBEDDED_VALIDATION_SIZE = 500  # TF1's default 5000 would leave the 4000-image subset empty


def read_data_sets(train_dir, fake_data=False, one_hot=False, dtype="float32", reshape=True,
                   validation_size=DEFAULT_VALIDATION_SIZE, seed=None, source_url=DEFAULT_SOURCE_URL):
    """MNIST as ``Datasets(train, validation, test)``, with TF1's behaviour.

    Reads the four IDX ``.gz`` files in ``train_dir``, downloading missing ones from
    ``source_url`` (short timeout); offline, uses the embedded real-MNIST subset
    (4000 train / 1000 test) and says so on stderr, scaling the default
    ``validation_size`` to 500.

    Raises:
        MNISTFormatError: a file in ``train_dir`` is corrupt, truncated or of the wrong
            kind, images and labels disagree in count, or ``train_dir`` is unusable.
        ValueError: ``validation_size`` outside 0 .. (training images - 1).
        TypeError: ``dtype`` is neither uint8 nor float32.
    """
    if fake_data:
        return Datasets(*(DataSet([], [], fake_data=True, one_hot=one_hot, dtype=dtype, seed=seed)
                          for _ in range(3)))
    folder, failure = _local_or_downloaded(train_dir, source_url or DEFAULT_SOURCE_URL)
    if folder is None:
        scaled = EMBEDDED_VALIDATION_SIZE if validation_size == DEFAULT_VALIDATION_SIZE else validation_size
        _announce_fallback(train_dir, failure, validation_size, scaled)
        folder, validation_size = EMBEDDED_DIR, scaled
    announce = folder != EMBEDDED_DIR  # TF1 printed "Extracting PATH" for each file it read
    train_images, train_labels = _read_pair(folder, TRAIN_IMAGES, TRAIN_LABELS, one_hot, announce)
    test_images, test_labels = _read_pair(folder, TEST_IMAGES, TEST_LABELS, one_hot, announce)
    _check_validation_size(validation_size, len(train_images))
    options = dict(dtype=dtype, reshape=reshape, seed=seed)
    return Datasets(
        train=DataSet(train_images[validation_size:], train_labels[validation_size:], **options),
        validation=DataSet(train_images[:validation_size], train_labels[:validation_size], **options),
        test=DataSet(test_images, test_labels, **options))


def load_mnist(train_dir="MNIST-data"):
    """TF1's ``tf.contrib.learn.datasets.mnist.load_mnist``: ``read_data_sets`` with defaults."""
    return read_data_sets(train_dir)


def extract_images(f):
    """Images ``[N, rows, cols, 1]`` uint8 from an open gzip IDX image file ``f`` (TF1 helper)."""
    name = getattr(f, "name", "<stream>")
    print("Extracting", name)
    return mnist_idx.decode_images(f.read(), name)


def extract_labels(f, one_hot=False, num_classes=10):
    """Labels ``[N]`` uint8 (or one-hot ``[N, num_classes]``) from an open gzip IDX label file ``f``."""
    name = getattr(f, "name", "<stream>")
    print("Extracting", name)
    labels = mnist_idx.decode_labels(f.read(), name)
    return dense_to_one_hot(labels, num_classes) if one_hot else labels


def maybe_download(filename, work_directory, source_url):
    """TF1's ``base.maybe_download``: the path of ``filename`` in ``work_directory``, fetched if missing.

    Raises:
        mnist_download.DownloadFailed: the file is missing and could not be downloaded.
    """
    _ensure_folder(work_directory)
    path = os.path.join(work_directory, filename)
    if not os.path.exists(path):
        magic = mnist_idx.IMAGE_MAGIC if "images" in filename else mnist_idx.LABEL_MAGIC
        mnist_download.fetch(source_url, path, lambda partial: _verify(partial, magic))
        print("Successfully downloaded", filename, os.path.getsize(path), "bytes.")
    return path


def _local_or_downloaded(train_dir, source_url):
    """(folder holding all four files, None), or (None, why not) when a download failed."""
    for name in FILE_NAMES:
        try:
            maybe_download(name, train_dir, source_url + name)
        except mnist_download.DownloadFailed as failure:
            return None, failure
    return train_dir, None


def _ensure_folder(train_dir):
    if os.path.exists(train_dir) and not os.path.isdir(train_dir):
        raise MNISTFormatError(train_dir, "is a file, not a folder", "give train_dir as a folder for the MNIST .gz files")
    try:
        os.makedirs(train_dir, exist_ok=True)
        os.listdir(train_dir)
    except OSError as error:
        raise MNISTFormatError(train_dir, f"cannot be used as the MNIST folder ({error.strerror or error})",
                               "check its permissions or choose another train_dir") from None


def _verify(path, magic):
    with open(path, "rb") as stream:
        mnist_idx.decode(stream.read(), path, magic)


def _read_pair(folder, images_name, labels_name, one_hot, announce):
    images_path, labels_path = os.path.join(folder, images_name), os.path.join(folder, labels_name)
    if announce:
        print("Extracting", images_path)
    images = mnist_idx.read_images(images_path)
    if announce:
        print("Extracting", labels_path)
    labels = mnist_idx.read_labels(labels_path)
    if len(images) != len(labels):
        raise MNISTFormatError(images_path, f"holds {len(images)} images but `{labels_path}` holds "
                                            f"{len(labels)} labels; the two files are not a pair")
    return images, dense_to_one_hot(labels, mnist_idx.NUM_CLASSES) if one_hot else labels


def _check_validation_size(validation_size, num_train):
    # TF1 also accepted validation_size == num_train, leaving an empty training set; refuse that too.
    if not 0 <= validation_size < num_train:
        raise ValueError(f"Validation size should be between 0 and {num_train - 1}. Received: {validation_size}. "
                         f"({num_train} training images; at least one must remain for training.)")


def _announce_fallback(train_dir, failure, requested, used):
    split = f"validation_size {requested} -> {used}" if used != requested else f"validation_size {used}"
    print(f"tf1compat: MNIST files missing in `{train_dir}` and the download failed ({_short(failure)}); "
          f"using the embedded real-MNIST subset (4000 train / 1000 test images), {split}", file=sys.stderr)


def _short(failure):
    """The failure without the URL (the folder is named already), on one line."""
    cause = failure.__cause__
    text = str(getattr(cause, "problem", cause) if cause is not None else failure).replace("\n", " ")
    return text if len(text) <= 160 else text[:157] + "..."
