"""``tf.contrib.training.HParams`` and ``parse_values``: TF 1.15's hyperparameter container and its grammar."""
import json
import numbers
import re

_ASSIGNMENT = re.compile(r"""
  (?P<name>[a-zA-Z][\w\.]*)          # hyperparameter name
  (\[\s*(?P<index>\d+)\s*\])?        # optional list index: a[2]=...
  \s*=\s*
  ((?P<val>[^,\[]*)                  # one value
   |
   \[(?P<vals>[^\]]*)\])             # or a bracketed list of values
  ($|,\s*)""", re.VERBOSE)


def _parse_fail(name, var_type, value, values):
    raise ValueError(f"Could not parse hparam '{name}' of type '{var_type.__name__}' with value '{value}' "
                     f"in {values}")


def _reuse_fail(name, values):
    raise ValueError(f"Multiple assignments to variable '{name}' in {values}")


def _value_parser(name, type_, values):
    if type_ is not bool:
        return type_

    def parse_bool(text):
        if text in ("true", "True"):
            return True
        if text in ("false", "False"):
            return False
        try:
            return bool(int(text))
        except ValueError:
            _parse_fail(name, type_, text, values)
    return parse_bool


def _store_scalar(name, parse, type_, match, values, results):
    try:
        parsed = parse(match["val"])
    except ValueError:
        _parse_fail(name, type_, match["val"], values)
    if not match["index"]:
        if name in results:
            _reuse_fail(name, values)
        results[name] = parsed
        return
    if name in results and not isinstance(results[name], dict):
        _reuse_fail(name, values)
    indexed = results.setdefault(name, {})
    index = int(match["index"])
    if index in indexed:
        _reuse_fail(f"{name}[{index}]", values)
    indexed[index] = parsed


def _store_list(name, parse, type_, match, values, results):
    if match["index"] is not None:
        raise ValueError("Assignment of a list to a list index.")
    if name in results:
        _reuse_fail(name, values)
    try:
        results[name] = [parse(element) for element in re.split("[ ,]", match["vals"]) if element]
    except ValueError:
        _parse_fail(name, type_, match["vals"], values)


def parse_values(values, type_map, ignore_unknown=False):
    """Parse ``"a=1,b=[x,y],c[0]=2"`` into ``{name: value | [values] | {index: value}}`` typed by ``type_map``.

    Raises ValueError for malformed text, unknown names (unless ``ignore_unknown``), values that
    do not parse as their type, repeated assignments and a list assigned to an index.
    """
    results, position = {}, 0
    while position < len(values):
        match = _ASSIGNMENT.match(values, position)
        if not match:
            raise ValueError(f"Malformed hyperparameter value: {values[position:]}")
        position = match.end()
        name = match["name"]
        if name not in type_map:
            if ignore_unknown:
                continue
            raise ValueError(f"Unknown hyperparameter type for {name}")
        type_ = type_map[name]
        parse = _value_parser(name, type_, values)
        if match["val"] is not None:
            _store_scalar(name, parse, type_, match, values, results)
        elif match["vals"] is not None:
            _store_list(name, parse, type_, match, values, results)
        else:
            _parse_fail(name, type_, "", values)
    return results


def _cast_to_type_if_compatible(name, param_type, value):
    """``value`` as ``param_type`` when TF1 allowed it (int -> float yes; float -> int, str <-> number, bool no)."""
    message = f"Could not cast hparam '{name}' of type '{param_type}' from value {value!r}"
    if type(value) == param_type or issubclass(param_type, type(None)):  # noqa: E721 (exact type, as TF1)
        return value
    if issubclass(param_type, (str, bytes)) and not isinstance(value, (str, bytes)):
        raise ValueError(message)
    if issubclass(param_type, bool) != isinstance(value, bool):
        raise ValueError(message)
    if issubclass(param_type, numbers.Integral) and not isinstance(value, numbers.Integral):
        raise ValueError(message)
    if issubclass(param_type, numbers.Number) and not isinstance(value, numbers.Number):
        raise ValueError(message)
    return param_type(value)


def _without_callables(value):
    if isinstance(value, dict):
        return {key: _without_callables(item) for key, item in value.items() if not callable(item)}
    if isinstance(value, list):
        return [_without_callables(item) for item in value if not callable(item)]
    return value


def _no_proto(what):
    raise NotImplementedError(f"`{what}` is not provided by tf1compat: the HParamDef protocol buffer left "
                              "TensorFlow with tf.contrib; use to_json / parse_json (or keyword arguments) instead")


