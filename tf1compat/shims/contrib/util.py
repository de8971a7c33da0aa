"""``tf.contrib.util`` for TF1 scripts: the tensor-proto and graph helpers, all still in TensorFlow core."""
import tensorflow
from tensorflow.python.framework import meta_graph

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks

_v1 = tensorflow.compat.v1
make_tensor_proto = _v1.make_tensor_proto
make_ndarray = _v1.make_ndarray
constant_value = _v1.get_static_value
ops_used_by_graph_def = meta_graph.ops_used_by_graph_def
stripped_op_list_for_graph = meta_graph.stripped_op_list_for_graph

__all__ = ["constant_value", "make_ndarray", "make_tensor_proto", "ops_used_by_graph_def",
           "stripped_op_list_for_graph"]

__getattr__, __dir__ = contrib_module_hooks("contrib.util", __name__, __all__)
