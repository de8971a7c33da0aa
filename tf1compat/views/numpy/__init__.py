"""The NumPy a legacy script sees: NumPy 1.x spellings and behaviours on the real NumPy 2.

Parts: ``table`` (the data: each removed name, its 1.x meaning, replacement and the NumPy
version that removed it), ``namespace`` (the module view ``import numpy`` yields in the scope),
``scalar_conversions`` (``int()``/``float()``/``complex()`` of size-1 arrays in scope files).
"""
from tf1compat.views.numpy.namespace import NEWSHAPE, RAGGED, SIZE1, record, report_lines, uses, view

__all__ = ["view", "record", "uses", "report_lines", "RAGGED", "NEWSHAPE", "SIZE1"]
