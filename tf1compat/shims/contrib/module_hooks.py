"""A ``tf.contrib`` shim's module hooks: ``dir()`` lists its names, any other name raises UnsupportedTF1APIError."""
from tf1compat.api import table as api_table
from tf1compat.api import usage_report
from tf1compat.errors import error_for

_NOT_PROVIDED = (
    "tf.contrib was removed in TensorFlow 2.0 and tf1compat's `tf.{path}` provides only "
    "the names TF1 scripts used most (`dir(tf.{path})` lists them)"
)


def contrib_module_hooks(path, module_name, provided):
    """The module-level ``(__getattr__, __dir__)`` for the shim of ``tf.<path>`` (e.g. ``"contrib.rnn"``).

    ``__dir__`` returns ``provided`` (the shim's ``__all__``). ``__getattr__`` raises for any
    other name: a name with its own ``removed`` entry in ``api_table`` gets that entry's
    reason and TF2 replacement, any other name the shim's TF2 replacement. The error is the
    ImportError flavour in ``from tensorflow.<path> import name`` and the AttributeError
    flavour in ``tf.<path>.name`` (so ``hasattr`` stays False).
    """
    shim_entry = api_table.TABLE[path]
    listing = sorted(provided)

    def __getattr__(name):
        if name.startswith("_"):
            # Probes by Python and libraries (__path__, __wrapped__, _fields, ...) are not TF1 names
            # a script wrote: a plain miss, not counted in --report.
            raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
        full_name = f"{path}.{name}"
        if api_table.is_namespace(full_name):
            # A TF1 package path above a provided name (contrib.legacy_seq2seq.python.ops.seq2seq).
            from tf1compat.scope.tensorflow_view import LegacyNamespace
            return LegacyNamespace(full_name, None, f"{module_name}.{name}")
        entry = api_table.TABLE.get(full_name)
        if entry is None or entry.kind != "removed":
            entry = api_table.removed(_NOT_PROVIDED.format(path=path), shim_entry.category,
                                      shim_entry.tf2, shim_entry.example)
        usage_report.record(full_name, entry)
        # depth 2: error_for <- this __getattr__ <- the code that wrote the name.
        error = error_for(f"tf.{full_name}", entry.reason, entry.tf2, entry.example, depth=2)
        raise error

    def __dir__():
        return list(listing)

    return __getattr__, __dir__
