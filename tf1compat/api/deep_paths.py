"""TF 1.x's implementation module paths under ``tf.contrib`` (``tensorflow.contrib.rnn.python.ops.rnn_cell``), as data.

TF1 code imported these paths directly. Each resolves to the module that provides its names today:
tf-slim's module where the TF1 file moved there whole (``contrib/layers/python/layers/initializers.py``
is ``tf_slim.layers.initializers``), a shim's per-file namespace where the shim keeps one (seq2seq's,
with TF1's private helpers), else the shim of its public ``tf.contrib.<module>``. ``api.table``
turns ``module_paths()`` into ``provided`` entries; ``python -m tf1compat.api.coverage_page`` lists them.
"""

# The .py files (tests left out) of TensorFlow 1.x's tree under the provided contrib modules, as listed
# from tensorflow/tensorflow's history (r1.0-r1.15: a file some 1.x release had is a path TF1 code imported).
TF1_FILES = """
contrib/crf/python/ops/crf.py
contrib/framework/python/ops/accumulate_n_v2.py contrib/framework/python/ops/arg_scope.py
contrib/framework/python/ops/audio_ops.py contrib/framework/python/ops/checkpoint_ops.py
contrib/framework/python/ops/critical_section_ops.py contrib/framework/python/ops/embedding_ops.py
contrib/framework/python/ops/ops.py contrib/framework/python/ops/prettyprint_ops.py
contrib/framework/python/ops/sampling_ops.py contrib/framework/python/ops/script_ops.py
contrib/framework/python/ops/sort_ops.py contrib/framework/python/ops/variables.py
contrib/framework/python/framework/checkpoint_utils.py contrib/framework/python/framework/tensor_util.py
contrib/layers/python/layers/embedding_ops.py contrib/layers/python/layers/encoders.py
contrib/layers/python/layers/initializers.py contrib/layers/python/layers/layers.py
contrib/layers/python/layers/normalization.py contrib/layers/python/layers/optimizers.py
contrib/layers/python/layers/regularizers.py contrib/layers/python/layers/rev_block_lib.py
contrib/layers/python/layers/summaries.py contrib/layers/python/layers/utils.py
contrib/legacy_seq2seq/python/ops/seq2seq.py
contrib/losses/python/losses/loss_ops.py
contrib/metrics/python/ops/metric_ops.py
contrib/rnn/python/ops/core_rnn.py contrib/rnn/python/ops/core_rnn_cell.py
contrib/rnn/python/ops/core_rnn_cell_impl.py contrib/rnn/python/ops/fused_rnn_cell.py
contrib/rnn/python/ops/gru_ops.py contrib/rnn/python/ops/lstm_ops.py contrib/rnn/python/ops/rnn.py
contrib/rnn/python/ops/rnn_cell.py
contrib/seq2seq/python/ops/attention_wrapper.py contrib/seq2seq/python/ops/basic_decoder.py
contrib/seq2seq/python/ops/beam_search_decoder.py contrib/seq2seq/python/ops/beam_search_ops.py
contrib/seq2seq/python/ops/decoder.py contrib/seq2seq/python/ops/helper.py contrib/seq2seq/python/ops/loss.py
contrib/slim/python/slim/data/data_decoder.py contrib/slim/python/slim/data/data_provider.py
contrib/slim/python/slim/data/dataset.py contrib/slim/python/slim/data/dataset_data_provider.py
contrib/slim/python/slim/data/parallel_reader.py contrib/slim/python/slim/data/prefetch_queue.py
contrib/slim/python/slim/data/tfexample_decoder.py contrib/slim/python/slim/evaluation.py
contrib/slim/python/slim/learning.py contrib/slim/python/slim/model_analyzer.py
contrib/slim/python/slim/nets/alexnet.py contrib/slim/python/slim/nets/inception.py
contrib/slim/python/slim/nets/inception_v1.py contrib/slim/python/slim/nets/inception_v2.py
contrib/slim/python/slim/nets/inception_v3.py contrib/slim/python/slim/nets/overfeat.py
contrib/slim/python/slim/nets/resnet_utils.py contrib/slim/python/slim/nets/resnet_v1.py
contrib/slim/python/slim/nets/resnet_v2.py contrib/slim/python/slim/nets/vgg.py
contrib/slim/python/slim/queues.py contrib/slim/python/slim/summaries.py
contrib/training/python/training/bucket_ops.py contrib/training/python/training/evaluation.py
contrib/training/python/training/hparam.py contrib/training/python/training/training.py
""".split()