class HParams:
    """Named hyperparameters as attributes, typed by their first value (TF 1.15 semantics)."""

    _HAS_DYNAMIC_ATTRIBUTES = True

    def __init__(self, hparam_def=None, model_structure=None, **kwargs):
        self._hparam_types = {}
        self._model_structure = model_structure
        if hparam_def:
            _no_proto("HParams(hparam_def=...)")
        for name, value in kwargs.items():
            self.add_hparam(name, value)

    def add_hparam(self, name, value):
        """Add hyperparameter ``name``; ValueError if the name is taken or a list value is empty."""
        if getattr(self, name, None) is not None:
            raise ValueError(f"Hyperparameter name is reserved: {name}")
        if isinstance(value, (list, tuple)):
            if not value:
                raise ValueError(f"Multi-valued hyperparameters cannot be empty: {name}")
            self._hparam_types[name] = (type(value[0]), True)
        else:
            self._hparam_types[name] = (type(value), False)
        setattr(self, name, value)

    def set_hparam(self, name, value):
        """Set an existing hyperparameter, casting like TF1; KeyError if unknown, ValueError on type mismatch."""
        param_type, is_list = self._hparam_types[name]
        if isinstance(value, list):
            if not is_list:
                raise ValueError(f"Must not pass a list for single-valued parameter: {name}")
            setattr(self, name, [_cast_to_type_if_compatible(name, param_type, item) for item in value])
        else:
            if is_list:
                raise ValueError(f"Must pass a list for multi-valued parameter: {name}.")
            setattr(self, name, _cast_to_type_if_compatible(name, param_type, value))

    def del_hparam(self, name):
        """Remove hyperparameter ``name`` if it exists."""
        if hasattr(self, name):
            delattr(self, name)
            del self._hparam_types[name]

    def parse(self, values):
        """Override values from ``"name=value,..."`` text (see ``parse_values``); returns self."""
        type_map = {name: param_type for name, (param_type, _) in self._hparam_types.items()}
        return self.override_from_dict(parse_values(values, type_map))

    def override_from_dict(self, values_dict):
        """Override values from a dict via ``set_hparam``; returns self."""
        for name, value in values_dict.items():
            self.set_hparam(name, value)
        return self

    def set_from_map(self, values_map):
        """Deprecated TF1 name of ``override_from_dict``."""
        return self.override_from_dict(values_dict=values_map)

    def set_model_structure(self, model_structure):
        self._model_structure = model_structure

    def get_model_structure(self):
        return self._model_structure

    def to_json(self, indent=None, separators=None, sort_keys=False):
        """The values as JSON text (callables left out)."""
        return json.dumps(_without_callables(self.values()), indent=indent, separators=separators,
                          sort_keys=sort_keys)

    def parse_json(self, values_json):
        """Override values from a JSON object; returns self."""
        return self.override_from_dict(json.loads(values_json))

    def values(self):
        """``{name: value}`` of every hyperparameter."""
        return {name: getattr(self, name) for name in self._hparam_types}

    def get(self, key, default=None):
        """The value of ``key``, or ``default``; ValueError if ``default`` cannot have the parameter's type."""
        if key not in self._hparam_types:
            return default
        if default is not None:
            param_type, is_list = self._hparam_types[key]
            type_text = f"list<{param_type}>" if is_list else str(param_type)
            message = f"Hparam '{key}' of type '{type_text}' is incompatible with default={default}"
            if is_list != isinstance(default, list):
                raise ValueError(message)
            try:
                for item in (default if is_list else [default]):
                    _cast_to_type_if_compatible(key, param_type, item)
            except ValueError as error:
                raise ValueError(f"{message}. {error}") from None
        return getattr(self, key)

    def to_proto(self, export_scope=None):
        """Not provided: raises NotImplementedError (no HParamDef proto in TF2)."""
        _no_proto("HParams.to_proto")

    @staticmethod
    def from_proto(hparam_def, import_scope=None):
        """Not provided: raises NotImplementedError (no HParamDef proto in TF2)."""
        _no_proto("HParams.from_proto")

    def __contains__(self, key):
        return key in self._hparam_types

    def __str__(self):
        return ",".join(f"{key}={value}" for key, value in self.values().items())

    def __repr__(self):
        return f"{type(self).__name__}({sorted(self.values().items())})"
