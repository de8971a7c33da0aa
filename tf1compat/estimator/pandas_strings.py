"""``pandas_input_fn`` on pandas >= 3, whose text columns are ``str`` (StringDtype) rather than ``object``.

TF 1.15's feeding queues map each column's dtype to a TensorFlow dtype, which StringDtype
has none of; as object columns (what pandas 1.x and 2.x gave) they feed as ``tf.string``.
"""
import functools
import sys

_INPUTS_MODULES = ("tensorflow_estimator.python.estimator.inputs.pandas_io",
                   "tensorflow_estimator.python.estimator.inputs.inputs",
                   "tensorflow_estimator.python.estimator.api._v1.estimator.inputs")


def _as_object_strings(value):
    import pandas

    if isinstance(value, pandas.DataFrame):
        text = [name for name, dtype in value.dtypes.items() if isinstance(dtype, pandas.StringDtype)]
        return value.astype({name: object for name in text}) if text else value
    if isinstance(value, pandas.Series) and isinstance(value.dtype, pandas.StringDtype):
        return value.astype(object)
    return value


def accept_pandas_string_columns():
    """Make ``tf.estimator.inputs.pandas_input_fn`` feed pandas ``str`` columns as TF1 did; idempotent."""
    pandas_io = sys.modules["tensorflow_estimator.python.estimator.inputs.pandas_io"]
    original = pandas_io.pandas_input_fn
    if getattr(original, "__tf1compat_strings__", False):
        return False

    @functools.wraps(original)
    def pandas_input_fn(x, y=None, *args, **kwargs):
        return original(_as_object_strings(x), _as_object_strings(y), *args, **kwargs)

    pandas_input_fn.__tf1compat_strings__ = True
    for name in _INPUTS_MODULES:
        module = sys.modules.get(name)
        if module is not None and getattr(module, "pandas_input_fn", None) is original:
            setattr(module, "pandas_input_fn", pandas_input_fn)
    return True
