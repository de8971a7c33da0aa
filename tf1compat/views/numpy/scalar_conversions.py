"""Size-1 array -> Python scalar conversions as NumPy 1.x did them, inside the legacy scope only.

NumPy 2 raises ``TypeError: only 0-dimensional arrays can be converted to Python scalars`` in
``ndarray.__int__`` / ``__float__`` / ``__complex__``. Those are slots of a C type that Python
cannot change (``numpy.ndarray`` is immutable), and changing them would change every library
too. So the legacy scope compiles its own files with each call ``int(x)`` / ``float(x)`` /
``complex(x)`` of one argument rewritten to ``int(__tf1compat_scalar__(x))``: a size-1 ndarray
with ndim > 0 becomes its 0-d view (as NumPy 1.x converted it), anything else passes through
unchanged. The helper is a builtin (a new name, so code that runs the compiled module with its
own globals, as ``runpy`` does, finds it). Files outside the scope are compiled and cached by
Python as usual; the rewritten code is never written to ``__pycache__``. The same compilation also
rewrites reads of the ndarray methods NumPy 2 removed (``array_methods``).
"""
import ast
import builtins
import importlib.machinery
import sys

import numpy

from tf1compat.views.numpy import array_methods
from tf1compat.views.numpy import namespace as numpy_view

HELPER = "__tf1compat_scalar__"
_CONVERSIONS = frozenset({"int", "float", "complex"})


def to_scalar(value):
    """``value``, or its 0-d view if it is a size-1 ndarray with ndim > 0 (counted for ``--report``)."""
    if isinstance(value, numpy.ndarray) and value.ndim and value.size == 1:
        numpy_view.record(numpy_view.SIZE1)
        return value.reshape(())
    return value


class _ConversionCalls(ast.NodeTransformer):
    def visit_Call(self, node):  # pylint: disable=invalid-name
        self.generic_visit(node)
        if (isinstance(node.func, ast.Name) and node.func.id in _CONVERSIONS and len(node.args) == 1
                and not node.keywords and not isinstance(node.args[0], (ast.Starred, ast.Constant))):
            argument = node.args[0]
            node.args[0] = ast.copy_location(ast.Call(ast.Name(HELPER, ast.Load()), [argument], []), argument)
        return node


def conversion_rewriter():
    """The rewrite as an ``ast.NodeTransformer`` (IPython's ``shell.ast_transformers`` apply it to notebook cells)."""
    return _ConversionCalls()


def compile_source(source, filename):
    """Compile a legacy-scope file (``source``: str or bytes) with its scalar conversions and removed ndarray
    methods rewritten."""
    tree = array_methods.method_rewriter().visit(_ConversionCalls().visit(ast.parse(source, filename)))
    return compile(ast.fix_missing_locations(tree), filename, "exec", dont_inherit=True)


class LegacySourceLoader(importlib.machinery.SourceFileLoader):
    """Loads a legacy-scope file through ``compile_source``, never from or to ``__pycache__``."""

    def get_code(self, fullname):
        return compile_source(self.get_data(self.path), self.path)


class LegacySourceFinder:
    """A ``sys.meta_path`` finder: Python's own path finder, with the legacy scope's files given our loader."""

    def __init__(self, in_scope):
        self._in_scope = in_scope

    def find_spec(self, fullname, path=None, target=None):
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if (spec is not None and type(spec.loader) is importlib.machinery.SourceFileLoader  # pylint: disable=unidiomatic-typecheck
                and self._in_scope(spec.origin)):
            spec.loader = LegacySourceLoader(spec.loader.name, spec.loader.path)
        return spec


def install(in_scope):
    """Make the helper a builtin and put a ``LegacySourceFinder`` before Python's path finder (once)."""
    setattr(builtins, HELPER, to_scalar)
    setattr(builtins, array_methods.HELPER, array_methods.attribute)
    if any(isinstance(finder, LegacySourceFinder) for finder in sys.meta_path):
        return
    index = sys.meta_path.index(importlib.machinery.PathFinder) if importlib.machinery.PathFinder in sys.meta_path \
        else len(sys.meta_path)
    sys.meta_path.insert(index, LegacySourceFinder(in_scope))


def uninstall():
    """Remove the finder and the helper (for ``legacy_scope.deactivate``)."""
    for helper in (HELPER, array_methods.HELPER):
        if hasattr(builtins, helper):
            delattr(builtins, helper)
    sys.meta_path[:] = [finder for finder in sys.meta_path if not isinstance(finder, LegacySourceFinder)]
