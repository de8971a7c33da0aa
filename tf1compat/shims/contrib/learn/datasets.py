"""``tf.contrib.learn.datasets.base`` for TF1 scripts: the CSV loaders and dataset tuples (local files only)."""
import collections
import csv

import numpy as np
import tensorflow

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks
from tf1compat.shims.mnist.input_data import maybe_download

Dataset = collections.namedtuple("Dataset", ["data", "target"])
Datasets = collections.namedtuple("Datasets", ["train", "validation", "test"])


def load_csv_with_header(filename, target_dtype, features_dtype, target_column=-1):
    """A ``Dataset`` from a CSV whose header row starts with the sample and feature counts (TF1's iris format).

    Raises:
        ValueError: a row holds a value the dtypes cannot parse.
        IndexError: there are more rows than the header announces (as in TF1).
    """
    with tensorflow.io.gfile.GFile(filename) as csv_file:
        rows = csv.reader(csv_file)
        header = next(rows)
        n_samples, n_features = int(header[0]), int(header[1])
        data = np.zeros((n_samples, n_features), dtype=features_dtype)
        target = np.zeros((n_samples,), dtype=target_dtype)
        for index, row in enumerate(rows):
            if index >= n_samples:
                raise IndexError(f"`{filename}` has more than the {n_samples} rows its header announces")
            target[index] = np.asarray(row.pop(target_column), dtype=target_dtype)
            data[index] = np.asarray(row, dtype=features_dtype)
    return Dataset(data=data, target=target)


def load_csv_without_header(filename, target_dtype, features_dtype, target_column=-1):
    """A ``Dataset`` from a header-less CSV: each row's ``target_column`` is the target, the rest features."""
    with tensorflow.io.gfile.GFile(filename) as csv_file:
        data, target = [], []
        for row in csv.reader(csv_file):
            target.append(row.pop(target_column))
            data.append(np.asarray(row, dtype=features_dtype))
    return Dataset(data=np.array(data), target=np.array(target, dtype=target_dtype))


def shrink_csv(filename, ratio):
    """Write every ``ratio``-th row of ``filename`` to its name with each ``.`` turned into ``_small.`` (TF1)."""
    with tensorflow.io.gfile.GFile(filename.replace(".", "_small."), "w") as small:
        writer = csv.writer(small)
        with tensorflow.io.gfile.GFile(filename) as csv_file:
            for index, row in enumerate(csv.reader(csv_file)):
                if index % ratio == 0:
                    writer.writerow(row)


def split_into_train_and_test(dataset, test_ratio=0.3, shuffle=False):
    """``(train, test)`` Datasets: the first ``1 - test_ratio`` of the rows and the rest (after a shuffle if asked)."""
    if not 0 <= test_ratio <= 1:
        raise ValueError(f"The test_ratio value is out of bounds: {test_ratio}")
    train_size = int(dataset.data.shape[0] * (1.0 - test_ratio))
    data, target = dataset.data[:], dataset.target[:]
    if shuffle:
        order = np.random.permutation(data.shape[0])
        data, target = data[order], target[order]
    return (Dataset(data=data[:train_size], target=target[:train_size]),
            Dataset(data=data[train_size:], target=target[train_size:]))


__all__ = ["Dataset", "Datasets", "load_csv_with_header", "load_csv_without_header", "maybe_download",
           "shrink_csv", "split_into_train_and_test"]

__getattr__, __dir__ = contrib_module_hooks("contrib.learn.datasets.base", __name__, __all__)
