"""Infer which TF1 checkpoint variable feeds which TF2 variable: names, then shapes, then creation order."""
import re
from dataclasses import dataclass, field

import numpy as np

# TF1 optimizers store slots as `<variable>/<Optimizer>[_N]` and a few top-level
# counters; none of them is part of the model.
OPTIMIZER_SLOT = re.compile(
    r"(/(Adam|Momentum|RMSProp|Adagrad|AdagradDA|Adadelta|Ftrl|Nadam|AdaMax|ProximalAdagrad)(_\d+)?$)"
    r"|(^(.*/)?(beta1_power|beta2_power|global_step)(_\d+)?$)")

# Name components that mean the same thing in TF1 and TF2 code.
COMPONENT_SYNONYMS = {"weights": "kernel", "weight": "kernel", "w": "kernel",
                      "biases": "bias", "b": "bias"}
# Scope suffixes TF1 code appended to layer names (`dense_1_vars/weights`).
SCOPE_SUFFIXES = ("_vars", "_variables")


@dataclass(frozen=True)
class VariableSpec:
    """One variable as either side names it."""

    name: str
    shape: tuple
    dtype: str
    order: int = 0  # creation order when known, else listing order

    def describe(self):
        return f"`{self.name}` {list(self.shape)} {self.dtype}"


@dataclass(frozen=True)
class Match:
    """Checkpoint variable `source` feeds model variable `target`; `how` says why."""

    source: VariableSpec
    target: VariableSpec
    how: str  # "name map" | "name" | "shape" | "creation order"


@dataclass(frozen=True)
class Problem:
    """One reason the checkpoint does not fit the model."""

    kind: str  # "missing" | "unexpected" | "mis-shaped" | "mis-typed" | "bad name_map"
    detail: str

    def __str__(self):
        return f"{self.kind}: {self.detail}"


@dataclass
class Mapping:
    """The outcome of matching: what matched, what was skipped, what is wrong."""

    matches: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    problems: list = field(default_factory=list)


def is_optimizer_slot(name):
    """True for TF1 optimizer state (`w/Adam_1`, `beta1_power`, `global_step`)."""
    return bool(OPTIMIZER_SLOT.search(strip_output_index(name)))


def strip_output_index(name):
    """`scope/w:0` -> `scope/w` (GCN-style Savers keyed by `var.name` keep the `:0`)."""
    return re.sub(r":\d+$", "", name)


def variable_name(variable):
    """A TF2 variable's name as users see it: Keras ``path`` if it has one, else its name without `:0`."""
    return getattr(variable, "path", None) or strip_output_index(getattr(variable, "name", "?") or "?")


def numpy_dtype(dtype):
    """TF DType, Keras dtype string or numpy dtype -> numpy dtype."""
    return np.dtype(getattr(dtype, "as_numpy_dtype", dtype))


def normalised_keys(names):
    """Comparable keys for ``names``: synonyms unified, shared leading scopes dropped."""
    split = [[_normalise_component(part) for part in strip_output_index(n).split("/")] for n in names]
    shared = 0
    while split and all(len(parts) > shared + 1 for parts in split) and \
            len({parts[shared] for parts in split}) == 1:
        shared += 1
    return {name: tuple(parts[shared:]) for name, parts in zip(names, split)}


def _normalise_component(part):
    for suffix in SCOPE_SUFFIXES:
        if part.endswith(suffix) and len(part) > len(suffix):
            part = part[:-len(suffix)]
    return COMPONENT_SYNONYMS.get(part.lower(), part.lower())


def infer_mapping(checkpoint, model, name_map=None, include_optimizer=False, orders_known=True):
    """Match checkpoint variables to model variables.

    Args:
        checkpoint: ``VariableSpec`` list of the TF1 checkpoint.
        model: ``VariableSpec`` list of the TF2 model.
        name_map: optional ``{checkpoint name: model name or None}``; None skips it.
        include_optimizer: keep optimizer slots instead of skipping them.
        orders_known: both sides' ``order`` is creation order (enables the last step).

    Returns:
        A ``Mapping``; its ``problems`` list every mismatch at once.
    """
    result = Mapping()
    sources = []
    for spec in checkpoint:
        if not include_optimizer and is_optimizer_slot(spec.name) and spec.name not in (name_map or {}):
            result.skipped.append(spec)
        else:
            sources.append(spec)
    targets = list(model)
    _match_explicit(sources, targets, name_map or {}, result)
    _match_names(sources, targets, result)
    _match_unique_shapes(sources, targets, result)
    if orders_known:
        _match_creation_order(sources, targets, result)
    _report_leftovers(sources, targets, result)
    return result


