"""pandas 0.23's ``as_matrix``, ``append``, ``ix``, ``get_value``/``set_value``, ``iteritems``, ``applymap`` on today's
DataFrame and Series."""
import pandas

from tf1compat.views.pandas.ix_indexer import LegacyIndexer


def as_matrix(self, columns=None):
    """The values as a NumPy array (``columns``: those columns, in that order; missing ones are NaN)."""
    if columns is None or isinstance(self, pandas.Series):
        return self.to_numpy()
    return self.reindex(columns=list(columns)).to_numpy()


def ix(self):
    """The ``.ix`` indexer of ``self``."""
    return LegacyIndexer(self)


def frame_append(self, other, ignore_index=False, verify_integrity=False, sort=None):
    """A new frame: ``self``'s rows then ``other``'s (a DataFrame, Series, dict, or a list of them)."""
    if isinstance(other, (pandas.Series, dict)):
        return _append_row(self, pandas.Series(other) if isinstance(other, dict) else other, ignore_index,
                           verify_integrity)
    if isinstance(other, list) and other and not isinstance(other[0], pandas.DataFrame):
        other = pandas.DataFrame(other)
        if (self.columns.get_indexer(other.columns) >= 0).all():
            other = other.reindex(columns=self.columns)
    frames = [self, *other] if isinstance(other, (list, tuple)) else [self, other]
    if sort is None:  # pandas 0.23 sorted the columns of frames whose columns differ
        sort = any(not frame.columns.equals(self.columns) for frame in frames[1:])
    return pandas.concat(frames, ignore_index=ignore_index, verify_integrity=verify_integrity, sort=sort)


def _append_row(frame, row, ignore_index, verify_integrity):
    if row.name is None and not ignore_index:
        raise TypeError("Can only append a Series if ignore_index=True or if the Series has a name")
    index = None if row.name is None else pandas.Index([row.name], name=frame.index.name)
    columns = frame.columns.append(row.index.difference(frame.columns))
    row = row.reindex(columns)
    added = pandas.DataFrame([row.to_numpy()], index=index, columns=columns).infer_objects()
    if not frame.columns.equals(columns):
        frame = frame.reindex(columns=columns)
    return pandas.concat([frame, added], ignore_index=ignore_index, verify_integrity=verify_integrity)


def series_append(self, to_append, ignore_index=False, verify_integrity=False):
    """A new Series: ``self`` then ``to_append`` (a Series or a list of them)."""
    parts = [self, *to_append] if isinstance(to_append, (list, tuple)) else [self, to_append]
    return pandas.concat(parts, ignore_index=ignore_index, verify_integrity=verify_integrity)


def get_value(self, *keys, takeable=False):
    """One value by labels (``takeable``: by positions)."""
    return self.iat[keys] if takeable else self.at[keys]


def set_value(self, *args, takeable=False):
    """Set one value by labels (``takeable``: by positions); returns ``self``."""
    *keys, value = args
    if takeable:
        self.iat[tuple(keys)] = value
    else:
        self.at[tuple(keys)] = value
    return self


def iteritems(self):
    """(column, Series) pairs of a frame, (label, value) pairs of a Series: ``items()``, renamed in pandas 2.0."""
    return self.items()


def applymap(self, func):
    """``func`` applied to every element of the frame: ``DataFrame.map`` (pandas 2.1's name)."""
    return self.map(func)
