"""Finds the 2018 stack's removed names in one parsed file: ``np.int``, ``scipy.misc.imread``,
``from sklearn.cross_validation import KFold``, ``df.as_matrix()``, ``hist(normed=True)``, ...

Driven by the legacy views' tables (``tf1compat.views.registry.table_modules``): one rule for every
package. Names under the package (``NAME``, ``MODULE`` entries) are found through the file's
imports; methods of the package's classes (``METHOD``, ``PROPERTY``) and removed keywords
(``KEYWORD``) by name in files that import the package, since the receiver's type is not known
(entries that are common words, ``append``/``getsize``, are left to the runner's ``--report``; a
method read on an imported module, ``ET.tostring(root)``, is that module's function, not a finding).
Under ``python -m tf1compat`` the legacy views provide them (kind ``provided``; category: the package), but for
the names a view lists in ``NOT_PROVIDED`` (gone data, behaviour not rebuilt): those are blockers (``removed``, ERROR).
"""
import ast
import functools

from tf1compat.api.table import ERROR, WARNING
from tf1compat.views import legacy_name as kinds
from tf1compat.views import registry
from migration.scan.idioms import Finding

_UNSCANNED_METHODS = frozenset({"append", "getsize", "hold", "get_value", "set_value", "value", "A", "H"})


@functools.lru_cache(maxsize=1)
def _rules():
    """``[(top, display, category, paths, methods, keywords, not_provided)]``, built once from the tables."""
    rules = []
    for top, module in registry.table_modules().items():
        paths, methods, keywords = {}, {}, {}
        for key, entry in getattr(module, "SCAN_TABLE", module.TABLE).items():
            kind = getattr(entry, "kind", kinds.NAME)
            if kind in (kinds.NAME, kinds.MODULE):
                paths[f"{top}.{key}"] = entry
            elif kind in (kinds.METHOD, kinds.PROPERTY) and key.rpartition(".")[2] not in _UNSCANNED_METHODS:
                methods.setdefault(key.rpartition(".")[2], (key, entry))
            elif kind == kinds.KEYWORD:
                keywords[_call_parts(key)] = (key, entry)
        for key, entry in getattr(module, "SCAN_KEYWORDS", {}).items():
            keywords[_call_parts(key)] = (f"{top}.{key}", entry)
        for key, entry in getattr(module, "SCAN_METHODS", {}).items():
            methods.setdefault(key.rpartition(".")[2], (key, entry))
        not_provided = frozenset(module.TABLE[key] for key in getattr(module, "NOT_PROVIDED", ()))
        rules.append((top, registry.DISPLAY.get(top, top), registry.CATEGORY.get(top, top), paths, methods,
                      keywords, not_provided))
    return rules


def _call_parts(key):
    """``"Axes.hist(normed=)"`` -> ``(False, "hist", "normed")``; ``"reshape(newshape=)"`` -> ``(True, ...)``: True
    when the function is the package's own (its receiver must be the package)."""
    function, _, keyword = key.partition("(")
    return "." not in function, function.rpartition(".")[2], keyword.rstrip("=)")


def find(tree, cell=None, lines=()):
    """The ``Finding``s of removed 2018-stack names in ``tree`` (``lines``: its source lines, for columns)."""
    findings = []
    for top, display, category, paths, methods, keywords, not_provided in _rules():
        aliases = _aliases(tree, top)
        if aliases:
            report = functools.partial(_finding, display, category, not_provided, cell, lines)
            findings.extend(_find_in(tree, top, aliases, paths, methods, keywords, report))
    return findings


def _aliases(tree, top):
    """Local name -> the dotted module path it stands for, from the imports of ``top`` (and its submodules)."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == top or alias.name.startswith(top + "."):
                    names[alias.asname or top] = alias.name if alias.asname else top
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and (
                node.module == top or node.module.startswith(top + ".")):
            names.update((alias.asname or alias.name, f"{node.module}.{alias.name}") for alias in node.names)
    return names


def _find_in(tree, top, aliases, paths, methods, keywords, report):
    modules = _imported_names(tree) if methods else set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield from _import_findings(node, top, paths, report)
        elif isinstance(node, ast.Attribute):
            dotted = _dotted(node, aliases)
            if dotted in paths:
                yield report(node, dotted, paths[dotted])
            elif dotted is None and node.attr in methods and not (
                    isinstance(node.value, ast.Name) and node.value.id in modules):
                yield report(node, *methods[node.attr])
        elif isinstance(node, ast.Call) and keywords:
            yield from _keyword_findings(node, aliases, top, keywords, report)


def _imported_names(tree):
    """The names the file's import statements bind (modules, or what ``from x import y`` brings)."""
    return {alias.asname or alias.name.partition(".")[0] for node in ast.walk(tree)
            if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names}


def _import_findings(node, top, paths, report):
    if isinstance(node, ast.Import):
        for alias in node.names:
            removed = _removed_prefix(alias.name, paths)
            if removed:
                yield report(alias, removed, paths[removed])
        return
    if node.level or not node.module or not (node.module == top or node.module.startswith(top + ".")):
        return
    removed = _removed_prefix(node.module, paths)
    if removed:
        yield report(node, removed, paths[removed])
        return
    for alias in node.names:
        dotted = f"{node.module}.{alias.name}"
        if dotted in paths:
            yield report(alias, dotted, paths[dotted])


def _removed_prefix(module, paths):
    parts = module.split(".")
    return next((".".join(parts[:depth]) for depth in range(2, len(parts) + 1)
                 if getattr(paths.get(".".join(parts[:depth])), "kind", None) == kinds.MODULE), None)


def _dotted(node, aliases):
    """``np.random.int`` -> ``"numpy.random.int"`` when ``np`` is an import alias, else None."""
    attributes = []
    while isinstance(node, ast.Attribute):
        attributes.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name) and node.id in aliases:
        return ".".join([aliases[node.id], *reversed(attributes)])
    return None


def _keyword_findings(call, aliases, top, keywords, report):
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    for keyword in call.keywords:
        for (own, function, removed), (key, entry) in keywords.items():
            if keyword.arg != removed or name != function:
                continue
            if own and not (_dotted(func, aliases) == f"{top}.{function}" or aliases.get(name) == f"{top}.{function}"):
                continue
            yield report(keyword, key, entry, keyword=removed)


def _finding(display, category, not_provided, cell, lines, node, symbol, entry, keyword=None):
    spelling = f"`{keyword}=` of {symbol.partition('(')[0]}" if keyword else f"`{symbol}`"
    if entry in not_provided:
        severity, kind, view = ERROR, "removed", f"tf1compat's legacy {display} view cannot provide it"
    else:
        severity, kind = WARNING, "provided"
        view = f"tf1compat's legacy {display} view {'accepts it' if keyword else 'provides it'}"
    message = f"{spelling} was removed in {display} {entry.removed_in} ({view}); now: {entry.replacement}"
    return Finding(node.lineno, _column(node, lines), severity, category, symbol, kind, message, entry.replacement,
                   None, cell)


def _column(node, lines):
    """1-based character column (``col_offset`` counts UTF-8 bytes)."""
    if node.lineno > len(lines):
        return node.col_offset + 1
    return len(lines[node.lineno - 1].encode()[:node.col_offset].decode(errors="replace")) + 1
