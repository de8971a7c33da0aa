"""The ``numpy`` a legacy script sees: the real module's names plus the NumPy 1.x spellings, on real ndarrays.

The view is a plain module whose namespace is a copy of NumPy's, so ``np.X`` costs what it
costs on the real module. The removed spellings (``tf1compat.views.numpy.table``) are not in that
namespace at first: the module's ``__getattr__`` serves the first look-up of each, notes where
it happened for ``--report``, and then puts the name in the namespace, so later look-ups are as
fast as any other (``migration.scan`` lists every use).
Only ``array``, ``asarray`` and ``reshape`` are replaced, by thin functions that call the real
ones and fall back to the 1.x behaviour only where NumPy now raises.
"""
import collections
import importlib
import math
import os
import sys
import types

import numpy

from tf1compat.views.numpy import table as numpy_table

MATH = math  # np.math (removed in NumPy 2.0) was the math module
NINF = -numpy.inf
PZERO = 0.0
NZERO = -0.0

RAGGED = "np.array(ragged nested sequences)"  # numpy_table.BEHAVIOURS keys
NEWSHAPE = "np.reshape(a, newshape=...)"
SIZE1 = "int(a) / float(a) of a size-1 array"
FROMSTRING = "np.fromstring(bytes) (binary mode)"
NORMED = "np.histogram(normed=...)"
_real_array = numpy.array
_real_asarray = numpy.asarray
_real_reshape = numpy.reshape
_real_fromstring = numpy.fromstring
_real_histogram = numpy.histogram
_uses = collections.Counter()  # numpy_table name or behaviour -> uses
_sites = collections.defaultdict(set)  # name -> {(file, line)}
_view = None


def view():
    """The legacy ``numpy`` module (built once)."""
    global _view
    if _view is None:
        module = types.ModuleType("numpy", numpy.__doc__)
        namespace = module.__dict__
        namespace.update(numpy.__dict__)
        for name in numpy_table.TABLE:  # served by __getattr__, so each use is counted
            namespace.pop(name, None)
        namespace.update(array=array, asarray=asarray, reshape=reshape, fromstring=fromstring, histogram=histogram,
                         __getattr__=_getattr, __dir__=_dir)
        _view = module
    return _view


def record(name, depth=2):
    """Count one use of the 1.x spelling or behaviour ``name``, at the code ``depth`` frames up."""
    _uses[name] += 1
    frame = sys._getframe(depth)
    _sites[name].add((frame.f_code.co_filename, frame.f_lineno))


def uses():
    """``{name: (uses, distinct call sites)}`` of the 1.x behaviours and spellings (first look-up only) used."""
    return {name: (count, len(_sites[name])) for name, count in _uses.items()}


def _getattr(name):
    entry = numpy_table.TABLE.get(name)
    if entry is not None:
        record(name)
        module_name, _, attribute = entry.value.partition(":")
        value = _view.__dict__[name] = getattr(importlib.import_module(module_name), attribute)
        return value
    value = getattr(numpy, name)  # NumPy's lazy submodules, and its own error for unknown names
    if isinstance(value, types.ModuleType):
        _view.__dict__[name] = value
    return value


def _dir():
    return sorted(set(dir(numpy)) | set(numpy_table.TABLE))


# --- the functions whose 1.x behaviour differs ------------------------------------------------------

def array(object, dtype=None, *args, **kwargs):  # pylint: disable=redefined-builtin
    """``numpy.array``; ragged nested sequences give an object array, as NumPy < 1.24 did."""
    try:
        if dtype is None and not args and not kwargs:  # the common call; an explicit dtype=None costs NumPy more
            return _real_array(object)
        return _real_array(object, dtype, *args, **kwargs)
    except ValueError as error:
        if dtype is not None or "inhomogeneous" not in str(error):
            raise
    return _ragged_array(object)


def asarray(a, dtype=None, *args, **kwargs):
    """``numpy.asarray``; ragged nested sequences give an object array, as NumPy < 1.24 did."""
    try:
        if dtype is None and not args and not kwargs:
            return _real_asarray(a)
        return _real_asarray(a, dtype, *args, **kwargs)
    except ValueError as error:
        if dtype is not None or "inhomogeneous" not in str(error):
            raise
    return _ragged_array(a)


def reshape(a, shape=None, order="C", *, newshape=None, copy=None):
    """``numpy.reshape`` that also takes NumPy 1.x's ``newshape=`` keyword."""
    if newshape is not None:
        if shape is not None:
            raise TypeError("You cannot specify 'newshape' and 'shape' arguments at the same time.")
        record(NEWSHAPE)
        shape = newshape
    if shape is None:
        raise TypeError("reshape() missing required argument 'shape' (pos 2)")
    if copy is None:
        return _real_reshape(a, shape, order=order)
    return _real_reshape(a, shape, order=order, copy=copy)


