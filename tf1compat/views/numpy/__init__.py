"""The NumPy a legacy script sees: NumPy 1.x spellings and behaviours on the real NumPy 2.

Parts: ``table`` (the data: each removed name, its 1.x meaning, replacement and the NumPy
version that removed it), ``namespace`` (the module view ``import numpy`` yields in the scope),
``scalar_conversions`` (``int()``/``float()``/``complex()`` of size-1 arrays in scope files).
"""
from tf1compat.views.numpy.namespace import NEWSHAPE, RAGGED, SIZE1, record, report_lines, uses, view
from tf1compat.views.numpy.table import TABLE

__all__ = ["view", "record", "uses", "report_lines", "legacy_import", "TABLE", "RAGGED", "NEWSHAPE", "SIZE1"]


def legacy_import(name, globals=None, locals=None, fromlist=(), level=0):  # pylint: disable=redefined-builtin
    """What ``__import__`` returns in the legacy scope: the NumPy 1.x view for ``numpy`` itself."""
    from tf1compat.scope import import_hook

    module = import_hook._original_import(name, globals, locals, fromlist, level)  # pylint: disable=protected-access
    if fromlist and name != "numpy":
        return module  # `from numpy.linalg import norm`: the real submodule
    return view()
