"""scikit-learn 0.19's ``sklearn.cross_validation`` splitters: built from the data size or labels, iterable, sized.

``KFold(n, n_folds)`` shuffles once, at construction; each iteration yields ``(train, test)`` index
arrays, both in increasing order. ``StratifiedKFold(y, n_folds)`` assigns each class's samples to
folds with one ``KFold`` per class (0.19's algorithm: today's ``StratifiedKFold`` allocates
differently). ``ShuffleSplit(n, n_iter, test_size)`` draws a new permutation per split from a
generator seeded anew on each iteration.
"""
import math
import numbers
import warnings

import numpy
from sklearn.utils import check_random_state


class _Partitions:
    """Splits of ``range(n)`` whose test sets are given by boolean masks; ``len()`` is the number of splits."""

    def __init__(self, n):
        self.n = int(n)

    def __iter__(self):
        indices = numpy.arange(self.n)
        for mask in self._test_masks():
            yield indices[~mask], indices[mask]

    def _mask_of(self, test_indices):
        mask = numpy.zeros(self.n, dtype=bool)
        mask[test_indices] = True
        return mask


class _Folds(_Partitions):
    def __init__(self, n, n_folds, shuffle, random_state):
        if abs(n - int(n)) >= numpy.finfo("f").eps:
            raise ValueError("n must be an integer")
        if abs(n_folds - int(n_folds)) >= numpy.finfo("f").eps:
            raise ValueError("n_folds must be an integer")
        super().__init__(n)
        self.n_folds = n_folds = int(n_folds)
        if n_folds <= 1:
            raise ValueError("k-fold cross validation requires at least one train / test split by setting "
                             f"n_folds=2 or more, got n_folds={n_folds}.")
        if n_folds > self.n:
            raise ValueError(f"Cannot have number of folds n_folds={n_folds} greater than the number of "
                             f"samples: {self.n}.")
        if not isinstance(shuffle, bool):
            raise TypeError(f"shuffle must be True or False; got {shuffle}")
        self.shuffle, self.random_state = shuffle, random_state

    def __len__(self):
        return self.n_folds


class KFold(_Folds):
    """K consecutive folds of ``range(n)`` (shuffled once if ``shuffle``); the first ``n % n_folds`` are one larger."""

    def __init__(self, n, n_folds=3, shuffle=False, random_state=None):
        super().__init__(n, n_folds, shuffle, random_state)
        self.idxs = numpy.arange(self.n)
        if shuffle:
            check_random_state(random_state).shuffle(self.idxs)

    def _test_masks(self):
        sizes = numpy.full(self.n_folds, self.n // self.n_folds)
        sizes[:self.n % self.n_folds] += 1
        for stop, size in zip(numpy.cumsum(sizes), sizes):
            yield self._mask_of(self.idxs[stop - size:stop])

    def __repr__(self):
        return (f"sklearn.cross_validation.KFold(n={self.n}, n_folds={self.n_folds}, shuffle={self.shuffle}, "
                f"random_state={self.random_state})")


class StratifiedKFold(_Folds):
    """Folds that keep each class's share: class by class, its samples go to folds as a ``KFold`` would cut them."""

    def __init__(self, y, n_folds=3, shuffle=False, random_state=None):
        super().__init__(len(y), n_folds, shuffle, random_state)
        y = numpy.asarray(y)
        classes, codes = numpy.unique(y, return_inverse=True)
        counts = numpy.bincount(codes)
        if self.n_folds > counts.min():
            warnings.warn(f"The least populated class in y has only {counts.min()} members, which is too few. "
                          f"The minimum number of labels for any class cannot be less than n_folds={self.n_folds}.",
                          Warning)
        rng = check_random_state(random_state) if shuffle else random_state  # one generator across the classes
        per_class = [KFold(max(count, self.n_folds), self.n_folds, shuffle=shuffle, random_state=rng)
                     for count in counts]
        self.test_folds = numpy.zeros(self.n, dtype=int)
        for fold, splits in enumerate(zip(*per_class)):
            for label, (_, test) in zip(classes, splits):
                members = self.test_folds[y == label]
                members[test[test < len(members)]] = fold
                self.test_folds[y == label] = members
        self.y = y

    def _test_masks(self):
        for fold in range(self.n_folds):
            yield self.test_folds == fold


class LeaveOneOut(_Partitions):
    """``n`` splits, each sample the test set once."""

    def _test_masks(self):
        for index in range(self.n):
            yield self._mask_of([index])

    def __len__(self):
        return self.n


def split_sizes(n, test_size, train_size):
    """``(n_train, n_test)`` as 0.19 computed them (fractions: test rounded up, train rounded down)."""
    if test_size is None and train_size is None:
        raise ValueError("test_size and train_size can not both be None")
    is_fraction = lambda size: isinstance(size, numbers.Real) and not isinstance(size, numbers.Integral)  # noqa: E731
    n_test = None if test_size is None else (math.ceil(test_size * n) if is_fraction(test_size) else test_size)
    if train_size is None:
        n_train = n - n_test
    else:
        n_train = math.floor(train_size * n) if is_fraction(train_size) else train_size
    n_test = n - n_train if n_test is None else n_test
    if n_train + n_test > n:
        raise ValueError(f"The sum of train_size and test_size = {n_train + n_test}, should be smaller than the "
                         f"number of samples {n}. Reduce test_size and/or train_size.")
    return int(n_train), int(n_test)


class ShuffleSplit:
    """``n_iter`` random splits of ``range(n)``: test first, train next, from one permutation each."""

    def __init__(self, n, n_iter=10, test_size=0.1, train_size=None, random_state=None):
        self.n, self.n_iter, self.test_size, self.train_size = n, n_iter, test_size, train_size
        self.random_state = random_state
        self.n_train, self.n_test = split_sizes(n, test_size, train_size)

    def __iter__(self):
        rng = check_random_state(self.random_state)
        for _ in range(self.n_iter):
            permutation = rng.permutation(self.n)
            yield permutation[self.n_test:self.n_test + self.n_train], permutation[:self.n_test]

    def __len__(self):
        return self.n_iter

    def __repr__(self):
        return (f"ShuffleSplit({self.n}, n_iter={self.n_iter}, test_size={self.test_size}, "
                f"random_state={self.random_state})")
