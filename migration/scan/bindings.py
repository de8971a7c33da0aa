"""Which local names of a Python file are bound to TensorFlow, and to which TF1 name.

``import tensorflow as tf`` binds ``tf`` to the root (``""``); ``from tensorflow.contrib
import rnn`` binds ``rnn`` to ``"contrib.rnn"``; ``layers = tf.contrib.layers`` binds
``layers`` to ``"contrib.layers"``. Paths are relative to ``tensorflow`` with
``compat.v1`` removed, because the TF1 API *is* ``tf.compat.v1``.
"""
import ast
import bisect
from dataclasses import dataclass, field
from typing import Callable, Optional

_V1 = "compat.v1"


def normalize(path):
    """``"compat.v1.layers.dense"`` -> ``"layers.dense"``; other paths unchanged."""
    if path == _V1:
        return ""
    if path.startswith(_V1 + "."):
        return path[len(_V1) + 1:]
    return path


def join(base, name):
    return f"{base}.{name}" if base else name


def chain_of(node):
    """``tf.contrib.layers`` -> ``("tf", ["contrib", "layers"])``; ``None`` if not a plain name chain."""
    attributes = []
    while isinstance(node, ast.Attribute):
        attributes.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return node.id, attributes[::-1]


@dataclass
class ImportSite:
    """One name an import statement binds to TensorFlow."""

    node: ast.AST  # the ``alias`` node (it carries the position)
    path: str
    unit: int  # the notebook cell (0 for a .py file)


@dataclass
class Bindings:
    """Name -> TF path, position-aware: a later ``import logging`` unbinds ``logging``.

    Positions are ``(unit, line, col)`` so notebook cells share one namespace.
    """

    _sites: dict = field(default_factory=dict)  # name -> sorted [(position, path or None)]
    imports: list = field(default_factory=list)  # [ImportSite], in source order
    star: Optional[str] = None  # path of `from tensorflow... import *`, what the module re-exports

    def bind(self, name, position, path):
        if path is None and name not in self._sites:
            return  # unbinding a name TF never bound
        sites = self._sites.setdefault(name, [])
        bisect.insort(sites, (position, path), key=lambda site: site[0])

    def path_of(self, name, position):
        """The TF path ``name`` is bound to at ``position``, or ``None``."""
        sites = self._sites.get(name)
        if not sites:
            return None
        index = bisect.bisect_right(sites, position, key=lambda site: site[0])
        return sites[index - 1][1] if index else None

    def path_of_expression(self, node, position):
        """The TF path of a name chain such as ``tf.train.Saver``, or ``None``."""
        chain = chain_of(node)
        if chain is None:
            return None
        base = self.path_of(chain[0], position)
        if base is None:
            return None
        return normalize(".".join([base, *chain[1]]) if base else ".".join(chain[1]))

    def referenced_paths(self, tree, unit=0):
        """The TF paths of every name chain in ``tree`` (``{"summary.create_file_writer", ...}``)."""
        paths = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.Attribute, ast.Name)):
                path = self.path_of_expression(node, (unit, node.lineno, node.col_offset))
                if path:
                    paths.add(path)
        return paths


# (module, level, name) -> the TF path a sibling module exports under ``name`` (or, for
# name None, the module itself re-exports with a star import), or None.
ExternalResolver = Callable[[str, int, str], Optional[str]]


def collect(tree, bindings=None, unit=0, external=None):
    """Add the bindings made by ``tree`` (imports and alias assignments, in source order).

    Args:
        tree: an ``ast.Module``.
        bindings: the ``Bindings`` to extend (notebook cells share one); new if ``None``.
        unit: the cell index, for positions.
        external: an ``ExternalResolver`` for ``from sibling import tf`` re-exports.

    Returns:
        The ``Bindings``.
    """
    bindings = bindings if bindings is not None else Bindings()
    statements = [node for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom, ast.Assign))]
    for node in sorted(statements, key=lambda node: (node.lineno, node.col_offset)):
        position = (unit, node.lineno, node.col_offset)
        if isinstance(node, ast.Import):
            _bind_import(node, bindings, position, external)
        elif isinstance(node, ast.ImportFrom):
            _bind_import_from(node, bindings, position, external)
        elif len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            # Only TF values bind: `except ImportError: tf = None` must not unbind `tf` for the
            # code after the try statement, which runs with the import that succeeded.
            path = bindings.path_of_expression(node.value, position)
            if path is not None:
                bindings.bind(node.targets[0].id, (unit, node.end_lineno, node.end_col_offset), path)
    return bindings


def _bind_import(node, bindings, position, external):
    for alias in node.names:
        module = alias.name
        is_tf = module == "tensorflow" or module.startswith("tensorflow.")
        if not is_tf:
            # `import tfutil as tf`, where tfutil.py next to the file does `from tensorflow import *`.
            star = external(module, 0, None) if external and (alias.asname or "." not in module) else None
            bindings.bind(alias.asname or module.partition(".")[0], position, star)
        elif alias.asname is None:
            bindings.bind("tensorflow", position, "")  # `import tensorflow.contrib.slim` binds only the top name
        else:
            path = normalize(module[len("tensorflow."):]) if module != "tensorflow" else ""
            bindings.bind(alias.asname, position, path)
            bindings.imports.append(ImportSite(alias, path, position[0]))


def _bind_import_from(node, bindings, position, external):
    module = node.module or ""
    is_tf = node.level == 0 and (module == "tensorflow" or module.startswith("tensorflow."))
    base = normalize(module[len("tensorflow."):]) if module.startswith("tensorflow.") else ""
    for alias in node.names:
        if alias.name == "*":
            if is_tf and bindings.star is None:
                bindings.star = base
            continue
        local = alias.asname or alias.name
        if is_tf:
            path = normalize(join(base, alias.name))
            bindings.imports.append(ImportSite(alias, path, position[0]))
        else:
            path = external(module, node.level, alias.name) if external else None
        bindings.bind(local, position, path)
