"""The pandas 0.23 knowledge: each name pandas removed that TF1-era code uses, what it did, its replacement (data only).

Keys are ``Class.attribute`` for what the view adds to pandas' own classes (inside the legacy
scope only) and plain names for ``pandas.<name>``.
"""
from tf1compat.views.legacy_name import METHOD, PROPERTY, LegacyName

_METHODS = "tf1compat.views.pandas.frame_methods"
_FRAME, _SERIES = "pandas:DataFrame", "pandas:Series"


def _method(name, did, replacement, removed_in, owner, kind=METHOD):
    return LegacyName(f"{_METHODS}:{name}", did, replacement, removed_in, kind, (owner,))


TABLE = {
    "datetime": LegacyName("datetime:datetime", "the datetime.datetime class, re-exported",
                           "from datetime import datetime", "2.0"),
    "DataFrame.as_matrix": _method("as_matrix", "the values as an array (columns: those, in order)",
                                   "df.to_numpy() (or df[columns].to_numpy())", "1.0", _FRAME),
    "Series.as_matrix": _method("as_matrix", "the values as an array", "s.to_numpy()", "1.0", _SERIES),
    "DataFrame.ix": _method("ix", "index by labels, or by positions where the index is not integer",
                            "df.loc[labels] or df.iloc[positions]", "1.0", _FRAME, PROPERTY),
    "Series.ix": _method("ix", "index by labels, or by positions where the index is not integer",
                         "s.loc[labels] or s.iloc[positions]", "1.0", _SERIES, PROPERTY),
    "DataFrame.append": _method("frame_append", "a new frame with the rows of other added (concat semantics)",
                                "pd.concat([df, other]) (a row: pd.concat([df, row.to_frame().T]))", "2.0", _FRAME),
    "Series.append": _method("series_append", "a new Series with to_append's values added",
                             "pd.concat([s, to_append])", "2.0", _SERIES),
    "DataFrame.get_value": _method("get_value", "one value by row and column label", "df.at[row, column]", "1.0",
                                   _FRAME),
    "DataFrame.set_value": _method("set_value", "set one value by row and column label", "df.at[row, column] = v",
                                   "1.0", _FRAME),
    "Series.get_value": _method("get_value", "one value by label", "s.at[label]", "1.0", _SERIES),
    "Series.set_value": _method("set_value", "set one value by label", "s.at[label] = v", "1.0", _SERIES),
}
