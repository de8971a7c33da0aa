"""The scanner without its CLI: text, files or folders in, ``Finding``s per file out."""
import ast
import contextlib
import os
import re
import sys
from dataclasses import dataclass, field

from tf1compat.api.table import ERROR
from migration.scan import bindings as tf_bindings, legacy_stack, sources
from migration.scan.idioms import Finding, IdiomFinder

DEFAULT_TARGET = "2.21"
_END = (float("inf"), float("inf"), float("inf"))
_DEEP_ENOUGH = 5000
_NEWLINE = re.compile(r"\r\n|\r|\n")  # the line ends Python counts (str.splitlines knows more)


@dataclass
class FileResult:
    """The findings of one scanned file, in source order."""

    path: str
    findings: list = field(default_factory=list)


def scan_text(text, target=DEFAULT_TARGET, external=None):
    """The findings of one piece of Python source (what the tests assert on)."""
    return scan_units([sources.SourceUnit(text)], target, external)


def scan_units(units, target=DEFAULT_TARGET, external=None):
    """Findings of a .py file (one unit) or a notebook (one unit per code cell, sharing imports)."""
    with _recursion_limit(_DEEP_ENOUGH):
        try:
            return _scan_units(units, target, external)
        except RecursionError:
            # Generated code (a 5000-term sum) nests deeper than Python's own compiler allows.
            return [syntax_finding("nested too deeply for Python's parser (RecursionError)", 1, 1)]


def _scan_units(units, target, external):
    bindings = tf_bindings.Bindings()
    parsed, findings = [], []
    for index, unit in enumerate(units):
        try:
            tree = ast.parse(unit.text)
        except SyntaxError as error:
            findings.append(syntax_finding(error.msg, error.lineno or 1, error.offset or 1, unit.cell))
            continue
        tf_bindings.collect(tree, bindings, index, external)
        parsed.append((index, unit, tree))
    file_paths = set()
    for index, _, tree in parsed:
        file_paths |= bindings.referenced_paths(tree, index)
    for index, unit, tree in parsed:
        finder = IdiomFinder(bindings, index, target, unit.cell, file_paths, _NEWLINE.split(unit.text))
        findings.extend(finder.run(tree))
        findings.extend(legacy_stack.find(tree, unit.cell, finder.lines))
    return sorted(findings, key=lambda finding: (finding.cell or 0, finding.line, finding.col))


@contextlib.contextmanager
def _recursion_limit(limit):
    # The visitor recurses about twice per AST level; whatever Python compiles must scan.
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


_PY_COMPILE_FIX = "fix the syntax (python -m py_compile FILE shows it)"


def syntax_finding(why, line, col, cell=None, fix=_PY_COMPILE_FIX):
    """The finding for source that does not parse (the scan goes on with the next file or cell)."""
    unscanned = f"code cell {cell}" if cell else "the file"
    return Finding(line, col, ERROR, "syntax", "", "syntax",
                   f"does not parse: {why}; {unscanned} was not scanned for TF1 idioms; {fix}", cell=cell)


def scan_file(path, target=DEFAULT_TARGET):
    """The ``FileResult`` of one .py file or notebook.

    Raises:
        sources.ScanInputError: the file is unreadable or binary.
    """
    source = sources.read_source(path)
    if source.unreadable:
        return FileResult(path, [syntax_finding(source.unreadable, source.unreadable_line, 1,
                                                fix="re-save it from Jupyter")])
    return FileResult(path, scan_units(source.units, target, SiblingExports(path)))


def scan_paths(paths, target=DEFAULT_TARGET):
    """``FileResult``s of every .py file and notebook under ``paths``, in path order.

    Raises:
        sources.ScanInputError: a path is missing, unreadable, binary, or an empty folder.
    """
    return [scan_file(path, target) for path in sources.find_files(paths)]


class SiblingExports:
    """Resolves TensorFlow re-exported by a module next to the scanned file (an ``ExternalResolver``).

    ``from tfutil import tf`` where tfutil.py imports TensorFlow as ``tf``, and
    ``import tfutil as tf`` / ``from . import tfutil as tf`` where tfutil.py does
    ``from tensorflow.compat.v1 import *``. One level deep: the sibling's own imports count.
    """

    def __init__(self, path):
        self.folder = os.path.dirname(os.path.abspath(path))
        self._bindings = {}  # sibling file -> its Bindings (or None)

    def __call__(self, module, level, name):
        base = self.folder
        for _ in range(max(level - 1, 0)):
            base = os.path.dirname(base)
        if name is None:
            return self._star(base, module)
        bindings = self._module(base, module)
        path = bindings.path_of(name, _END) if bindings is not None else None
        return path if path is not None else self._star(base, f"{module}.{name}" if module else name)

    def _star(self, base, module):
        bindings = self._module(base, module)
        return bindings.star if bindings is not None else None

    def _module(self, base, module):
        if not module:
            return None
        for candidate in (os.path.join(base, *module.split(".")) + ".py",
                          os.path.join(base, *module.split("."), "__init__.py")):
            bindings = self._load(candidate)
            if bindings is not None:
                return bindings
        return None

    def _load(self, path):
        if path not in self._bindings:
            self._bindings[path] = None
            try:
                text = sources.decode_python(path, sources.read_bytes(path))
                self._bindings[path] = tf_bindings.collect(ast.parse(text))
            except (sources.ScanInputError, SyntaxError, ValueError, RecursionError):
                pass  # a sibling that does not read or parse exports nothing we can know
        return self._bindings[path]
