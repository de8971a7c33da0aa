"""The legacy pandas view: .ix as pandas 0.23 chose labels or positions, as_matrix, append, pd.datetime, pd.np,
iteritems, applymap, and the read_csv / to_csv / fillna keywords pandas 2-3 removed."""
import datetime

import numpy
import pandas
import pytest

from tests.views.legacy_stack_loader import LOAD_LIBRARY

SCRIPT = """
import pandas as pd

frame = pd.DataFrame({{"a": [1, 2, 3], "b": [4.0, 5.0, 6.0]}}, index=["x", "y", "z"])
series = pd.Series([10, 20, 30], index=[2, 1, 0])
mixed = pd.Series([10, 20, 30], index=pd.Index(["a", 2, 1], dtype=object))


def ix(obj, key):
    return obj.ix[key]


def set_ix(obj, key, value):
    obj.ix[key] = value


def as_matrix(obj, columns=None):
    return obj.as_matrix(columns)


def append(obj, *args, **kwargs):
    return obj.append(*args, **kwargs)


def call(function, *args, **kwargs):
    return function(*args, **kwargs)


def method(obj, name, *args, **kwargs):
    return getattr(obj, name)(*args, **kwargs)


stamp = pd.datetime(2018, 1, 2)
{load_library}
"""
LIBRARY = """
import pandas
frame = pandas.DataFrame({"a": [1]})
sees = [hasattr(frame, name) for name in ("ix", "as_matrix", "append")]


def read(text, **kwargs):
    import io
    return pandas.read_csv(io.StringIO(text), **kwargs)
"""


@pytest.fixture
def script(legacy_module, library_file):
    return legacy_module(SCRIPT, load_library=LOAD_LIBRARY.format(path=library_file(LIBRARY)))


def test_ix_on_a_label_index_takes_integers_as_positions_and_the_rest_as_labels(script):
    frame = script.frame
    assert script.ix(frame, 0).tolist() == [1.0, 4.0] and script.ix(frame, "y").tolist() == [2.0, 5.0]
    assert script.ix(frame, slice(0, 2)).index.tolist() == ["x", "y"]  # positional: end excluded
    assert script.ix(frame, slice("x", "z")).index.tolist() == ["x", "y", "z"]  # labels: end included
    assert script.ix(frame, [0, 2]).index.tolist() == ["x", "z"]
    assert script.ix(frame, ["z", "x"]).index.tolist() == ["z", "x"]
    assert script.ix(frame, (0, "b")) == 4.0 and script.ix(frame, ("z", 0)) == 3
    assert script.ix(frame, (slice(None), "a")).tolist() == [1, 2, 3]
    assert script.ix(frame, numpy.array([True, False, True])).index.tolist() == ["x", "z"]
    assert script.ix(frame, (1, slice("a", "b"))).tolist() == [2.0, 5.0]


def test_ix_on_an_integer_index_is_labels_only(script):
    series = script.series  # labels 2, 1, 0
    assert script.ix(series, 0) == 30 and script.ix(series, 1.0) == 20
    assert script.ix(series, slice(1, 0)).tolist() == [20, 30]  # a label slice, end included
    assert script.ix(series, [0, 2]).tolist() == [30, 10]
    with pytest.raises(KeyError):
        script.ix(series, 5)


def test_ix_on_a_mixed_index_tries_integer_lists_as_labels_first(script):
    mixed = script.mixed  # labels "a", 2, 1
    assert script.ix(mixed, [1]).tolist() == [30]  # label 1
    assert script.ix(mixed, [0, 5 - 5]).tolist() == [10, 10]  # not all labels: positions
    assert script.ix(mixed, 1) == 20  # a scalar integer on a non-integer index: position 1
    assert script.ix(mixed, "a") == 10


def test_ix_assignment_by_position_label_and_new_label(script):
    frame = script.frame.copy()
    script.set_ix(frame, (0, "a"), 100)
    script.set_ix(frame, ("z", "b"), -1.0)
    script.set_ix(frame, ("w", "a"), 7)  # a new row label: enlarged, as .ix did
    assert frame["a"].tolist() == [100, 2, 3, 7] and frame["b"].tolist()[:3] == [4.0, 5.0, -1.0]


def test_as_matrix_gives_the_values_in_the_asked_column_order(script):
    frame = script.frame
    assert script.as_matrix(frame).tolist() == [[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]]
    picked = script.as_matrix(frame, ["b", "c"])
    assert picked[:, 0].tolist() == [4.0, 5.0, 6.0] and numpy.isnan(picked[:, 1]).all()
    assert script.as_matrix(script.series).tolist() == [10, 20, 30]


