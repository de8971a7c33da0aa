"""A module beside the script: it is in the legacy scope too (NumPy 1.x spellings, size-1 conversions)."""
import numpy as np


def best_class(scores):
    # A batch of one: np.argmax(..., 1) has shape (1,), and NumPy 1.x let int() take it.
    return int(np.argmax(scores, 1)), float(np.max(scores, 1))


def as_dtype_names():
    return [np.dtype(t).name for t in (np.int, np.float, np.bool, np.object)]
