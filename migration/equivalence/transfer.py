"""Move weights by name from a TF1 graph into TF2 variables, all or nothing."""
import fnmatch

import numpy as np

from migration.checkpoints.mapping import numpy_dtype, strip_output_index, variable_name


class VariableMismatchError(ValueError):
    """The legacy values and the TF2 variables do not match; ``problems`` lists every mismatch."""

    def __init__(self, problems, what="assign_variables"):
        self.problems = list(problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(
            f"`{what}`: {len(self.problems)} problem(s), nothing was assigned:\n{lines}\n"
            "Fix the name map (TF1 name -> TF2 variable or its path) or the model so that every "
            "variable matches in name, shape and dtype.")


def export_variables(session, var_list=None):
    """Read variables out of a TF1 session: ``{tf1_name_without_:0: ndarray}`` in creation order.

    Call this inside the legacy process (e.g. from a function run by ``run_legacy``).

    Args:
        session: a ``tf.Session`` whose graph holds the variables (initialised or restored).
        var_list: the variables to export (default: the graph's trainable variables,
            i.e. the model's weights without optimizer slots; pass
            ``tf.global_variables()`` to include batch-norm statistics, counters, slots).
    """
    if var_list is None:
        var_list = session.graph.get_collection("trainable_variables")
    var_list = list(var_list)
    values = session.run(var_list)
    return {strip_output_index(variable.name): np.asarray(value) for variable, value in zip(var_list, values)}


def assign_variables(tf2_variables, values, name_map=None, ignore=()):
    """Assign legacy ``values`` into TF2 variables through ``name_map``; all or nothing.

    Args:
        tf2_variables: the TF2 side: a ``tf.Module``/Keras model (its trainable variables
            must all receive a value), a dict ``{name: variable}`` or a list of variables
            (every one must receive a value).
        values: ``{tf1_name: array}``, e.g. from ``export_variables``.
        name_map: ``{tf1_name: tf2 variable, or its name}``; a name is matched against the
            dict keys, then Keras ``variable.path``, then ``variable.name`` without ``:0``.
            Default: each TF1 name maps to the TF2 variable with the same name.
        ignore: glob patterns of TF1 names to leave out (e.g. ``"*/Adam*"``).

    Returns:
        ``{tf1_name: tf2_variable}`` of what was assigned.

    Raises:
        VariableMismatchError: listing every missing, unexpected, unknown, ambiguous,
            mis-shaped and mis-typed name; no variable is changed.
    """
    required, index = _tf2_side(tf2_variables)
    if name_map is None:
        name_map = {name: name for name in values}
    ignored = {name for name in values if any(fnmatch.fnmatchcase(name, pattern) for pattern in ignore)}
    plan, problems = resolve_assignments(values, name_map, index, ignored)
    targeted = {id(variable) for variable in plan.values()}
    problems += [f"missing: TF2 variable `{variable_name(variable)}` receives no legacy value"
                 for variable in required if id(variable) not in targeted]
    if problems:
        raise VariableMismatchError(problems)
    for tf1_name, variable in plan.items():
        variable.assign(values[tf1_name])
    return plan


def resolve_assignments(values, name_map, index, ignored=()):
    """Pair each legacy value with its TF2 variable; return ``(plan, problems)`` without assigning.

    Shared by ``assign_variables`` and checkpoint loading: ``index`` maps names to lists
    of variables (a name with two variables is ambiguous).
    """
    plan, problems, seen = {}, [], {}
    for tf1_name, target in name_map.items():
        if tf1_name not in values:
            problems.append(f"missing: `{tf1_name}` is in the name map but not in the legacy values")
            continue
        variable, problem = _lookup(target, index)
        if problem:
            problems.append(f"`{tf1_name}`: {problem}")
            continue
        if id(variable) in seen:
            problems.append(f"`{tf1_name}` and `{seen[id(variable)]}` both map to `{variable_name(variable)}`")
            continue
        seen[id(variable)] = tf1_name
        problem = _value_problem(tf1_name, np.asarray(values[tf1_name]), variable)
        if problem:
            problems.append(problem)
        plan[tf1_name] = variable
    problems += [f"unexpected: legacy `{name}` is not in the name map (map it, or pass it in ignore=)"
                 for name in values if name not in name_map and name not in ignored]
    return plan, problems


def _tf2_side(tf2_variables):
    """The variables that must receive a value, and a name -> [variables] index."""
    if isinstance(tf2_variables, dict):
        required = list(tf2_variables.values())
        index = _index_by_name(tf2_variables.values())
        for key, variable in tf2_variables.items():
            index[key] = [variable]  # explicit keys win over derived names
        return required, index
    if hasattr(tf2_variables, "trainable_variables"):
        everything = list(getattr(tf2_variables, "variables", tf2_variables.trainable_variables))
        return list(tf2_variables.trainable_variables), _index_by_name(everything)
    required = list(tf2_variables)
    return required, _index_by_name(required)


def _index_by_name(variables):
    index = {}
    for variable in variables:
        names = {getattr(variable, "path", None), strip_output_index(getattr(variable, "name", "") or "")}
        for name in filter(None, names):
            entries = index.setdefault(name, [])
            if not any(entry is variable for entry in entries):
                entries.append(variable)
    return index


def _lookup(target, index):
    if hasattr(target, "assign"):
        return target, None
    candidates = index.get(str(target), [])
    if not candidates:
        known = ", ".join(sorted(index)[:12]) or "none"
        return None, f"unknown TF2 variable `{target}` (known: {known})"
    if len(candidates) > 1:
        return None, f"ambiguous TF2 name `{target}` ({len(candidates)} variables); map to the variable object"
    return candidates[0], None


def _value_problem(tf1_name, value, variable):
    shape = tuple(int(size) for size in variable.shape)
    dtype = numpy_dtype(variable.dtype)
    where = f"TF2 `{variable_name(variable)}`"
    if value.shape != shape:
        return f"mis-shaped: `{tf1_name}` has shape {value.shape}, {where} has {shape}"
    if value.dtype != dtype:
        return f"mis-typed: `{tf1_name}` is {value.dtype}, {where} is {dtype}"
    return None