# TF1 packages whose __init__ re-exported their modules' names (`from .arg_scope import *`): the package
# path serves the public module's names, so `from ...framework.python.ops import arg_scope` is the function.
TF1_PACKAGES = """
contrib/framework/python/ops contrib/layers/python/layers contrib/rnn/python/ops contrib/seq2seq/python/ops
contrib/slim/python/slim/nets contrib/slim/python/slim/data contrib/training/python/training
""".split()

# TF1 package -> where its files' names live now, and the files found there: a tf-slim 1.1 package (the
# files moved there whole), or a shim's per-file namespaces with TF1's private helpers ("module:attribute").
MOVED_MODULES = {
    "contrib.slim.python.slim": ("tf_slim", "evaluation learning model_analyzer queues summaries nets data "
                                 "nets.alexnet nets.inception nets.inception_v1 nets.inception_v2 "
                                 "nets.inception_v3 nets.overfeat nets.resnet_utils nets.resnet_v1 "
                                 "nets.resnet_v2 nets.vgg data.data_decoder data.data_provider data.dataset "
                                 "data.dataset_data_provider data.parallel_reader data.prefetch_queue "
                                 "data.tfexample_decoder"),
    "contrib.layers.python.layers": ("tf_slim.layers", "initializers layers normalization optimizers "
                                     "regularizers rev_block_lib summaries utils"),
    "contrib.framework.python.ops": ("tf_slim.ops", "arg_scope variables"),
    "contrib.training.python.training": ("tf_slim.training", "training evaluation"),
    "contrib.losses.python.losses": ("tf_slim.losses", "loss_ops"),
    "contrib.metrics.python.ops": ("tf_slim.metrics", "metric_ops"),
    "contrib.seq2seq.python.ops": ("tf1compat.shims.contrib.seq2seq:python.ops", "attention_wrapper basic_decoder "
                                   "beam_search_decoder beam_search_ops decoder helper loss"),
}
# TF1 packages served by something other than their public module's shim.
PACKAGES_SERVED_BY = {"contrib.seq2seq.python.ops": "tf1compat.shims.contrib.seq2seq:python.ops"}


def _dotted(file_path):
    return file_path.removesuffix(".py").replace("/", ".")


def _moved_module(path):
    if path in PACKAGES_SERVED_BY:
        return PACKAGES_SERVED_BY[path]
    for package, (target, modules) in MOVED_MODULES.items():
        rest = path[len(package) + 1:] if path.startswith(package + ".") else None
        if rest in modules.split():
            return f"{target}.{rest}"
    return None


def public_module(path):
    """``"contrib.rnn"`` for ``"contrib.rnn.python.ops.rnn_cell"``: the public TF1 module a path belongs to."""
    return ".".join(path.split(".")[:2])


def module_paths():
    """``{TF1 module path: module serving its names}``; a ``None`` value means "the public module's shim"."""
    paths = {_dotted(path): None for path in TF1_PACKAGES}
    paths.update({_dotted(path): None for path in TF1_FILES})
    return {path: _moved_module(path) for path in paths}


# --- tensorflow.python: modules TF 2.21 still has, but whose classes come from its frozen internal Keras
# while tf.compat.v1 (with tf-keras) hands out tf_keras's. A TF1 script mixing the two paths would see two
# RNNCell classes (`class MyCell(rnn_cell_impl.RNNCell)`, `isinstance(cell, rnn_cell_impl.RNNCell)`).
# TF1 module path -> the tf_keras module whose same-named objects the path serves (the rest stays as is).
TENSORFLOW_PYTHON_FACES = {
    "python.ops.rnn_cell_impl": "tf_keras.src.layers.rnn.legacy_cells",
    "python.ops.rnn_cell": "tf_keras.src.layers.rnn.legacy_cells",
    "python.layers.base": "tf_keras.src.legacy_tf_layers.base",
    "python.layers.core": "tf_keras.src.legacy_tf_layers.core",
    "python.layers.convolutional": "tf_keras.src.legacy_tf_layers.convolutional",
    "python.layers.normalization": "tf_keras.src.legacy_tf_layers.normalization",
    "python.layers.pooling": "tf_keras.src.legacy_tf_layers.pooling",
}
# Their packages, so `from tensorflow.python.ops import rnn_cell_impl` reaches the face too.
TENSORFLOW_PYTHON_PACKAGES = ("python.ops", "python.layers")
FACES_MODULE = "tf1compat.shims.tensorflow_python"


def face_target(path):
    """The ``load_shim`` target of ``tensorflow.<path>``'s face: ``"...tensorflow_python:ops_rnn_cell_impl"``."""
    return f"{FACES_MODULE}:{path.removeprefix('python.').replace('.', '_')}"
