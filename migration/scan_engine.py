"""The scanner without its CLI: text, files or folders in, ``Finding``s per file out."""
import ast
import os
from dataclasses import dataclass, field

from tf1compat.api_table import ERROR
from migration import scan_sources, tf_bindings
from migration.idiom_finder import Finding, IdiomFinder

DEFAULT_TARGET = "2.21"
_END = (float("inf"), float("inf"), float("inf"))


@dataclass
class FileResult:
    """The findings of one scanned file, in source order."""

    path: str
    findings: list = field(default_factory=list)


def scan_text(text, target=DEFAULT_TARGET, external=None):
    """The findings of one piece of Python source (what the tests assert on)."""
    return scan_units([scan_sources.SourceUnit(text)], target, external)


def scan_units(units, target=DEFAULT_TARGET, external=None):
    """Findings of a .py file (one unit) or a notebook (one unit per code cell, sharing imports)."""
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
        findings.extend(IdiomFinder(bindings, index, target, unit.cell, file_paths).run(tree))
    return sorted(findings, key=lambda finding: (finding.cell or 0, finding.line, finding.col))


def syntax_finding(why, line, col, cell=None):
    return Finding(line, col, ERROR, "syntax", "", "syntax",
                   f"does not parse: {why}; the file was not scanned for TF1 idioms; "
                   "fix the syntax (python -m py_compile FILE shows it)", cell=cell)


def scan_file(path, target=DEFAULT_TARGET):
    """The ``FileResult`` of one .py file or notebook.

    Raises:
        scan_sources.ScanInputError: the file is unreadable or binary.
    """
    source = scan_sources.read_source(path)
    if source.unreadable:
        return FileResult(path, [syntax_finding(source.unreadable, source.unreadable_line, 1)])
    return FileResult(path, scan_units(source.units, target, SiblingExports(path)))


def scan_paths(paths, target=DEFAULT_TARGET):
    """``FileResult``s of every .py file and notebook under ``paths``, in path order.

    Raises:
        scan_sources.ScanInputError: a path is missing, unreadable, binary, or an empty folder.
    """
    return [scan_file(path, target) for path in scan_sources.find_files(paths)]


class SiblingExports:
    """Resolves ``from tfutil import tf`` (a re-export from a module next to the file).

    Only one level deep: the sibling's own imports of TensorFlow count, its re-exports do not.
    """

    def __init__(self, path):
        self.folder = os.path.dirname(os.path.abspath(path))
        self._bindings = {}  # sibling file -> its Bindings (or None)

    def __call__(self, module, level, name):
        base = self.folder
        for _ in range(max(level - 1, 0)):
            base = os.path.dirname(base)
        candidates = [os.path.join(base, *module.split(".")) + ".py",
                      os.path.join(base, *module.split("."), "__init__.py")] if module else []
        for candidate in candidates:
            bindings = self._load(candidate)
            if bindings is not None:
                return bindings.path_of(name, _END)
        return None

    def _load(self, path):
        if path not in self._bindings:
            self._bindings[path] = None
            try:
                text = scan_sources.decode_python(path, scan_sources.read_bytes(path))
                self._bindings[path] = tf_bindings.collect(ast.parse(text))
            except (scan_sources.ScanInputError, SyntaxError, ValueError):
                pass  # a sibling that does not read or parse exports nothing we can know
        return self._bindings[path]
