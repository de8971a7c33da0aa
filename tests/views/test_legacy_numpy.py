"""legacy_numpy: the NumPy 1.x view on real ndarrays; the real numpy module is never changed."""
import numpy
import pytest

from tf1compat.views import numpy as legacy_numpy

np = legacy_numpy.view()


def test_view_restores_1x_names_and_leaves_numpy_alone():
    assert (np.int, np.float, np.bool, np.long, np.unicode) == (int, float, bool, int, str)
    assert np.product is numpy.prod and np.trapz is numpy.trapezoid and np.float_ is numpy.float64
    assert "int" in dir(np) and "zeros" in dir(np)
    assert np.zeros is numpy.zeros and np.random is numpy.random and np.__name__ == "numpy"
    assert not hasattr(numpy, "int") and not hasattr(numpy, "product") and numpy.array is not np.array
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        np.no_such_name


def test_ragged_arrays_become_object_arrays_as_deep_as_the_nesting_is_regular():
    three_levels = np.array([[[1, 2], [3, 4]], [[5, 6], [7]]])
    assert (three_levels.dtype, three_levels.shape) == (numpy.dtype(object), (2, 2))
    assert three_levels[1, 1] == [7] and three_levels[0, 0] == [1, 2]
    arrays = np.asarray([numpy.zeros((2, 3)), numpy.zeros((4,))])
    assert arrays.shape == (2,) and arrays[0].shape == (2, 3)
    assert type(arrays) is numpy.ndarray
    regular = np.array([[1, 2], [3, 4]], dtype=numpy.float32)
    assert (regular.dtype, regular.shape) == (numpy.dtype("float32"), (2, 2))
    with pytest.raises(ValueError, match="inhomogeneous"):
        np.array([[1, 2], [3]], dtype=float)  # an explicit dtype failed in NumPy 1.x too


def test_reshape_takes_newshape_and_shape():
    data = numpy.arange(6)
    assert np.reshape(data, newshape=(3, 2)).shape == (3, 2)
    assert np.reshape(data, (2, 3), order="F").tolist() == [[0, 2, 4], [1, 3, 5]]
    assert np.reshape(data, shape=(6, 1)).shape == (6, 1)
    assert not numpy.shares_memory(np.reshape(data, (2, 3), copy=True), data)
    with pytest.raises(TypeError, match="at the same time"):
        np.reshape(data, (2, 3), newshape=(3, 2))


def test_removed_functions_compute_their_1x_results():
    assert np.asscalar(numpy.array([[7]])) == 7
    assert np.asfarray([1, 2], dtype=numpy.int8).dtype == numpy.float64
    assert np.msort(numpy.array([[3, 1], [1, 2]])).tolist() == [[1, 1], [3, 2]]
    assert np.in1d([1, 5, 2], [2, 5], invert=True).tolist() == [True, False, False]
    assert np.NINF == -numpy.inf and str(np.NZERO) == "-0.0"
    assert np.rank(numpy.zeros((2, 3))) == 2 and np.alen(numpy.zeros((4, 2))) == 4 and np.alen(7) == 1
    assert np.math.factorial(5) == 120 and np.math is __import__("math")


def test_fromstring_binary_mode_and_histogram_normed_as_numpy_1x():
    decoded = np.fromstring(b"\x01\x00\x02\x00", dtype="<u2")
    assert decoded.tolist() == [1, 2] and decoded.flags.writeable  # a copy, as 1.x's fromstring made
    assert np.fromstring("\x03\x04", dtype=numpy.uint8).tolist() == [3, 4]  # str: its UTF-8 bytes
    assert np.fromstring("\xff", dtype=numpy.uint8).tolist() == [195, 191]  # as NumPy 1.26 gives
    assert np.fromstring("1 2 3", dtype=int, sep=" ").tolist() == [1, 2, 3]  # text mode: NumPy's own
    with pytest.raises(ValueError):
        numpy.fromstring(b"\x01\x00", dtype=numpy.uint8)  # the real one refuses binary mode
    counts, edges = np.histogram([1, 2, 2, 4], bins=[0, 1, 2, 4], normed=True)
    assert counts.tolist() == pytest.approx([0.0, 1 / 7, 3 / 7]) and edges.tolist() == [0, 1, 2, 4]  # 1.23's
    uniform, _ = np.histogram([1, 2, 2, 4], 3, None, True)  # positional: 1.x's fourth argument was normed
    assert uniform.tolist() == pytest.approx(numpy.histogram([1, 2, 2, 4], 3, density=True)[0].tolist())
    assert np.histogram([1, 2], bins=2)[0].tolist() == [1, 1]
    both, _ = np.histogram([1, 2, 2, 4], bins=3, normed=True, density=True)  # 1.23: density wins
    assert both.tolist() == pytest.approx([0.25, 0.5, 0.25])
