"""The legacy pandas view: .ix as pandas 0.23 chose labels or positions, as_matrix, append, pd.datetime."""
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


stamp = pd.datetime(2018, 1, 2)
{load_library}
"""
LIBRARY = """
import pandas
frame = pandas.DataFrame({"a": [1]})
sees = [hasattr(frame, name) for name in ("ix", "as_matrix", "append")]
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