def _take(sources, targets, source, target, how, result):
    sources.remove(source)
    targets.remove(target)
    if source.shape != target.shape:
        result.problems.append(Problem("mis-shaped", f"checkpoint {source.describe()} vs model {target.describe()}"))
    elif source.dtype != target.dtype:
        result.problems.append(Problem("mis-typed", f"checkpoint {source.describe()} vs model {target.describe()}"))
    else:
        result.matches.append(Match(source, target, how))


def _match_explicit(sources, targets, name_map, result):
    by_source = {strip_output_index(s.name): s for s in sources}
    by_source.update({s.name: s for s in sources})
    for source_name, target_name in name_map.items():
        source = by_source.get(source_name)
        if source is None:
            result.problems.append(Problem("bad name_map", f"`{source_name}` is not in the checkpoint"))
            continue
        if target_name is None:
            sources.remove(source)
            result.skipped.append(source)
            continue
        target = next((t for t in targets if target_name in (t.name, strip_output_index(t.name))), None)
        if target is None:
            sources.remove(source)  # reported here; never guessed a home by the later steps
            result.problems.append(Problem("bad name_map", f"`{source_name}` maps to `{target_name}`, "
                                                           "which is not a variable of the model"))
            continue
        _take(sources, targets, source, target, "name map", result)


def _match_names(sources, targets, result):
    source_keys = normalised_keys([s.name for s in sources])
    target_keys = normalised_keys([t.name for t in targets])
    for exact in (True, False):
        for source in list(sources):
            key = source_keys[source.name]
            found = [t for t in targets if _keys_agree(key, target_keys[t.name], exact)]
            rivals = [s for s in sources if found and _keys_agree(source_keys[s.name], target_keys[found[0].name], exact)]
            if len(found) == 1 and len(rivals) == 1:
                _take(sources, targets, source, found[0], "name", result)


def _keys_agree(a, b, exact):
    if exact:
        return a == b
    # One name may carry extra leading scopes (`model/dense_1/w` vs `dense_1/kernel`).
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 2 and longer[-len(shorter):] == shorter


def _match_unique_shapes(sources, targets, result):
    for source in list(sources):
        signature = (source.shape, source.dtype)
        found = [t for t in targets if (t.shape, t.dtype) == signature]
        rivals = [s for s in sources if (s.shape, s.dtype) == signature]
        if len(found) == 1 and len(rivals) == 1:
            _take(sources, targets, source, found[0], "shape", result)


def _match_creation_order(sources, targets, result):
    for signature in {(s.shape, s.dtype) for s in sources}:
        group = sorted((s for s in sources if (s.shape, s.dtype) == signature), key=lambda s: s.order)
        found = sorted((t for t in targets if (t.shape, t.dtype) == signature), key=lambda t: t.order)
        if len(group) == len(found):
            for source, target in zip(group, found):
                _take(sources, targets, source, target, "creation order", result)


def _report_leftovers(sources, targets, result):
    for target in targets:
        result.problems.append(Problem("missing", f"model variable {target.describe()} has no value in the "
                                                  f"checkpoint{_rivals_hint(target, sources)}"))
    for source in sources:
        result.problems.append(Problem("unexpected", f"checkpoint variable {source.describe()} matches no model "
                                                     f"variable{_rivals_hint(source, targets)}"))


def _rivals_hint(spec, others):
    same = [o.name for o in others if (o.shape, o.dtype) == (spec.shape, spec.dtype)]
    return f" (ambiguous: same shape as {', '.join(f'`{n}`' for n in same)}; pass name_map)" if same else ""

