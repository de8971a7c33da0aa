"""What else the user names legacy: ``--legacy``/``--legacy-package`` and ``[tool.tf1compat]`` in ``pyproject.toml``.

``pyproject.toml`` is found by walking up from the script's folder to the first one
with a ``[tool.tf1compat]`` table::

    [tool.tf1compat]
    legacy-paths = ["../lib", "research/slim"]   # folders, relative to this file
    legacy-packages = ["oldtfhelpers"]           # packages or installed distributions

Options add to the file's lists. Every entry is checked before the script runs; a bad
one raises ``LegacyScopeError`` (one line: the thing, why, the fix).
"""
import os

from tf1compat.scope import distributions, roots

KEYS = {"legacy-paths": "folders", "legacy-packages": "packages"}
CLI_LABELS = {"paths": "--legacy {}", "packages": "--legacy-package {}"}
KEYWORD_LABELS = {"paths": "legacy_paths entry {}", "packages": "legacy_packages entry {}"}


class LegacyScopeError(ValueError):
    """A folder, package or ``pyproject.toml`` naming the legacy scope is wrong: one line, with the fix."""


def apply(start_dir, legacy_paths=(), legacy_packages=(), labels=None):
    """Add the ``pyproject.toml`` lists found from ``start_dir`` up, then the given ones, to the legacy scope.

    Args:
        start_dir: the script's folder (where the walk up to ``pyproject.toml`` starts), or ``None``.
        legacy_paths: folders (relative to the working directory) to make legacy.
        legacy_packages: package or distribution names to make legacy.
        labels: how to name a given entry in errors (``CLI_LABELS`` or ``KEYWORD_LABELS``).

    Raises:
        LegacyScopeError: a missing folder, an unknown package, a malformed ``pyproject.toml``.
    """
    labels = labels or CLI_LABELS
    chosen = []  # (kind, value, reason, label) checked first, added after: a bad entry adds nothing
    pyproject = find_pyproject(start_dir) if start_dir else None
    if pyproject:
        chosen.extend(read_pyproject(pyproject))
    chosen.extend(("paths", os.path.abspath(path), "--legacy", f"`{labels['paths'].format(path)}`")
                  for path in legacy_paths)
    chosen.extend(("packages", name, f"--legacy-package {name}", f"`{labels['packages'].format(name)}`")
                  for name in legacy_packages)
    resolved = [(_resolve(kind, value, label), reason) for kind, value, reason, label in chosen]
    for locations, reason in resolved:
        for location in locations:
            roots.add(location, reason)


def find_pyproject(start_dir):
    """The nearest ``pyproject.toml`` at or above ``start_dir`` with a ``[tool.tf1compat]`` table, or ``None``."""
    folder = os.path.abspath(start_dir)
    while True:
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate) and "tool.tf1compat" in _read_text(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def read_pyproject(path):
    """``[(kind, value, reason, label)]`` from ``path``'s ``[tool.tf1compat]`` table (folders made absolute)."""
    table = _parse(path).get("tool", {}).get("tf1compat", {})
    where = f"`{path}` [tool.tf1compat]"
    if not isinstance(table, dict):
        raise LegacyScopeError(f"{where} is not a table; write it as a [tool.tf1compat] section")
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise LegacyScopeError(f"{where} has unknown key `{unknown[0]}`; known keys: {', '.join(sorted(KEYS))}")
    folder = os.path.dirname(path)
    entries = []
    for key, kind in KEYS.items():
        values = table.get(key, [])
        if not isinstance(values, list) or not all(isinstance(value, str) and value for value in values):
            raise LegacyScopeError(f'{where} {key} must be a list of names; e.g. {key} = ["{_EXAMPLES[kind]}"]')
        for value in values:
            label = f"{where} {key} entry `{value}`"
            if kind == "folders":
                entries.append(("paths", os.path.normpath(os.path.join(folder, value)),
                                f"pyproject.toml legacy-paths ({path})", label))
            else:
                entries.append(("packages", value, f"pyproject.toml legacy-packages ({path})", label))
    return entries


_EXAMPLES = {"folders": "../lib", "packages": "oldtfhelpers"}


def _resolve(kind, value, label):
    if kind == "paths":
        if not os.path.isdir(value):
            why = "is a file" if os.path.isfile(value) else "does not exist"
            raise LegacyScopeError(f"{label}: the folder `{value}` {why}; give an existing folder of TF1 code "
                                   "(relative paths in pyproject.toml are relative to that file)")
        return [value]
    if distributions.is_never_legacy(value):
        raise LegacyScopeError(f"{label}: `{value}` must keep its real API (TensorFlow and tf1compat use it); "
                               "name the package whose code uses the TF1 API")
    locations = distributions.package_locations(value)
    if not locations:
        raise LegacyScopeError(f"{label}: no importable package or installed distribution is named `{value}`; "
                               f"check the spelling (pip show {value}), or name its folder with --legacy DIR")
    return locations


def _parse(path):
    try:
        import tomllib
    except ImportError:  # Python 3.10
        try:
            import tomli as tomllib
        except ImportError:
            raise LegacyScopeError(f"`{path}` cannot be read on Python 3.10 without `tomli`; pip install tomli, "
                                   "or use --legacy/--legacy-package") from None
    try:
        return tomllib.loads(_read_text(path))
    except tomllib.TOMLDecodeError as error:
        raise LegacyScopeError(f"`{path}` is not valid TOML ({error}); fix it, or remove its [tool.tf1compat] "
                               "table and use --legacy/--legacy-package") from None


def _read_text(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return ""
