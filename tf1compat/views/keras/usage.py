"""What Keras 2.2 names and conversions the run used, for ``python -m tf1compat --report``."""
import collections
import os
import sys

_uses = collections.Counter()  # table.TABLE key -> uses
_sites = collections.defaultdict(set)  # key -> {(file, line)}


def record(name, depth=2):
    """Count one use of the Keras 2.2 spelling ``name`` by the code ``depth`` frames up."""
    _uses[name] += 1
    try:
        frame = sys._getframe(depth)
    except ValueError:
        return
    _sites[name].add((frame.f_code.co_filename, frame.f_lineno))


def uses():
    """``{name: uses}`` of the Keras 2.2 spellings used so far."""
    return dict(_uses)


def report_lines():
    """One ``--report`` line per Keras 2.2 name or conversion the run used."""
    from tf1compat.views.keras.table import TABLE

    lines = []
    for name in sorted(_uses):
        entry = TABLE.get(name)
        removed = f"[gone since {entry.removed_in}] -> {entry.replacement}" if entry else ""
        lines.append(f"  {name:<40} {_uses[name]:>4}x  {removed} (first at {_first_site(name)})")
    return lines


def _first_site(name):
    if not _sites[name]:
        return "?"
    filename, line = min(_sites[name])
    relative = os.path.relpath(filename) if os.path.isabs(filename) else filename
    return f"{filename if relative.startswith('..') else relative}:{line}"