def test_append_returns_a_new_frame_with_concat_semantics(script):
    frame = script.frame
    row = script.append(frame, {"a": 9, "b": 9.5, "c": "new"}, ignore_index=True)
    assert row.index.tolist() == [0, 1, 2, 3] and row.columns.tolist() == ["a", "b", "c"]
    assert row.loc[3].tolist() == [9, 9.5, "new"] and row["a"].dtype == numpy.int64
    named = script.append(frame, pandas.Series({"a": 0, "b": 0.5}, name="w"))
    assert named.index.tolist() == ["x", "y", "z", "w"] and len(frame) == 3  # the original is unchanged
    with pytest.raises(TypeError, match="Can only append a Series if ignore_index=True"):
        script.append(frame, pandas.Series({"a": 0}))
    reordered = script.append(frame, pandas.DataFrame({"c": [1], "a": [2]}, index=["w"]))
    assert reordered.columns.tolist() == ["a", "b", "c"]  # columns differ: sorted, as 0.23 did
    assert script.append(frame, [{"a": 5, "b": 1.0}], ignore_index=True)["a"].tolist() == [1, 2, 3, 5]
    assert script.append(script.series, pandas.Series([1], index=[9])).tolist() == [10, 20, 30, 1]
    assert script.append(script.series, [script.series], ignore_index=True).index.tolist() == list(range(6))


def test_pd_datetime_is_the_datetime_class_and_the_library_sees_todays_pandas(script):
    assert script.stamp == datetime.datetime(2018, 1, 2) and script.pd.datetime is datetime.datetime
    assert script.library.sees == [False, False, False]
    assert not hasattr(pandas, "datetime") and not hasattr(script.frame, "as_matrix")  # this file: not in scope


def test_read_csv_keywords_of_pandas_0_23(script):
    import io

    def read(*args, **kwargs):  # called from the script's module, as its own code would
        return script.call(script.pd.read_csv, *args, **kwargs)

    frame = read(io.StringIO("a  b\tc\n1 2   3\n4\t5 6\n"), delim_whitespace=True)
    assert frame.columns.tolist() == ["a", "b", "c"] and frame.to_numpy().tolist() == [[1, 2, 3], [4, 5, 6]]
    assert read(io.StringIO("a b\n1 2\n"), delim_whitespace=False, sep=" ").to_numpy().tolist() == [[1, 2]]
    with pytest.raises(ValueError, match="^Specified a delimiter with both sep and delim_whitespace=True"):
        read(io.StringIO("a b\n"), sep=";", delim_whitespace=True)
    ragged = "x,y\n1,2\n3,4,5\n6,7\n"
    assert read(io.StringIO(ragged), error_bad_lines=False, warn_bad_lines=False).to_numpy().tolist() == [
        [1, 2], [6, 7]]
    with pytest.warns(pandas.errors.ParserWarning, match="^Skipping line 3: expected 2 fields, saw 3"):
        read(io.StringIO(ragged), error_bad_lines=False)  # warn_bad_lines defaulted to True
    with pytest.raises(pandas.errors.ParserError, match="Expected 2 fields in line 3, saw 3"):
        read(io.StringIO(ragged), error_bad_lines=True)
    single = read(io.StringIO("v\n1\n2\n"), squeeze=True)
    assert isinstance(single, pandas.Series) and single.name == "v" and single.tolist() == [1, 2]
    assert isinstance(read(io.StringIO("v,w\n1,2\n"), squeeze=True), pandas.DataFrame)  # two columns stay a frame
    table = script.call(script.pd.read_table, io.StringIO("p\tq\n1 2\t3\n"), delim_whitespace=True)
    assert table.columns.tolist() == ["p", "q"] and table.index.tolist() == [1]  # 3 fields, 2 names: an index
    assert table.to_numpy().tolist() == [[2, 3]]
    with pytest.raises(TypeError, match="delim_whitespace"):
        script.library.read("a b\n1 2\n", delim_whitespace=True)  # a library beside the script: today's pandas