def fromstring(string, dtype=float, count=-1, *, sep="", like=None):
    """``numpy.fromstring``; without ``sep`` (binary mode, removed in NumPy 2.3) the bytes as a new array."""
    if sep != "":
        return _real_fromstring(string, dtype, count, sep=sep, like=like)
    record(FROMSTRING)
    data = string.encode("utf-8") if isinstance(string, str) else string  # 1.x read a str as its UTF-8 bytes
    return numpy.frombuffer(data, dtype, count).copy()


def histogram(a, bins=10, range=None, normed=None, weights=None, density=None):  # pylint: disable=redefined-builtin
    """``numpy.histogram`` that also takes NumPy 1.x's ``normed=`` (counts / sum(counts * bin widths))."""
    if normed is None:
        return _real_histogram(a, bins=bins, range=range, weights=weights, density=density)
    record(NORMED)
    if density is not None:  # NumPy 1.x ignored normed then (with a warning)
        return _real_histogram(a, bins=bins, range=range, weights=weights, density=density)
    counts, edges = _real_histogram(a, bins=bins, range=range, weights=weights)
    if not normed:
        return counts, edges
    return counts / (counts * numpy.diff(edges)).sum(), edges


def alen(a):
    """NumPy 1.x ``np.alen``: the length of the first dimension (a scalar counts as one)."""
    return len(_real_array(a, ndmin=1))


def asscalar(a):
    """NumPy 1.x ``np.asscalar``: the array's single element as a Python scalar."""
    return a.item()


def asfarray(a, dtype=numpy.float64):
    """NumPy 1.x ``np.asfarray``: ``a`` as an array of a floating (inexact) type."""
    if not numpy.issubdtype(dtype, numpy.inexact):
        dtype = numpy.float64
    return _real_asarray(a, dtype=dtype)


def msort(a):
    """NumPy 1.x ``np.msort``: a sorted copy along the first axis."""
    return numpy.sort(a, axis=0)


def in1d(ar1, ar2, assume_unique=False, invert=False, *, kind=None):
    """NumPy 1.x ``np.in1d``: ``np.isin`` flattened to one dimension."""
    return numpy.isin(ar1, ar2, assume_unique=assume_unique, invert=invert, kind=kind).ravel()


_notice_given = False


def _ragged_array(nested):
    # NumPy < 1.24: an object array as deep as the nesting is regular, each element the
    # sub-sequence found there.
    shape, leaves = _regular_part(nested)
    result = numpy.empty(shape, dtype=object)
    flat = result.reshape(-1)
    for index, leaf in enumerate(leaves):
        flat[index] = leaf
    record(RAGGED, depth=3)
    _notice(shape)
    return result


def _regular_part(nested):
    shape, level = [], [nested]
    while True:
        if not all(isinstance(item, (list, tuple)) or (isinstance(item, numpy.ndarray) and item.ndim)
                   for item in level):
            return tuple(shape), level
        lengths = {len(item) for item in level}
        if len(lengths) != 1:
            return tuple(shape), level
        shape.append(lengths.pop())
        level = [sub for item in level for sub in item]


def _notice(shape):
    global _notice_given
    if _notice_given:
        return
    _notice_given = True
    print(f"tf1compat: np.array() of ragged nested sequences at {first_site(RAGGED)} built an object "
          f"array of shape {shape}, as NumPy < 1.24 did (NumPy 1.24+ raises ValueError; a port passes "
          "dtype=object). --real-numpy turns the NumPy 1.x view off.", file=sys.stderr)


def report_lines():
    """The ``--report`` lines for the NumPy 1.x spellings and behaviours the script needed."""
    lines = []
    for name in sorted(_uses, key=lambda used: (used not in numpy_table.BEHAVIOURS, used)):
        entry = numpy_table.TABLE.get(name) or numpy_table.BEHAVIOURS[name]
        spelling = f"np.{name}" if name in numpy_table.TABLE else name
        count = "" if name in numpy_table.TABLE else f"{_uses[name]} use{'s' if _uses[name] != 1 else ''}, "
        lines.append(f"  {spelling:<36} [removed in NumPy {entry.removed_in}] -> {entry.replacement} "
                     f"({count}first at {first_site(name)})")
    return lines


def first_site(name):
    """``"file:line"`` of the first place (in file order) that used ``name``, relative to the working folder."""
    filename, line = min(_sites[name])
    relative = os.path.relpath(filename) if os.path.isabs(filename) else filename
    return f"{filename if relative.startswith('..') else relative}:{line}"
