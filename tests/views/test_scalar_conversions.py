"""scalar_conversions: int()/float()/complex() calls in legacy-scope source take size-1 arrays, as in NumPy 1.x;
reads of the ndarray methods NumPy 2 removed (tostring, itemset, newbyteorder, ptp) get their 1.x meaning."""
import numpy
import pytest

from tf1compat.views.numpy import scalar_conversions

SOURCE = b"""
import numpy as np
one = int(np.array([[3]]))
half = float(np.array([0.5], dtype=np.float32))
literal = int("12")
nested = [int(float(x)) for x in np.array([[1.5], [2.5]])]
def convert(value, kind=float):
    return kind(value)
"""


@pytest.fixture(autouse=True)
def helper_builtin():
    scalar_conversions.install(lambda filename: False)
    yield
    scalar_conversions.uninstall()


def run(source):
    namespace = {}
    exec(scalar_conversions.compile_source(source, "legacy.py"), namespace)
    return namespace


def test_rewritten_calls_convert_size1_arrays():
    namespace = run(SOURCE)
    assert (namespace["one"], namespace["half"], namespace["literal"], namespace["nested"]) == (3, 0.5, 12, [1, 2])
    # Only direct calls of the names int/float/complex are rewritten, not other callables that receive them.
    with pytest.raises(TypeError, match="0-dimensional"):
        namespace["convert"](numpy.array([1.0]))


def test_larger_arrays_still_fail_and_line_numbers_are_kept():
    with pytest.raises(TypeError) as failure:
        run(b"import numpy\n\nvalue = int(numpy.array([1, 2]))\n")
    assert failure.traceback[-1].lineno == 2  # 0-based: line 3 of legacy.py


def test_to_scalar_passes_everything_else_through():
    values = [numpy.array(4), 5, "6", numpy.array([1, 2])]
    assert [scalar_conversions.to_scalar(value) is value for value in values] == [True] * 4
    assert scalar_conversions.to_scalar(numpy.array([[[9]]])).shape == ()


METHODS = b"""
import numpy as np
import xml.etree.ElementTree as ET
image = np.arange(6, dtype=np.uint8).reshape(2, 3)
raw = image.tostring()
grid = np.zeros((2, 3))
grid.itemset(4, 7.0)
grid.itemset((0, 1), 5.0)
swapped = np.array([1, 256], dtype=">i2").newbyteorder()
spread = np.array([[1, 5], [2, 9]]).ptp(axis=0)
xml = ET.tostring(ET.Element("a"))
class Own:
    def tostring(self):
        return "own"
own = Own().tostring()
"""


def test_removed_ndarray_methods_in_scope_source():
    namespace = run(METHODS)
    assert namespace["raw"] == bytes(range(6)) and namespace["grid"].tolist() == [[0, 5, 0], [0, 7, 0]]
    assert namespace["swapped"].tolist() == [256, 1] and namespace["swapped"].dtype == numpy.dtype("<i2")
    assert namespace["spread"].tolist() == [1, 4]
    assert (namespace["xml"], namespace["own"]) == (b"<a />", "own")  # other objects' tostring: their own
    with pytest.raises(AttributeError):
        numpy.zeros(2).tostring()  # this file is compiled as usual: NumPy 2.3+'s error
