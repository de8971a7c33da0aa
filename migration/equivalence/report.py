"""``Report``: legacy and migrated outputs compared with explicit tolerances, one line each.

Typical use (one legacy process per check; TF1 graph mode is process-global)::

    legacy = run_legacy_many("old/model.py", [("export_weights", (), {}), ("logits", (batch,), {})])
    weights, legacy_logits = legacy
    assign_variables(model, weights, {"conv1/w": "conv/kernel", ...})
    report = Report()
    report.compare("logits", legacy_logits, model(batch))       # rtol 1e-6, atol 1e-5
    report.compare_exact("files", legacy_bytes, migrated_bytes)
    print(report)            # "2 outputs compared, 0 mismatches" + one line per output
"""
from dataclasses import dataclass
from typing import Optional

import numpy as np

__all__ = ["Comparison", "Report", "DEFAULT_RTOL", "DEFAULT_ATOL", "first_difference"]

DEFAULT_RTOL = 1e-6
DEFAULT_ATOL = 1e-5
_NUMERIC_KINDS = "biufc"


@dataclass(frozen=True)
class Comparison:
    """One compared output: numeric (``kind="allclose"``) or exact (``kind="exact"``)."""

    name: str
    kind: str
    ok: bool
    max_abs: Optional[float] = None
    max_rel: Optional[float] = None
    rtol: Optional[float] = None
    atol: Optional[float] = None
    legacy_shape: Optional[tuple] = None
    migrated_shape: Optional[tuple] = None
    detail: str = ""

    def line(self):
        """The report line: ``  name: max abs 1.2e-07 (atol 1e-05), max rel ... OK``."""
        verdict = "OK" if self.ok else "MISMATCH"
        if self.kind == "allclose" and self.max_abs is not None:
            text = (f"max abs {self.max_abs:.1e} (atol {self.atol:g}), "
                    f"max rel {self.max_rel:.1e} (rtol {self.rtol:g})")
        else:
            text = ""
        text = "; ".join(filter(None, [text, self.detail]))
        return f"  {self.name}: {text} {verdict}"


class Report:
    """The outputs compared so far; ``str(report)`` starts ``N outputs compared, M mismatches``."""

    def __init__(self):
        self.comparisons = []

    @property
    def mismatches(self):
        return sum(not comparison.ok for comparison in self.comparisons)

    @property
    def ok(self):
        """No mismatch (a report with nothing compared is vacuously ok: check ``comparisons``)."""
        return self.mismatches == 0

    def add(self, comparison):
        self.comparisons.append(comparison)
        return comparison

    def extend(self, other, prefix=""):
        """Append ``other``'s comparisons, their names prefixed with ``prefix``."""
        for comparison in other.comparisons:
            self.add(_renamed(comparison, prefix + comparison.name))
        return self

    def compare(self, name, legacy, migrated, rtol=DEFAULT_RTOL, atol=DEFAULT_ATOL):
        """Compare numbers: shapes equal and ``|migrated - legacy| <= atol + rtol * |legacy|``.

        The legacy value is the reference (``np.testing.assert_allclose(migrated, legacy)``);
        NaN never matches. Accepts arrays, tensors, scalars and nested lists.
        """
        legacy_array, migrated_array = _as_numeric(name, legacy), _as_numeric(name, migrated)
        shapes = dict(legacy_shape=legacy_array.shape, migrated_shape=migrated_array.shape,
                      rtol=rtol, atol=atol)
        if legacy_array.shape != migrated_array.shape:
            return self.add(Comparison(name, "allclose", False, **shapes, detail=(
                f"shape {legacy_array.shape} (legacy) vs {migrated_array.shape} (migrated)")))
        if legacy_array.size == 0:
            return self.add(Comparison(name, "allclose", True, 0.0, 0.0, **shapes, detail="empty"))
        legacy_values = legacy_array.astype(np.complex128 if legacy_array.dtype.kind == "c" else np.float64)
        reference = np.abs(legacy_values)
        difference = np.abs(migrated_array - legacy_values)
        excess = difference - (atol + rtol * reference)
        ok = bool(np.all(excess <= 0))  # NaN compares False: never ok
        with np.errstate(divide="ignore", invalid="ignore"):
            relative = np.where(difference == 0, 0.0, difference / reference)
        detail = "" if ok else _worst_element(legacy_array, migrated_array, excess)
        return self.add(Comparison(name, "allclose", ok, _nanmax(difference), _nanmax(relative),
                                   **shapes, detail=detail))

    def compare_exact(self, name, legacy, migrated):
        """Compare exactly: bytes, str, ints, arrays, and lists/tuples/dicts of them (order matters)."""
        difference = first_difference(legacy, migrated)
        size = _item_count(legacy)
        detail = f"exact, {size} item(s) equal" if difference is None else f"exact, differs {difference}"
        return self.add(Comparison(name, "exact", difference is None, detail=detail))

    def compare_each(self, name, legacy, migrated, rtol=DEFAULT_RTOL, atol=DEFAULT_ATOL):
        """Compare two dicts of arrays key by key (``name/key``), after checking they have the same keys."""
        if set(legacy) != set(migrated):
            self.compare_exact(f"{name} keys", sorted(legacy), sorted(migrated))
        for key in legacy:
            if key in migrated:
                self.compare(f"{name}/{key}", legacy[key], migrated[key], rtol=rtol, atol=atol)
        return self

    def __str__(self):
        lines = [f"{len(self.comparisons)} outputs compared, {self.mismatches} mismatches"]
        lines += [comparison.line() for comparison in self.comparisons]
        return "\n".join(lines)

    def __repr__(self):
        return f"<Report {len(self.comparisons)} outputs compared, {self.mismatches} mismatches>"


