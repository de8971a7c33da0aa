"""Finds the TF1 idioms in one parsed Python file: an AST visitor driven by the API table."""
import ast
from dataclasses import dataclass
from typing import Optional

from tf1compat.api import table as api_table
from migration.scan import rules
from migration.scan.bindings import chain_of

_SHAPED_KEYS = frozenset(shape.key for shape in rules.CALL_SHAPES)


@dataclass(frozen=True)
class Finding:
    """One TF1 idiom at one place. ``col`` is 1-based; ``cell`` is the notebook code cell (1-based)."""

    line: int
    col: int
    severity: str
    category: str
    symbol: str  # e.g. "tf.contrib.layers.flatten", "feed_dict"
    kind: str  # api_table kind ("compat" | "provided" | "removed") or "syntax"
    message: str
    tf2: Optional[str] = None
    example: Optional[str] = None
    cell: Optional[int] = None


entry_for = api_table.governing_entry  # ``(key, Entry)`` governing a TF1 name; shared with the runtime


def _version(text):
    return tuple(int(part) for part in text.split("."))


def version_adjusted(key, entry, target):
    """``(severity, note)`` of ``entry`` when porting to TF version ``target`` (e.g. ``"2.21"``)."""
    severity, notes = entry.severity, []
    for change in rules.VERSION_CHANGES:
        if key not in change.keys:
            continue
        if change.before and not _version(target) < _version(change.before):
            continue
        if change.since and _version(target) < _version(change.since):
            continue
        severity = change.severity or severity
        notes.append(change.note)
    return severity, "; ".join(notes)


def describe(symbol, entry, why=None, note=""):
    """The finding message: the thing, why it needs work, the TF2 replacement, the worked example."""
    if why is None:
        why = {
            "compat": "is TF1 API (tf1compat runs it through tf.compat.v1)",
            "provided": f"was removed in TF2 (tf1compat provides it: {entry.shim})",
            "removed": f"is not provided by tf1compat: {entry.reason}",
        }[entry.kind]
        text = f"`{symbol}` {why}; TF2: {entry.tf2}"
    else:
        text = f"`{symbol}`: {why}; TF2: {entry.tf2}"
    if entry.example:
        text += f" (worked example: migration/{entry.example}.py)"
    return text + (f"; {note}" if note else "")


class IdiomFinder(ast.NodeVisitor):
    """Collects ``Finding``s for one module (or notebook cell) given its ``Bindings``."""

    def __init__(self, bindings, unit=0, target="2.21", cell=None, file_paths=frozenset(), lines=()):
        self.bindings = bindings
        self.lines = lines  # the source lines, to turn AST byte offsets into columns
        self.file_paths = file_paths  # every TF path the file references (Bindings.referenced_paths)
        self.unit = unit
        self.target = target
        self.cell = cell
        self.findings = []

    def run(self, tree):
        """Visit ``tree`` and return its findings, in source order, without duplicates."""
        for site in self.bindings.imports:
            if site.unit == self.unit:
                self._report_name(site.node, site.path, symbol_path=site.path)
        self.visit(tree)
        unique = {(f.line, f.col, f.category, f.symbol): f for f in self.findings}
        return sorted(unique.values(), key=lambda f: (f.line, f.col, f.symbol))

    def _position(self, node):
        return (self.unit, node.lineno, node.col_offset)

    def _add(self, node, key, entry, symbol, why=None):
        severity, note = version_adjusted(key, entry, self.target)
        self.findings.append(Finding(
            node.lineno, self._column(node), severity, entry.category, symbol, entry.kind,
            describe(symbol, entry, why, note), entry.tf2, entry.example, self.cell))

    def _column(self, node):
        """1-based character column (``col_offset`` counts UTF-8 bytes)."""
        if node.lineno > len(self.lines):
            return node.col_offset + 1
        return len(self.lines[node.lineno - 1].encode()[:node.col_offset].decode(errors="replace")) + 1

    def _report_name(self, node, path, symbol_path):
        match = entry_for(path) if path else None
        if match is None or match[0] in _SHAPED_KEYS:
            return
        key, entry = match
        # Show the governing name plus one level: `tf.contrib.layers.flatten`, `tf.app.flags.FLAGS`.
        depth = len(key.removesuffix(".*").split(".")) + 1
        symbol = "tf." + ".".join(symbol_path.split(".")[:depth])
        self._add(node, key, entry, symbol)

    def _visit_reference(self, node):
        position = self._position(node)
        path = self.bindings.path_of_expression(node, position)
        if path is None:
            self.generic_visit(node)
            return
        root = self.bindings.path_of(chain_of(node)[0], position)
        root_match = entry_for(root) if root else None
        if root_match is not None and root_match[1].kind == "compat":
            return  # an alias of a TF1 idiom: reported where the alias was made
        self._report_name(node, path, path)

    def visit_Attribute(self, node):
        self._visit_reference(node)

    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Load):
            self._visit_reference(node)

    def visit_Call(self, node):
        path = self.bindings.path_of_expression(node.func, self._position(node))
        if path is not None:
            self._check_call_shapes(node, path)
        if isinstance(node.func, ast.Attribute):
            self._check_method_shapes(node, node.func.attr)
        self.generic_visit(node)

    def _check_call_shapes(self, node, path):
        for shape in rules.CALL_SHAPES:
            if shape.key != path or self.file_paths.intersection(shape.unless_file_uses):
                continue
            where = _shape_site(node, shape.keyword, shape.position)
            if where is not None and shape.literal and where is not _keyword(node, shape.keyword):
                where = where if _is_literal(where, shape.literal) else None
            if where is None and shape.flag_unless_keyword is not None:
                has_it = (_keyword(node, shape.flag_unless_keyword) is not None
                          or (shape.unless_position is not None and len(node.args) > shape.unless_position))
                where = None if has_it else node
            if where is not None:
                self._add(where, shape.key, api_table.TABLE[shape.key], f"tf.{shape.key}", shape.message)

    def _check_method_shapes(self, node, method):
        for shape in rules.METHOD_SHAPES:
            if shape.method != method:
                continue
            where = _shape_site(node, shape.keyword, shape.dict_position, ast.Dict)
            if shape.keyword is None and shape.dict_position is None:
                where = node.func
            if where is not None:
                self._add(where, method, shape.entry, shape.symbol, shape.message)


def _is_literal(node, literal):
    """Whether ``node`` is an ``"int"`` literal (``0``, ``-1``) or a ``"bool list"`` literal (``[True, False]``)."""
    if literal == "bool list":
        return isinstance(node, (ast.List, ast.Tuple)) and bool(node.elts) and all(
            isinstance(element, ast.Constant) and isinstance(element.value, bool) for element in node.elts)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) is int


def _keyword(call, name):
    return next((keyword for keyword in call.keywords if keyword.arg == name), None)


def _shape_site(call, keyword, position, node_type=ast.AST):
    """The node of ``call`` that shows the shape: the keyword, or the positional argument."""
    if keyword is not None and _keyword(call, keyword) is not None:
        return _keyword(call, keyword)
    if position is not None and len(call.args) > position and isinstance(call.args[position], node_type):
        return call.args[position]
    return None
