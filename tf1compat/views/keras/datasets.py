"""``keras.datasets.<name>.load_data``: tf_keras's loaders, with a one-line error when offline and not cached.

tf_keras downloads each dataset once into ``~/.keras/datasets`` (``$KERAS_HOME/datasets``). When the
file is missing and the download fails, its error is a bare "URL fetch failure"; this view says
which file it needed, from which host, and where to put it.
"""
import functools
import importlib
import os
import re
import types
import urllib.parse

from tf1compat.views.keras import layout

# Where tf_keras caches a download under another name than the URL's file name (untarred archives).
_CACHED_AS = {"cifar-10-python.tar.gz": "cifar-10-batches-py.tar.gz",
              "cifar-100-python.tar.gz": "cifar-100-python.tar.gz"}
_FETCH_FAILURE = re.compile(r"URL fetch failure on (\S+?): (?:\S+ -- )?(.*)", re.S)  # tf_keras's wording


class DatasetOfflineError(OSError):
    """A Keras dataset file is neither cached nor downloadable (no network)."""


def cache_folder():
    """The folder tf_keras reads datasets from (``$KERAS_HOME/datasets``, default ``~/.keras/datasets``)."""
    home = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    return os.path.join(home, "datasets")


def offline_error(dataset, failure):
    """The one-line error for a failed download (``failure``: tf_keras's "URL fetch failure on URL: ..." text)."""
    match = _FETCH_FAILURE.search(str(failure))
    if not match:
        return None
    url, reason = match.group(1), " ".join(match.group(2).split())
    file_name = os.path.basename(urllib.parse.urlparse(url).path)
    cached = os.path.join(cache_folder(), _CACHED_AS.get(file_name, file_name))
    return DatasetOfflineError(
        f"`keras.datasets.{dataset}.load_data()` needs {file_name}: it is not cached at {cached} and the download "
        f"from {urllib.parse.urlparse(url).netloc} failed ({reason[:80]}). Fix: fetch {url} on a machine with "
        f"network and put it at {cached}")


def _loader(dataset, function_name):
    @functools.wraps(getattr(importlib.import_module(f"tf_keras.datasets.{dataset}"), function_name))
    def load(*args, **kwargs):
        real = getattr(importlib.import_module(f"tf_keras.datasets.{dataset}"), function_name)
        try:
            return real(*args, **kwargs)
        except Exception as failure:  # tf_keras raises a bare Exception for a failed download
            error = offline_error(dataset, failure)
            if error is None:
                raise
            raise error from None

    return load


def _dataset_namespace(dataset):
    module = importlib.import_module(f"tf_keras.datasets.{dataset}")
    names = [name for name in ("load_data", "get_word_index") if hasattr(module, name)]
    return types.SimpleNamespace(**{name: _loader(dataset, name) for name in names})


_DATASETS = {path.rpartition(".")[2] for path in layout.MODULES
             if path.startswith("keras.datasets.") and path != "keras.datasets.cifar"}


def __getattr__(name):  # one namespace per dataset, built (importing tf_keras) on first use
    if name not in _DATASETS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    namespace = globals()[name] = _dataset_namespace(name)
    return namespace
