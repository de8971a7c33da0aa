"""The NumPy 1.x knowledge: each spelling NumPy removed, what replaced it, since which version (data only).

Keys are names relative to the ``numpy`` module (``"int"`` means ``np.int``). Each entry says
where the legacy NumPy view finds the 1.x meaning (``value``: ``"module:attribute"``), what a
port writes instead (``replacement``) and the NumPy release that removed the spelling.
``BEHAVIOURS`` lists the 1.x behaviours that are not names (ragged arrays, ``newshape=``,
size-1 array to scalar conversions), keyed by the name the runner's report and
``migration.scan`` use for them.

The legacy view (``tf1compat.views.numpy.namespace``), ``--report`` and ``migration.scan`` all read
this one table.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class NumpyName:
    """What one removed NumPy 1.x spelling became."""

    value: str  # where the legacy view finds the 1.x meaning: "module:attribute"
    replacement: str  # what a port to current NumPy writes instead
    removed_in: str  # the NumPy release that removed it


def _alias(builtin, removed_in="1.24"):
    return NumpyName(f"builtins:{builtin}", f"{builtin} (or an explicit NumPy type such as np.{builtin}64)"
                     if builtin in ("int", "float") else builtin, removed_in)


def _renamed(new, removed_in="2.0"):
    return NumpyName(f"numpy:{new}", f"np.{new}", removed_in)


def _constant(new, removed_in="2.0"):
    return NumpyName(f"numpy:{new}", f"np.{new}", removed_in)


_LEGACY = "tf1compat.views.numpy.namespace"

TABLE = {
    # --- builtin aliases (deprecated 1.20, removed 1.24) ---------------------------------------------
    "int": _alias("int"),
    "float": _alias("float"),
    "bool": NumpyName("builtins:bool", "bool (np.bool is np.bool_ again since NumPy 2.0)", "1.24"),
    "object": _alias("object"),
    "str": _alias("str"),
    "long": NumpyName("builtins:int", "int (np.long is the C long type since NumPy 2.0)", "1.24"),
    "unicode": NumpyName("builtins:str", "str", "1.24"),
    "asscalar": NumpyName(f"{_LEGACY}:asscalar", "a.item()", "1.23"),
    # --- constants (removed 2.0, NEP 52) --------------------------------------------------------------
    "NaN": _constant("nan"),
    "NAN": _constant("nan"),
    "Inf": _constant("inf"),
    "Infinity": _constant("inf"),
    "infty": _constant("inf"),
    "PINF": _constant("inf"),
    "NINF": NumpyName(f"{_LEGACY}:NINF", "-np.inf", "2.0"),
    "PZERO": NumpyName(f"{_LEGACY}:PZERO", "0.0", "2.0"),
    "NZERO": NumpyName(f"{_LEGACY}:NZERO", "-0.0", "2.0"),
    # --- functions renamed or removed ---------------------------------------------------------------
    "product": _renamed("prod"),
    "cumproduct": _renamed("cumprod"),
    "alltrue": _renamed("all"),
    "sometrue": _renamed("any"),
    "round_": _renamed("round"),
    "asfarray": NumpyName(f"{_LEGACY}:asfarray", "np.asarray(a, dtype=np.float64)", "2.0"),
    "msort": NumpyName(f"{_LEGACY}:msort", "np.sort(a, axis=0)", "2.0"),
    "mat": _renamed("asmatrix"),
    "issubclass_": NumpyName("builtins:issubclass", "issubclass", "2.0"),
    "safe_eval": NumpyName("ast:literal_eval", "ast.literal_eval", "2.0"),
    "in1d": NumpyName(f"{_LEGACY}:in1d", "np.isin(a, b).ravel()", "2.4"),
    "rank": _renamed("ndim", "1.18"),
    "alen": NumpyName(f"{_LEGACY}:alen", "len(a) (a.shape[0])", "1.23"),
    "math": NumpyName(f"{_LEGACY}:MATH", "import math (np.math was the math module)", "2.0"),
    "trapz": _renamed("trapezoid", "2.4"),
    # --- scalar type aliases ----------------------------------------------------------------------------
    "float_": _renamed("float64"),
    "complex_": _renamed("complex128"),
    "cfloat": _renamed("complex128"),
    "singlecomplex": _renamed("complex64"),
    "longfloat": _renamed("longdouble"),
    "longcomplex": _renamed("clongdouble"),
    "clongfloat": _renamed("clongdouble"),
    "string_": _renamed("bytes_"),
    "unicode_": _renamed("str_"),
    "int0": _renamed("intp"),
    "uint0": _renamed("uintp"),
    "bool8": _renamed("bool_"),
    "object0": _renamed("object_"),
    "str0": _renamed("str_"),
    "bytes0": _renamed("bytes_"),
    "void0": _renamed("void"),
}


@dataclass(frozen=True)
class NumpyBehaviour:
    """A NumPy 1.x behaviour (not a name) that a later release removed."""

    description: str  # what the script did
    replacement: str  # what a port writes instead
    removed_in: str


BEHAVIOURS = {
    "np.array(ragged nested sequences)": NumpyBehaviour(
        "np.array / np.asarray of ragged nested sequences built an object array",
        "np.array(..., dtype=object), or keep x and y in separate arrays", "1.24"),
    "np.reshape(a, newshape=...)": NumpyBehaviour("np.reshape(a, newshape=...)", "np.reshape(a, shape)", "2.4"),
    "int(a) / float(a) of a size-1 array": NumpyBehaviour(
        "int() / float() / complex() of a size-1 array with ndim > 0",
        "a.item() (or index the element: a[0])", "2.x (deprecated in 1.25)"),
    "np.fromstring(bytes) (binary mode)": NumpyBehaviour(
        "np.fromstring(data, dtype) without sep: the bytes as an array (a copy)",
        "np.frombuffer(data, dtype) (.copy() for a writable array)", "2.3"),
    "np.histogram(normed=...)": NumpyBehaviour(
        "np.histogram(..., normed=True): counts / sum(counts * bin widths) (density=True for equal-width bins)",
        "np.histogram(..., density=True)", "1.24"),
    # ndarray methods (served by tf1compat.views.numpy.array_methods to the scope's compiled files)
    "ndarray.tostring": NumpyBehaviour("a.tostring(): the array's bytes", "a.tobytes()", "2.3"),
    "ndarray.itemset": NumpyBehaviour("a.itemset(index, value): set one element (an int index is flat)",
                                      "a[index] = value (a.flat[i] = value for a flat index)", "2.0"),
    "ndarray.newbyteorder": NumpyBehaviour("a.newbyteorder(order): the same bytes viewed in another byte order",
                                           "a.view(a.dtype.newbyteorder(order))", "2.0"),
    "ndarray.ptp": NumpyBehaviour("a.ptp(axis): max - min", "np.ptp(a, axis)", "2.0"),
}

# Keywords NumPy removed, for migration.scan (``function(keyword=)``: a call of ``numpy.function``).
SCAN_KEYWORDS = {"reshape(newshape=)": BEHAVIOURS["np.reshape(a, newshape=...)"],
                 "histogram(normed=)": BEHAVIOURS["np.histogram(normed=...)"]}
# ndarray methods NumPy removed, for migration.scan (a read of ``.name`` in a file that imports numpy).
SCAN_METHODS = {key: entry for key, entry in BEHAVIOURS.items() if key.startswith("ndarray.")}