def first_difference(legacy, migrated, where=""):
    """Describe where two values first differ exactly (``None`` if equal)."""
    if isinstance(legacy, dict) or isinstance(migrated, dict):
        return _dict_difference(legacy, migrated, where)
    if isinstance(legacy, (bytes, str)) or isinstance(migrated, (bytes, str)):
        return _text_difference(legacy, migrated, where)
    if _is_array(legacy) or _is_array(migrated):
        return _array_difference(np.asarray(legacy), np.asarray(migrated), where)
    if isinstance(legacy, (list, tuple)) and isinstance(migrated, (list, tuple)):
        for index, (left, right) in enumerate(zip(legacy, migrated)):
            found = first_difference(left, right, f"{where}[{index}]")
            if found:
                return found
        if len(legacy) != len(migrated):
            return f"at {where or 'top'}: length {len(legacy)} (legacy) vs {len(migrated)} (migrated)"
        return None
    if type(legacy) is not type(migrated) and not _both_numbers(legacy, migrated):
        return f"at {where or 'top'}: {type(legacy).__name__} (legacy) vs {type(migrated).__name__} (migrated)"
    return None if legacy == migrated else f"at {where or 'top'}: {_short(legacy)} (legacy) vs {_short(migrated)} (migrated)"


def _dict_difference(legacy, migrated, where):
    if not (isinstance(legacy, dict) and isinstance(migrated, dict)):
        return f"at {where or 'top'}: {type(legacy).__name__} (legacy) vs {type(migrated).__name__} (migrated)"
    only_legacy, only_migrated = sorted(map(str, set(legacy) - set(migrated))), sorted(map(str, set(migrated) - set(legacy)))
    if only_legacy or only_migrated:
        return f"at {where or 'top'}: keys only in legacy {only_legacy}, only in migrated {only_migrated}"
    for key in legacy:
        found = first_difference(legacy[key], migrated[key], f"{where}[{key!r}]")
        if found:
            return found
    return None


def _text_difference(legacy, migrated, where):
    if type(legacy) is not type(migrated):
        return f"at {where or 'top'}: {type(legacy).__name__} (legacy) vs {type(migrated).__name__} (migrated)"
    if legacy == migrated:
        return None
    offset = next((i for i, (a, b) in enumerate(zip(legacy, migrated)) if a != b), min(len(legacy), len(migrated)))
    unit = "byte" if isinstance(legacy, bytes) else "character"
    return (f"at {where or 'top'}: first {unit} {offset} differs "
            f"(lengths {len(legacy)} legacy, {len(migrated)} migrated)")


def _array_difference(legacy, migrated, where):
    if legacy.shape != migrated.shape:
        return f"at {where or 'top'}: shape {legacy.shape} (legacy) vs {migrated.shape} (migrated)"
    unequal = np.argwhere(legacy != migrated) if legacy.shape else ([()] if legacy != migrated else [])
    if len(unequal) == 0:
        return None
    index = tuple(int(i) for i in unequal[0])
    return (f"at {where}{list(index) if index else ''}: {_short(legacy[index])} (legacy) vs "
            f"{_short(migrated[index])} (migrated), {len(unequal)} element(s) differ")


def _worst_element(legacy, migrated, excess):
    nan = np.isnan(excess)  # a NaN is the worst element there is
    flat = int(np.flatnonzero(nan)[0]) if nan.any() else int(np.argmax(excess))
    index = np.unravel_index(flat, excess.shape) if excess.shape else ()
    index = tuple(int(i) for i in index)
    return f"worst at {list(index)}: {_short(legacy[index])} (legacy) vs {_short(migrated[index])} (migrated)"


def _as_numeric(name, value):
    array = np.asarray(value.numpy() if hasattr(value, "numpy") else value)
    if array.dtype.kind not in _NUMERIC_KINDS:
        raise TypeError(f"`{name}`: compare() takes numbers, got {array.dtype}; use compare_exact() "
                        "for bytes, strings and other exact values")
    return array


def _nanmax(values):
    return float(np.nan) if np.isnan(values).any() else float(np.max(values))


def _is_array(value):
    return isinstance(value, (np.ndarray, np.generic)) or hasattr(value, "numpy")


def _both_numbers(left, right):
    return isinstance(left, (int, float, complex, np.number)) and isinstance(right, (int, float, complex, np.number))


def _item_count(value):
    if _is_array(value):
        return int(np.size(value))
    return len(value) if hasattr(value, "__len__") else 1


def _short(value, limit=40):
    text = repr(value.tolist() if isinstance(value, (np.ndarray, np.generic)) else value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _renamed(comparison, name):
    fields = dict(comparison.__dict__)
    fields["name"] = name
    return Comparison(**fields)
