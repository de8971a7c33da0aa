"""Finds the NumPy 1.x idioms in one parsed file: the spellings NumPy removed (``np.int``, ``np.product``,
``from numpy import asscalar``, ``np.reshape(..., newshape=)``), from ``tf1compat.views.numpy.table``.

They break a port to plain TF2 on current NumPy as surely as ``tf.Session`` does; under
``python -m tf1compat`` the legacy NumPy view provides them (kind ``provided``, category ``numpy``).
Ragged ``np.array`` and ``int()`` of a size-1 array depend on the values, so only the runner's
``--report`` sees them.
"""
import ast

from tf1compat.views.numpy import table as numpy_table
from tf1compat.api.table import WARNING
from migration.scan.idioms import Finding

CATEGORY = "numpy"
_NEWSHAPE = "np.reshape(a, newshape=...)"


def find(tree, cell=None, lines=()):
    """The ``Finding``s of NumPy 1.x idioms in ``tree`` (``lines``: its source lines, for columns)."""
    aliases = _numpy_aliases(tree)
    findings = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "numpy" and node.level == 0:
            findings.extend(_finding(alias, alias.name, cell, lines)
                            for alias in node.names if alias.name in numpy_table.TABLE)
        elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases
              and node.attr in numpy_table.TABLE):
            findings.append(_finding(node, node.attr, cell, lines))
        elif isinstance(node, ast.Call) and _is_numpy_reshape(node.func, aliases):
            findings.extend(_newshape_finding(keyword, cell, lines)
                            for keyword in node.keywords if keyword.arg == "newshape")
    return findings


def _numpy_aliases(tree):
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update((alias.asname or alias.name) for alias in node.names
                         if alias.name == "numpy" or (alias.name.startswith("numpy.") and not alias.asname))
    return names


def _is_numpy_reshape(func, aliases):
    return (isinstance(func, ast.Attribute) and func.attr == "reshape" and isinstance(func.value, ast.Name)
            and func.value.id in aliases)


def _finding(node, name, cell, lines):
    entry = numpy_table.TABLE[name]
    message = (f"`numpy.{name}` was removed in NumPy {entry.removed_in} (tf1compat's legacy NumPy view "
               f"provides it); now: {entry.replacement}")
    return Finding(node.lineno, _column(node, lines), WARNING, CATEGORY, f"numpy.{name}", "provided", message,
                   entry.replacement, None, cell)


def _newshape_finding(keyword, cell, lines):
    entry = numpy_table.BEHAVIOURS[_NEWSHAPE]
    message = (f"`newshape=` of np.reshape was removed in NumPy {entry.removed_in} (tf1compat's legacy NumPy "
               f"view accepts it); now: {entry.replacement}")
    return Finding(keyword.lineno, _column(keyword, lines), WARNING, CATEGORY, "numpy.reshape(newshape=)",
                   "provided", message, entry.replacement, None, cell)


def _column(node, lines):
    """1-based character column (``col_offset`` counts UTF-8 bytes)."""
    if node.lineno > len(lines):
        return node.col_offset + 1
    return len(lines[node.lineno - 1].encode()[:node.col_offset].decode(errors="replace")) + 1
