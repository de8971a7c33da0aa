"""pandas 0.23's ``.ix``: labels or positions per axis, decided as ``_IXIndexer`` decided them.

Per axis (rows, then columns):
- an integer scalar, or a list of integers, is a label on an integer (or float) index and a
  position on any other index (on a mixed index a list is tried as labels first);
- a float that is a whole number counts as that integer unless the index is a float index;
- a slice with integer (or no) bounds is positional, end excluded, unless the index is integer or
  float, where it is a label slice, end included; other bounds are labels;
- a boolean array is a mask; anything else is a label.
Each axis key becomes positions and the result is read through ``.iloc``, so shapes and dtypes
are today's pandas' (a scalar label or position drops the axis, as ``.ix`` did).
"""
import numpy
import pandas
from pandas.api import types as ptypes

_NUMERIC_INDEX = ("integer", "floating", "mixed-integer-float", "integer-na")


class LegacyIndexer:
    """``frame.ix`` / ``series.ix``: read and write by labels or positions, as pandas 0.23 did."""

    def __init__(self, obj):
        self.obj = obj

    def __getitem__(self, key):
        return self.obj.iloc[self._positions(key)]

    def __setitem__(self, key, value):
        try:
            positions = self._positions(key)
        except KeyError:  # a new label: pandas enlarges through .loc, as .ix did
            self.obj.loc[self._labels(key)] = value
            return
        self.obj.iloc[positions] = value

    def _keys(self, key):
        if callable(key):
            key = key(self.obj)
        keys = key if isinstance(key, tuple) and not isinstance(self.obj.index, pandas.MultiIndex) else (key,)
        if len(keys) > self.obj.ndim:
            raise pandas.errors.IndexingError("Too many indexers")
        return keys

    def _positions(self, key):
        keys = self._keys(key)
        return tuple(axis_positions(self.obj.axes[axis], part) for axis, part in enumerate(keys))

    def _labels(self, key):
        keys = self._keys(key)
        return tuple(part if not _is_position(self.obj.axes[axis], part) else self.obj.axes[axis][part]
                     for axis, part in enumerate(keys))


def _is_position(labels, key):
    return ptypes.is_integer(key) and labels.inferred_type not in _NUMERIC_INDEX and not isinstance(
        labels, pandas.MultiIndex)


def axis_positions(labels, key):
    """The ``.iloc`` key that ``.ix`` meant by ``key`` on the axis ``labels``."""
    if isinstance(key, slice):
        return _slice_positions(labels, key)
    if ptypes.is_list_like(key) and not isinstance(key, tuple):
        return _list_positions(labels, key)
    if ptypes.is_float(key) and float(key).is_integer() and labels.inferred_type not in _NUMERIC_INDEX[1:3]:
        key = int(key)
    if _is_position(labels, key):
        return key
    return labels.get_loc(key)


def _list_positions(labels, key):
    values = numpy.asarray(key.values if isinstance(key, (pandas.Series, pandas.Index)) else key)
    if values.dtype == bool:
        return values
    if ptypes.is_integer_dtype(values) and labels.inferred_type not in _NUMERIC_INDEX:
        if labels.inferred_type == "mixed-integer":
            found = labels.get_indexer(values)
            if (found >= 0).all():
                return found
        return numpy.where(values < 0, len(labels) + values, values)
    found = labels.get_indexer_for(values)
    if (found < 0).any():
        raise KeyError(f"{list(values[found < 0])} not in index")
    return found


def _slice_positions(labels, key):
    start, stop, step = key.start, key.stop, key.step
    if start is None and stop is None:
        return key
    integer_bounds = all(bound is None or ptypes.is_integer(bound) for bound in (start, stop))
    positional = integer_bounds and labels.inferred_type not in _NUMERIC_INDEX
    if positional and labels.inferred_type == "mixed":
        try:  # integers that are labels of a mixed index are labels
            for bound in (start, stop):
                if bound is not None:
                    labels.get_loc(bound)
            positional = False
        except KeyError:
            pass
    if positional:
        return key
    try:
        return labels.slice_indexer(start, stop, step)
    except (KeyError, TypeError, ValueError):
        if integer_bounds and labels.inferred_type not in _NUMERIC_INDEX:
            return key
        raise