def test_to_csv_line_terminator_and_fillna_method_for_frames_and_series(script):
    import io

    out = io.StringIO()
    script.method(script.frame, "to_csv", out, line_terminator="\r\n")
    assert out.getvalue() == ",a,b\r\nx,1,4.0\r\ny,2,5.0\r\nz,3,6.0\r\n"
    assert script.method(script.frame["a"], "to_csv", line_terminator="|", header=False) == "x,1|y,2|z,3|"
    gaps = pandas.DataFrame({"v": [1.0, None, None, 4.0], "w": [None, 2.0, None, None]})
    assert script.method(gaps, "fillna", method="ffill").fillna(-1).to_numpy().tolist() == [
        [1.0, -1.0], [1.0, 2.0], [1.0, 2.0], [4.0, 2.0]]
    filled = script.method(gaps, "fillna", method="pad")
    assert filled["v"].tolist() == [1.0, 1.0, 1.0, 4.0] and filled["w"].tolist()[1:] == [2.0, 2.0, 2.0]
    assert script.method(gaps["v"], "fillna", method="bfill", limit=1).fillna(-1).tolist() == [1.0, -1.0, 4.0, 4.0]
    in_place = gaps.copy()
    assert script.method(in_place, "fillna", method="backfill", inplace=True) is None
    assert in_place["v"].tolist() == [1.0, 4.0, 4.0, 4.0]
    assert script.method(gaps, "fillna", 0, method=None)["w"].tolist() == [0.0, 2.0, 0.0, 0.0]
    with pytest.raises(ValueError, match="^Cannot specify both 'value' and 'method'.$"):
        script.method(gaps, "fillna", 0, method="ffill")
    with pytest.raises(ValueError, match="^Invalid fill method. Expecting pad \\(ffill\\) or backfill \\(bfill\\). "
                                         "Got nearest$"):
        script.method(gaps, "fillna", method="nearest")
    with pytest.raises(TypeError, match="method"):
        gaps.fillna(method="ffill")  # this file is not in the scope


def test_iteritems_applymap_and_pd_np(script):
    assert [(name, column.tolist()) for name, column in script.method(script.frame, "iteritems")] == [
        ("a", [1, 2, 3]), ("b", [4.0, 5.0, 6.0])]
    assert list(script.method(script.series, "iteritems")) == [(2, 10), (1, 20), (0, 30)]
    assert script.method(script.frame, "applymap", lambda value: value * 2).to_numpy().tolist() == [
        [2, 8.0], [4, 10.0], [6, 12.0]]
    assert script.pd.np.float is float and script.pd.np.nan != script.pd.np.nan  # the scope's NumPy 1.x view
    assert script.pd.np.arange(3).tolist() == [0, 1, 2]
    assert not hasattr(script.frame, "iteritems") and not hasattr(pandas, "np")  # this file: not in scope


def test_reductions_over_text_columns_drop_them_as_pandas_0_23_did(script):
    mixed = pandas.DataFrame({"k": ["a", "a", "b"], "s": ["x", "y", "z"], "v": [1.0, 2.0, 6.0], "n": [1, 3, 5]})
    assert script.method(mixed, "mean").to_dict() == {"v": 3.0, "n": 3.0}
    assert script.method(mixed, "median").to_dict() == {"v": 2.0, "n": 3.0}
    assert script.method(mixed, "std")["v"] == pytest.approx(2.6457513, abs=1e-6)  # sqrt(7), ddof=1
    grouped = script.method(script.method(mixed, "groupby", "k"), "mean")
    assert grouped.columns.tolist() == ["v", "n"] and grouped.to_dict() == {"v": {"a": 1.5, "b": 6.0},
                                                                           "n": {"a": 2.0, "b": 5.0}}
    assert script.method(mixed[["v", "n"]], "var", numeric_only=False).to_dict() == {"v": 7.0, "n": 4.0}
    with pytest.raises(TypeError):
        script.method(mixed, "mean", numeric_only=False)  # chosen explicitly: today's answer
    with pytest.raises(TypeError):
        mixed.mean()  # this file is not in the scope


def test_str_replace_patterns_are_regular_expressions_unless_regex_false(script):
    prices = pandas.Series(["$1,200", "$35", "n/a"])
    assert script.method(prices.str, "replace", r"\D", "").tolist() == ["1200", "35", ""]
    assert script.method(pandas.Series(["a.b"]).str, "replace", ".", "-").tolist() == ["---"]  # '.' is any character
    assert script.method(pandas.Series(["a.b"]).str, "replace", ".", "-", regex=False).tolist() == ["a-b"]
    assert script.method(pandas.Series(["2018-01"]).str, "replace", r"(\d+)-(\d+)", r"\2/\1").tolist() == ["01/2018"]
    assert script.method(pandas.Series(["a,b"]).str, "replace", ",", ";").tolist() == ["a;b"]  # same either way
    assert pandas.Series(["a.b"]).str.replace(".", "-").tolist() == ["a-b"]  # this file: today's literal default
