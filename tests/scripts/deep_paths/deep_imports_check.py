"""TF1 code importing TF 1.x's implementation module paths (run with `python -m tf1compat`, unchanged).

The five imports real code used, then every path the API table lists: each must import, and each
name it shares with its public module must be the same object. Prints one RESULT line.
"""
import inspect
import json
import sys

import tensorflow as tf
from tensorflow.contrib.rnn.python.ops import rnn_cell
from tensorflow.contrib.layers.python.layers import initializers
from tensorflow.contrib.framework.python.ops import arg_scope
from tensorflow.contrib.training.python.training import hparam
from tensorflow.contrib.slim.python.slim.nets import resnet_v1
from tensorflow.contrib.framework.python.ops.arg_scope import add_arg_scope, arg_scope as arg_scope_function
from tensorflow.contrib.rnn.python.ops.core_rnn_cell import _linear
from tensorflow.contrib.rnn.python.ops.core_rnn_cell_impl import _linear as linear_tf1_0
import tensorflow.contrib.rnn.python.ops.rnn_cell as rnn_cell_module
from tensorflow.python.ops import array_ops, rnn_cell_impl, gen_audio_ops
from tensorflow.python.ops.rnn_cell_impl import _linear as linear_tf1_2, _zero_state_tensors
from tensorflow.python.layers import core as layers_core, base as layers_base

from tf1compat.api import table as api_table  # the list of paths to try (the runner's own package, outside the scope)

NAMED = {
    "rnn_cell.BasicLSTMCell": rnn_cell.BasicLSTMCell is tf.contrib.rnn.BasicLSTMCell,
    "rnn_cell.LSTMStateTuple": rnn_cell.LSTMStateTuple is tf.contrib.rnn.LSTMStateTuple,
    "initializers.xavier_initializer": initializers.xavier_initializer is tf.contrib.layers.xavier_initializer,
    "arg_scope": arg_scope is tf.contrib.framework.arg_scope,  # TF1's package re-exported the function
    "arg_scope.arg_scope": arg_scope_function is tf.contrib.framework.arg_scope,
    "add_arg_scope": add_arg_scope is tf.contrib.framework.add_arg_scope,
    "hparam.HParams": hparam.HParams is tf.contrib.training.HParams,
    "resnet_v1.resnet_v1_50": resnet_v1.resnet_v1_50 is tf.contrib.slim.nets.resnet_v1.resnet_v1_50,
    "import as": rnn_cell_module.GRUCell is tf.contrib.rnn.GRUCell,
}
# tensorflow.python modules keep TensorFlow's own names, with the cell and layer classes tf.nn / tf.layers give.
PYTHON_PATHS = {
    "rnn_cell_impl.RNNCell": rnn_cell_impl.RNNCell is tf.nn.rnn_cell.RNNCell,
    "GRUCell is an rnn_cell_impl.RNNCell": issubclass(tf.nn.rnn_cell.GRUCell, rnn_cell_impl.RNNCell),
    "rnn_cell_impl.LSTMStateTuple": rnn_cell_impl.LSTMStateTuple is tf.nn.rnn_cell.LSTMStateTuple,
    "rnn_cell_impl._zero_state_tensors": callable(_zero_state_tensors),
    "layers_core.Dense": layers_core.Dense is tf.layers.Dense,
    "layers_base.Layer": layers_base.Layer is tf.layers.Layer,
    "array_ops is TensorFlow's": array_ops is sys.modules["tensorflow.python.ops.array_ops"],
    "gen_audio_ops is TensorFlow's": gen_audio_ops is sys.modules["tensorflow.python.ops.gen_audio_ops"],
}


def public_module(path):
    target = tf
    for part in path.split("."):
        target = getattr(target, part)
    return target


def compare(path, entry):
    """(names compared, names that differ) between `tensorflow.<path>` and its public module.

    slim's modules keep their place under the public module (`contrib.slim.python.slim.nets.vgg` is
    `tf.contrib.slim.nets.vgg`); module attributes (a file's own imports) are not API and are skipped.
    """
    deep = __import__(f"tensorflow.{path}", globals(), None, ["__name__"])
    public_path = entry.implements
    if ".python.slim." in path:
        public_path += "." + path.split(".python.slim.")[1]
    public = public_module(public_path)
    shared = sorted(set(dir(deep)) & set(dir(public)))
    shared = [name for name in shared if not name.startswith("_") and name not in PY2_FUTURES
              and not inspect.ismodule(getattr(public, name)) and not inspect.ismodule(getattr(deep, name))]
    return len(shared), [name for name in shared if getattr(deep, name) is not getattr(public, name)]


PY2_FUTURES = {"absolute_import", "division", "print_function"}


def missing_name_error():
    try:
        from tensorflow.contrib.rnn.python.ops.rnn_cell import NoSuchCell  # noqa: F401
    except ImportError as error:
        return type(error).__name__, str(error), isinstance(error, tf1compat_error())
    return None


def tf1compat_error():
    from tf1compat.errors import UnsupportedTF1APIError
    return UnsupportedTF1APIError


paths = {key: entry for key, entry in api_table.TABLE.items() if entry.implements and key.startswith("contrib.")}
compared = {path: compare(path, entry) for path, entry in sorted(paths.items())}
x = tf.placeholder(tf.float32, [2, 3])
with tf.variable_scope("linear_check"):
    y = _linear([x], 4, True)
with tf.variable_scope("linear_tf1_0"):
    linear_tf1_0([x, x], 2, True)
with tf.variable_scope("linear_tf1_2"):
    linear_tf1_2(x, 2, False)
print("RESULT " + json.dumps({
    "named": NAMED, "python_paths": PYTHON_PATHS, "compared": compared, "error": missing_name_error(),
    "linear": [y.get_shape().as_list(), sorted(v.op.name for v in tf.global_variables())]}))
