"""``tf.flags`` / ``tf.app.flags`` as ``tf.compat.v1`` has them, with TF <= 1.4's ``FLAGS._parse_flags()`` and ``__flags``.

TF <= 1.4 kept its flags in an argparse parser and their values in ``FLAGS.__flags`` (also
``FLAGS.__dict__['__flags']``), a dict of name -> value filled by ``FLAGS._parse_flags()``.
TF 1.5 moved to absl, whose ``FLAGS`` keeps ``Flag`` objects there instead. This view of the
real (absl) ``FLAGS`` answers both: everything absl offers, plus those two old internals.
"""
import sys

from tensorflow.python.platform import flags as _tf_flags

# Flags that absl and TensorFlow define for themselves: TF <= 1.4's FLAGS never listed them.
_LIBRARY_MODULES = ("absl.", "tensorflow.", "tensorflow_estimator.", "tf1compat.", "keras.", "tf_keras.")


class PreAbslFlagValues(_tf_flags._FlagValuesWrapper):  # pylint: disable=protected-access
    """absl's ``FLAGS`` plus TF <= 1.4's ``_parse_flags()`` and ``__flags`` (name -> value)."""

    def __init__(self, wrapped):
        super().__init__(wrapped)
        namespace = object.__getattribute__(self, "__dict__")
        namespace["__parsed"] = False
        namespace["__flags"] = {}

    def __getattribute__(self, name):
        if name == "_parse_flags":
            return object.__getattribute__(self, name)
        if name in ("__dict__", "__flags"):
            namespace = object.__getattribute__(self, "__dict__")
            _refresh(namespace)
            return namespace if name == "__dict__" else namespace["__flags"]
        return super().__getattribute__(name)

    def _parse_flags(self, args=None):
        """Parse ``args`` (default ``sys.argv[1:]``) into the flags, as TF <= 1.4; return what is left."""
        namespace = object.__getattribute__(self, "__dict__")
        flag_values = namespace["__wrapped"]
        arguments = sys.argv[1:] if args is None else list(args)
        if flag_values.is_parsed():
            left = arguments  # absl parsed them already (tf.app.run): nothing new to read
        else:
            left = flag_values(sys.argv[:1] + arguments, known_only=True)[1:]
        namespace["__parsed"] = True
        _refresh(namespace)
        return left


def _refresh(namespace):
    # TF <= 1.4 filled __flags when parsing; absl may have parsed (tf.app.run) without us.
    flag_values, values = namespace.get("__wrapped"), namespace.get("__flags")
    if values is None or not (namespace["__parsed"] or flag_values.is_parsed()):
        return
    values.clear()
    for module, defined in flag_values.flags_by_module_dict().items():
        if module.startswith(_LIBRARY_MODULES):
            continue
        for flag in defined:
            values[flag.name] = flag.value


FLAGS = PreAbslFlagValues(_tf_flags.FLAGS.__dict__["__wrapped"])


def __getattr__(name):  # DEFINE_string, mark_flag_as_required, ...: tf.compat.v1.flags' own
    return getattr(_tf_flags, name)


def __dir__():
    return sorted(set(dir(_tf_flags)) | {"FLAGS", "PreAbslFlagValues"})
