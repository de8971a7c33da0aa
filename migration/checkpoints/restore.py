"""Load a TF1 ``tf.train.Saver`` checkpoint into TF2 variables by name: all variables, or none."""
import os
import re
from dataclasses import dataclass, field

import tensorflow as tf

from migration.checkpoints.mapping import (VariableSpec, infer_mapping, is_optimizer_slot, numpy_dtype,
                                         strip_output_index, variable_name)

OBJECT_GRAPH_KEY = "_CHECKPOINTABLE_OBJECT_GRAPH"


class CheckpointError(Exception):
    """The checkpoint cannot be used at all (a user mistake: the CLI exits 2)."""


class CheckpointNotFoundError(CheckpointError, FileNotFoundError):
    """No checkpoint exists at the given prefix."""


class NotACheckpointError(CheckpointError, ValueError):
    """The path exists but is not a readable TF1 checkpoint."""


class CheckpointMismatchError(ValueError):
    """The checkpoint does not fit the model; ``problems`` lists every mismatch; nothing was assigned."""

    def __init__(self, prefix, problems):
        self.prefix = prefix
        self.problems = list(problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(
            f"`{prefix}` does not match the model: {len(self.problems)} problem(s), nothing was restored:\n"
            f"{lines}\nFix: pass name_map={{checkpoint name: model variable name or None}} for the names "
            "that differ, or fix the model's shapes.")

    def summary(self):
        """One line for a CLI: the count and the problems separated by semicolons."""
        return (f"`{self.prefix}` does not match the model: {len(self.problems)} problem(s), nothing was "
                f"restored: " + "; ".join(str(problem) for problem in self.problems))


@dataclass
class RestoreReport:
    """What ``restore_tf1_checkpoint`` did: ``matches`` (source -> target, how), ``skipped`` names."""

    prefix: str
    matches: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # only with strict=False: what was left out

    @property
    def mapping(self):
        """``{checkpoint name: model variable name}`` of what was restored."""
        return {match.source.name: match.target.name for match in self.matches}

    def __str__(self):
        lines = [f"`{self.prefix}`: {len(self.matches)} variable(s) restored, {len(self.skipped)} skipped, "
                 f"{len(self.problems)} problem(s)"]
        lines += [f"  {m.source.name} -> {m.target.name} {list(m.target.shape)} {m.target.dtype} (by {m.how})"
                  for m in self.matches]
        lines += [f"  skipped {spec.name} (optimizer state)" if is_optimizer_slot(spec.name)
                  else f"  skipped {spec.name} (name_map None)" for spec in self.skipped]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


def resolve_prefix(path):
    """The checkpoint prefix for ``path``: a prefix, its ``.index``/``.meta`` file, or a folder.

    Raises:
        CheckpointNotFoundError: nothing checkpoint-like there; the message lists the
            prefixes found next to it.
    """
    path = os.fspath(path)
    if os.path.isdir(path):
        latest = tf.train.latest_checkpoint(path)
        if latest is None:
            raise CheckpointNotFoundError(f"`{path}` is a folder with no `checkpoint` file; "
                                          f"available: {_available(path)}")
        return latest
    prefix = re.sub(r"\.(index|meta|data-\d{5}-of-\d{5})$", "", path)
    if os.path.exists(prefix + ".index"):
        return prefix
    if os.path.isfile(path):
        raise NotACheckpointError(f"`{path}` is not a TF1 checkpoint (no `{os.path.basename(prefix)}.index` "
                                  "next to it); give the prefix Saver.save returned, e.g. tmp/model.ckpt")
    raise CheckpointNotFoundError(f"`{path}`: no such checkpoint; available: {_available(os.path.dirname(path) or '.')}")


def _available(folder):
    try:
        names = sorted(entry[:-len(".index")] for entry in os.listdir(folder) if entry.endswith(".index"))
    except OSError:
        return f"none (`{folder}` cannot be read)"
    return ", ".join(os.path.join(folder, name) for name in names) or f"no checkpoint in `{folder}`"


def open_checkpoint(path):
    """``(reader, prefix)`` for a TF1 name-based checkpoint at ``path``.

    Raises:
        CheckpointNotFoundError, NotACheckpointError: with a one-line reason.
    """
    prefix = resolve_prefix(path)
    try:
        reader = tf.train.load_checkpoint(prefix)
    except (tf.errors.OpError, ValueError) as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise NotACheckpointError(f"`{prefix}` is not a readable checkpoint: {reason}") from None
    return reader, prefix


def checkpoint_variables(reader, prefix):
    """``(specs, ordered)``: the checkpoint's ``VariableSpec`` list and whether it is in creation order.

    Creation order comes from the ``.meta`` graph Saver writes next to the checkpoint;
    without it (or if it does not name every variable) the specs are in natural name order.
    """
    shapes = reader.get_variable_to_shape_map()
    dtypes = reader.get_variable_to_dtype_map()
    names = [name for name in shapes if name != OBJECT_GRAPH_KEY]
    order = _creation_order(prefix + ".meta")
    ranked = sorted(names, key=lambda name: (order.get(strip_output_index(name), len(order)), _natural(name)))
    ordered = bool(names) and all(strip_output_index(name) in order for name in names)
    return [VariableSpec(name, tuple(shapes[name]), dtypes[name].name, rank)
            for rank, name in enumerate(ranked)], ordered


def is_object_based(reader):
    """True for a TF2 ``tf.train.Checkpoint`` (object graph), not a TF1 Saver checkpoint."""
    return reader.has_tensor(OBJECT_GRAPH_KEY)


def _creation_order(meta_path):
    # Saver.save writes the graph next to the checkpoint; its `variables` collection keeps
    # creation order, which the checkpoint itself (sorted by name) has lost.
    from tensorflow.core.framework import variable_pb2
    from tensorflow.core.protobuf import meta_graph_pb2

    if not os.path.isfile(meta_path):
        return {}
    meta_graph = meta_graph_pb2.MetaGraphDef()
    try:
        with open(meta_path, "rb") as handle:
            meta_graph.ParseFromString(handle.read())
    except Exception:  # a damaged .meta only costs the creation-order hint
        return {}
    order = {}
    for serialized in meta_graph.collection_def["variables"].bytes_list.value:
        definition = variable_pb2.VariableDef()
        definition.ParseFromString(serialized)
        order.setdefault(strip_output_index(definition.variable_name), len(order))
    return order


def _natural(name):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def model_variables(obj):
    """``(specs, variables, ordered)`` of a Keras model/layer, a ``tf.Module``, a dict or a list.

    ``ordered`` tells whether the specs' ``order`` is creation order: Keras lists weights
    in creation order; a ``tf.Module`` sorts them by attribute name, so their creation
    counters (``_unique_id``) are used when present; a dict or list counts in its own order.
    """
    if isinstance(obj, dict):
        named = list(obj.items())
        ordered = True
    elif hasattr(obj, "weights"):
        named = [(variable_name(v), v) for v in obj.weights]
        ordered = True
    elif isinstance(obj, tf.Module):
        named, ordered = _module_variables(obj)
    else:
        named, ordered = [(variable_name(v), v) for v in obj], True
    specs = [VariableSpec(name, tuple(int(d) for d in v.shape), numpy_dtype(v.dtype).name, rank)
             for rank, (name, v) in enumerate(named)]
    return specs, [v for _, v in named], ordered


def _module_variables(module):
    variables = list(module.variables)
    counters = [re.search(r"_(\d+)$", str(getattr(v, "_unique_id", ""))) for v in variables]
    if all(counters):
        ranked = sorted(zip(variables, counters), key=lambda pair: int(pair[1].group(1)))
        return [(variable_name(v), v) for v, _ in ranked], True
    return [(variable_name(v), v) for v in variables], False




def restore_tf1_checkpoint(obj, ckpt_path, name_map=None, strict=True, include_optimizer=False):
    """Assign the values of a TF1 Saver checkpoint to the variables of ``obj``.

    The mapping is inferred where it is unambiguous: normalised names (shared scopes
    dropped, `weights`~`kernel`, `biases`~`bias`, `:0` ignored), then unique shapes, then
    creation order (the checkpoint's ``.meta`` graph vs the model's). Optimizer slots
    (`*/Adam`, `beta1_power`, `global_step`, ...) are skipped unless ``include_optimizer``.

    Args:
        obj: a Keras model/layer, a ``tf.Module``, or a dict/list of variables.
        ckpt_path: the checkpoint prefix (``tmp/mlp.ckpt``), one of its files, or its folder.
        name_map: ``{checkpoint name: model variable name, variable, or None to skip}``.
        strict: if True, any problem raises and nothing is assigned; if False, what
            matches is assigned and the problems are returned in the report.
        include_optimizer: also restore optimizer slots (map them with ``name_map``).

    Returns:
        A ``RestoreReport``.

    Raises:
        CheckpointNotFoundError, NotACheckpointError: the checkpoint cannot be read.
        CheckpointMismatchError: (strict) every missing, unexpected, mis-shaped and
            mis-typed variable, in one error; the model is untouched.
    """
    reader, prefix = open_checkpoint(ckpt_path)
    if is_object_based(reader):
        raise NotACheckpointError(f"`{prefix}` is a TF2 object-based checkpoint, not a TF1 Saver checkpoint; "
                                  "restore it with tf.train.Checkpoint(model=...).read(path)")
    specs, variables, ordered = model_variables(obj)
    by_name = {spec.name: variable for spec, variable in zip(specs, variables)}
    name_map = {key: _target_name(value, specs, variables) for key, value in (name_map or {}).items()}
    checkpoint, checkpoint_ordered = checkpoint_variables(reader, prefix)
    mapping = infer_mapping(checkpoint, specs, name_map, include_optimizer,
                            orders_known=ordered and checkpoint_ordered)
    if mapping.problems and strict:
        raise CheckpointMismatchError(prefix, mapping.problems)
    values = [(by_name[m.target.name], reader.get_tensor(m.source.name)) for m in mapping.matches]
    _assign_all_or_nothing(values)
    return RestoreReport(prefix, mapping.matches, mapping.skipped, mapping.problems)


def _target_name(value, specs, variables):
    if value is None or isinstance(value, str):
        return value
    for spec, variable in zip(specs, variables):
        if variable is value:
            return spec.name
    return getattr(value, "path", None) or strip_output_index(getattr(value, "name", repr(value)))


def _assign_all_or_nothing(values):
    previous = [(variable, variable.numpy()) for variable, _ in values]
    try:
        for variable, value in values:
            variable.assign(value)
    except BaseException:
        for variable, value in previous:  # put back what was already overwritten
            variable.assign(value)
        raise
