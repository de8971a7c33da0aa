"""The pandas 0.23 knowledge: each name pandas removed that TF1-era code uses, what it did, its replacement (data only).

Keys are ``Class.attribute`` for what the view adds to pandas' own classes (inside the legacy
scope only) and plain names for ``pandas.<name>``.
"""
from tf1compat.views.legacy_name import DEFAULT, KEYWORD, METHOD, PROPERTY, LegacyName

_METHODS = "tf1compat.views.pandas.frame_methods"
_KEYWORDS = "tf1compat.views.pandas.old_keywords"
_FRAME, _SERIES, _READERS = "pandas:DataFrame", "pandas:Series", "pandas"
_DEFAULTS = "tf1compat.views.pandas.old_defaults"
_GROUPBY, _STRINGS = "pandas.core.groupby.groupby:GroupBy", "pandas.core.strings.accessor:StringMethods"
_BOTH = "pandas.core.generic:NDFrame"  # where DataFrame's and Series' to_csv and fillna live: one wrapper serves both


def _method(name, did, replacement, removed_in, owner, kind=METHOD):
    return LegacyName(f"{_METHODS}:{name}", did, replacement, removed_in, kind, (owner,))


def _keyword(factory, did, replacement, removed_in, *owners):
    return LegacyName(f"{_KEYWORDS}:{factory}", did, replacement, removed_in, KEYWORD, owners)


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
    "np": LegacyName("tf1compat.views.pandas.numpy_alias:np", "numpy, re-exported (the scope's NumPy 1.x view)",
                     "import numpy as np", "2.0"),
    "DataFrame.iteritems": _method("iteritems", "(column, Series) pairs", "df.items()", "2.0", _FRAME),
    "Series.iteritems": _method("iteritems", "(label, value) pairs", "s.items()", "2.0", _SERIES),
    "DataFrame.applymap": _method("applymap", "func applied to every element", "df.map(func)", "3.0", _FRAME),
    "read_csv(delim_whitespace=)": _keyword("delim_whitespace", "delim_whitespace=True: split on runs of blanks",
                                            "sep=r'\\s+'", "3.0", _READERS),
    "read_table(delim_whitespace=)": _keyword("delim_whitespace", "delim_whitespace=True: split on runs of blanks",
                                              "sep=r'\\s+'", "3.0", _READERS),
    "read_csv(error_bad_lines=)": _keyword("bad_lines", "error_bad_lines/warn_bad_lines: raise, warn or skip "
                                           "lines with too many fields", "on_bad_lines='error'|'warn'|'skip'", "2.0",
                                           _READERS),
    "read_table(error_bad_lines=)": _keyword("bad_lines", "error_bad_lines/warn_bad_lines: raise, warn or skip "
                                             "lines with too many fields", "on_bad_lines='error'|'warn'|'skip'",
                                             "2.0", _READERS),
    "read_csv(squeeze=)": _keyword("squeeze", "squeeze=True: a one-column result as a Series",
                                   "pd.read_csv(...).squeeze('columns')", "2.0", _READERS),
    "read_table(squeeze=)": _keyword("squeeze", "squeeze=True: a one-column result as a Series",
                                     "pd.read_table(...).squeeze('columns')", "2.0", _READERS),
    "DataFrame.to_csv(line_terminator=)": _keyword("line_terminator", "the line ending written (frames and Series)",
                                                   "lineterminator=", "2.0", _BOTH),
    "DataFrame.fillna(method=)": _keyword("fill_method", "fillna(method='ffill'|'bfill'): propagate the last or next "
                                          "valid value (frames and Series)", "df.ffill() / df.bfill()", "3.0", _BOTH),
    "Series.str.replace()": LegacyName(f"{_DEFAULTS}:regex_by_default", "the pattern is a regular expression",
                                       "s.str.replace(pat, repl, regex=True)", "2.0", DEFAULT, (_STRINGS,)),
}
_REDUCTIONS = ("mean", "median", "std", "var", "sem")
TABLE.update({f"{owner_name}.{reduction}()": LegacyName(
    f"{_DEFAULTS}:numeric_when_mixed", f"{reduction} over the numeric columns when others cannot be reduced",
    f"{reduction}(numeric_only=True)", "2.0", DEFAULT, (owner,))
    for owner_name, owner in (("DataFrame", _FRAME), ("GroupBy", _GROUPBY)) for reduction in _REDUCTIONS})
