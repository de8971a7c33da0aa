"""TF1's ``CategoricalProcessor``: each column's categories -> ids (NaN and unknowns -> 0), pickle-compatible."""
import math

import numpy as np

from tf1compat.shims.contrib.learn.categorical_vocabulary import CategoricalVocabulary

# The module path TF1's pickles name; `preprocessing` registers this module under it.
TF1_MODULE = "tensorflow.contrib.learn.python.learn.preprocessing.categorical"


def _rows(x):
    # TF1 accepted a NumPy matrix, an iterable of rows, or a pandas DataFrame (its values).
    return x.values if hasattr(x, "values") and not isinstance(x, dict) else x


def _is_nan(value):
    return isinstance(value, float) and math.isnan(value)


class CategoricalProcessor:
    """One ``CategoricalVocabulary`` per column (or one shared by all with ``share=True``)."""

    def __init__(self, min_frequency=0, share=False, vocabularies=None):
        self.min_frequency = min_frequency
        self.share = share
        self.vocabularies_ = vocabularies

    def freeze(self, freeze=True):
        """Freeze (or unfreeze) every vocabulary."""
        for vocabulary in self.vocabularies_:
            vocabulary.freeze(freeze)

    def fit(self, x, unused_y=None):
        """Learn each column's categories (NaN ignored), trim by ``min_frequency`` if > 0, freeze; returns self."""
        for row in _rows(x):
            if self.vocabularies_ is None:
                shared = CategoricalVocabulary()
                self.vocabularies_ = [shared if self.share else CategoricalVocabulary() for _ in row]
            for index, value in enumerate(row):
                if not _is_nan(value):
                    self.vocabularies_[index].add(value)
        if self.min_frequency > 0:
            for vocabulary in self.vocabularies_:
                vocabulary.trim(self.min_frequency)
        self.freeze()
        return self

    def fit_transform(self, x, unused_y=None):
        """``fit`` then ``transform``."""
        self.fit(x)
        return self.transform(x)

    def transform(self, x):
        """Yield one int64 row of category ids per input row (0 for NaN and unseen categories)."""
        self.freeze()
        for row in _rows(x):
            ids = [0 if _is_nan(value) else self.vocabularies_[index].get(value) for index, value in enumerate(row)]
            yield np.array(ids, dtype=np.int64)
