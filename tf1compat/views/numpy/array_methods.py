"""ndarray methods NumPy 2 removed (``a.tostring()``, ``a.itemset()``, ``a.newbyteorder()``, ``a.ptp()``),
for legacy-scope code.

``numpy.ndarray`` is a C type whose methods Python cannot add to, and adding them would change every
library too. So, like the size-1 scalar conversions (``scalar_conversions``), the legacy scope's
files are compiled with each attribute read ``x.tostring`` (and the other removed names) rewritten to
``__tf1compat_array_attribute__(x, "tostring")``: for an ndarray or NumPy scalar that lacks the
method, the NumPy 1.x behaviour (counted for ``--report``); for anything else (``ElementTree.tostring``,
a class of the script's own), the real attribute, as before.
"""
import ast
import functools

import numpy

from tf1compat.views.numpy import namespace as numpy_view

HELPER = "__tf1compat_array_attribute__"


def _tostring(array, order="C"):
    return array.tobytes(order)


def _itemset(array, *args):
    if not args:
        raise ValueError("itemset must have at least one argument")
    *index, value = args
    if not index:
        if array.size != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        array.flat[0] = value
    elif len(index) == 1 and not isinstance(index[0], tuple):
        array.flat[index[0]] = value  # one integer: a flat index, as NumPy 1.x's itemset read it
    else:
        array[index[0] if len(index) == 1 else tuple(index)] = value


def _newbyteorder(array, new_order="S"):
    return array.view(array.dtype.newbyteorder(new_order))


def _ptp(array, axis=None, out=None, keepdims=False):
    return numpy.ptp(array, axis=axis, out=out, keepdims=keepdims)


# method name -> its NumPy 1.x behaviour (what replaced it, and when: numpy_table.BEHAVIOURS["ndarray.<name>"])
REMOVED = {"tostring": _tostring, "itemset": _itemset, "newbyteorder": _newbyteorder, "ptp": _ptp}


def attribute(obj, name):
    """``obj.name``; for an ndarray or NumPy scalar without that method, NumPy 1.x's method bound to ``obj``."""
    try:
        return getattr(obj, name)
    except AttributeError:
        if not isinstance(obj, (numpy.ndarray, numpy.generic)):
            raise
    numpy_view.record(f"ndarray.{name}")
    return functools.partial(REMOVED[name], obj)


class _RemovedMethodReads(ast.NodeTransformer):
    def visit_Attribute(self, node):  # pylint: disable=invalid-name
        self.generic_visit(node)
        if node.attr in REMOVED and isinstance(node.ctx, ast.Load):
            return ast.copy_location(ast.Call(ast.Name(HELPER, ast.Load()), [node.value, ast.Constant(node.attr)], []),
                                     node)
        return node


def method_rewriter():
    """The rewrite as an ``ast.NodeTransformer`` (for compile_source and notebook cells)."""
    return _RemovedMethodReads()
