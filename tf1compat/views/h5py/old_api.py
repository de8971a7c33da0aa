"""h5py 2.x behaviours h5py 3.0 removed or changed, for legacy-scope code.

- ``dataset.value`` (deprecated since 2.1, removed in 3.0): ``dataset[()]``.
- ``h5py.File(path)`` with no mode: h5py 2.x opened an existing file read/write (read-only when it could
  not be written) and created a missing one (the 'a'-like default, with a warning from 2.10 on); h5py 3.0
  opens read-only, so 2018 code that writes ``with h5py.File('features.h5') as f: f.create_dataset(...)``
  fails with "file is read-only" or "unable to open file".
"""
import functools
import os


def value(self):
    """The dataset's contents, as ``dataset[()]``."""
    return self[()]


def append_by_default(original, served):
    """``File.__init__`` with h5py 2.x's mode for scope calls that name none (a path, not a file object)."""

    @functools.wraps(original)
    def __init__(self, name, mode=None, *args, **kwargs):
        if mode is None and isinstance(name, (str, bytes, os.PathLike)) and served():
            mode = _old_default_mode(name)
        if mode is None:
            return original(self, name, *args, **kwargs)
        return original(self, name, mode, *args, **kwargs)

    return __init__


def _old_default_mode(name):
    if not os.path.exists(name):
        return "w-"  # created, as h5py 2.x did when opening failed
    return "r+" if os.access(name, os.W_OK) else "r"
