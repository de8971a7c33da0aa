"""The TF1 API knowledge: what each TF1 name became, as data (no logic).

Keys are TF1 names relative to the ``tensorflow`` module (``"contrib.layers"``
means ``tf.contrib.layers``). A key ending in ``.*`` covers every name below it
that has no entry of its own. Three kinds of entry:

* ``provided``: removed from TensorFlow 2, provided by a tf1compat shim module.
* ``removed``: removed, not provided; using it raises ``UnsupportedTF1APIError``.
* ``compat``: still runs through ``tf.compat.v1`` in graph mode, but is a TF1
  idiom a TF2 port replaces. A ``shim`` here adapts the ``compat.v1`` object to
  what older TF1 code relied on (``tf.flags.FLAGS._parse_flags()`` of TF <= 1.4).

The runner (``tf1compat``), its ``--report`` and ``migration.scan`` all read
this one table.
"""
from dataclasses import dataclass
from typing import Optional

from tf1compat.api import contrib_catalogue, deep_paths, tf0_12

ERROR, WARNING, INFO = "ERROR", "WARNING", "INFO"
SEVERITIES = (ERROR, WARNING, INFO)


@dataclass(frozen=True)
class Entry:
    """What one TF1 name became."""

    kind: str  # "provided" | "removed" | "compat"
    category: str
    tf2: str  # the TF2 replacement, as a user would search for it
    example: Optional[str] = None  # worked example NAME: migration/NAME.py
    shim: Optional[str] = None  # provided: module implementing it; compat: module adapting it (optional)
    reason: Optional[str] = None  # removed: why tf1compat does not provide it
    severity: str = WARNING
    implements: Optional[str] = None  # a TF1 implementation module path: the public module whose names it serves
    counted: bool = True  # False: the shim itself reports the uses that are TF1 idioms (e.g. pre-1.0 argument orders)


def provided(shim, category, tf2, example=None):
    return Entry("provided", category, tf2, example, shim=shim, severity=WARNING)


def aliased(target, category, tf2, example=None):
    """A removed name whose TF2 home is a drop-in: ``target`` (``"tensorflow.compat.v1:keras"``) answers for it."""
    return Entry("provided", category, tf2, example, shim=target, severity=WARNING)


def removed(reason, category, tf2, example=None):
    return Entry("removed", category, tf2, example, reason=reason, severity=ERROR)


def compat(category, tf2, example=None, severity=WARNING, shim=None):
    """A TF1 name ``tf.compat.v1`` still has; ``shim`` adapts it where TF1 code relied on older internals."""
    return Entry("compat", category, tf2, example, shim=shim, severity=severity)


_INPUT_DATA = "tf1compat.shims.mnist.input_data"
_MNIST_TF2 = "tf.keras.datasets.mnist.load_data() + tf.data.Dataset"
_CONTRIB_GONE = "tf.contrib was removed in TensorFlow 2.0"
_LEGACY_SEQ2SEQ = "tf1compat.shims.contrib.legacy_seq2seq"
_LEGACY_SEQ2SEQ_TF2 = ("Keras RNN layers with return_state (+ tf.keras.layers.AdditiveAttention); "
                       "loss: tf.keras.losses.SparseCategoricalCrossentropy")
_SHIMS = "tf1compat.shims.contrib"
_VOCABULARY = "tf1compat.shims.contrib.learn.preprocessing"
_CSV_LOADERS = "tf1compat.shims.contrib.learn.datasets"
_CUDNN_GPU_ONLY = ("tf1compat does not provide the cuDNN layers: their weights are one opaque cuDNN buffer that only "
                   "TensorFlow's GPU kernels (CudnnRNN*, no CPU kernel in 2.21) read and write")
_CUDNN_CELLS = ("on CPU, tf.contrib.cudnn_rnn.CudnnCompatibleLSTMCell / CudnnCompatibleGRUCell (provided: same math, "
                "canonical checkpoint names) in tf.nn.dynamic_rnn; in TF2, tf.keras.layers.LSTM / GRU (cuDNN on a GPU)")
_STATE_SAVER = ("tf1compat does not reimplement the barrier-based SequenceQueueingStateSaver that carries RNN state "
                "between truncated segments")
_STATEFUL_RNN = "tf.keras.layers.RNN(stateful=True) over tf.data windows of each sequence"
_KERAS_FIT = "tf.keras.Model with compile/fit/evaluate/predict on a tf.data.Dataset; tf.saved_model.save for serving"
_PRE_ABSL_FLAGS = "tf1compat.shims.flags"  # tf.compat.v1.flags, its FLAGS with TF <= 1.4's _parse_flags() / __flags

TABLE = {
    # --- removed modules that tf1compat provides -------------------------------
    "examples.tutorials.mnist.input_data": provided(_INPUT_DATA, "input_data", _MNIST_TF2, "cnn_mnist"),
    "contrib.learn.datasets.mnist": provided(_INPUT_DATA, "input_data", _MNIST_TF2, "cnn_mnist"),
    "contrib.learn.python.learn.datasets.mnist": provided(_INPUT_DATA, "input_data", _MNIST_TF2, "cnn_mnist"),
    "contrib.layers": provided("tf1compat.shims.contrib.layers", "contrib", "tf.keras.layers", "cnn_mnist"),
    "contrib.rnn": provided("tf1compat.shims.contrib.rnn", "contrib", "tf.keras.layers.LSTM / RNN / LSTMCell"),
    "contrib.slim": provided("tf1compat.shims.contrib.slim", "contrib", "tf.keras layers and Model.fit or a tf.function train step"),
    "contrib.framework": provided("tf1compat.shims.contrib.framework", "contrib", "tf.keras layers; tf.Module.trainable_variables", "model_checkpoint"),
    "contrib.legacy_seq2seq": provided(_LEGACY_SEQ2SEQ, "contrib", _LEGACY_SEQ2SEQ_TF2, "char_rnn"),
    "contrib.legacy_seq2seq.python.ops.seq2seq": provided(_LEGACY_SEQ2SEQ, "contrib", _LEGACY_SEQ2SEQ_TF2, "char_rnn"),
    "contrib.seq2seq": provided("tf1compat.shims.contrib.seq2seq", "contrib", "a Keras RNN decoder: tf.keras.layers.RNN / LSTMCell + Attention in a tf.function loop; SparseCategoricalCrossentropy with sample_weight for sequence_loss"),
    # --- issue 12: the rest of tf.contrib (shims and aliases to a TF2 home) ------
    "contrib.lookup": provided(f"{_SHIMS}.lookup", "contrib", "tf.lookup.StaticHashTable / StaticVocabularyTable"),
    "contrib.metrics": provided(f"{_SHIMS}.metrics", "metrics", "tf.keras.metrics (stateful objects, no local variables)"),
    "contrib.losses": provided(f"{_SHIMS}.losses", "layers", "tf.keras.losses"),
    "contrib.distribute": provided(f"{_SHIMS}.distribute", "contrib", "tf.distribute"),
    "contrib.summary": provided(f"{_SHIMS}.summary", "summary", "tf.summary (TF2's summary API is contrib.summary grown up)"),
    "contrib.util": provided(f"{_SHIMS}.util", "contrib", "tf.make_tensor_proto / tf.make_ndarray / tf.get_static_value"),
    "contrib.opt": provided(f"{_SHIMS}.opt", "optimizer", "tf.keras.optimizers.AdamW, or SGD / Adam with weight_decay"),
    "contrib.factorization": provided(f"{_SHIMS}.factorization", "contrib", "a tf.function k-means loop, or sklearn.cluster.KMeans"),
    "contrib.image": provided(f"{_SHIMS}.image", "ops", "tf.keras.layers.RandomRotation / RandomTranslation, or tf.raw_ops.ImageProjectiveTransformV3"),
    "contrib.learn.preprocessing": provided(_VOCABULARY, "contrib", "tf.keras.layers.TextVectorization"),
    "contrib.learn.python.learn.preprocessing": provided(_VOCABULARY, "contrib", "tf.keras.layers.TextVectorization"),
    "contrib.learn.datasets.base": provided(_CSV_LOADERS, "input_data", "numpy.loadtxt, or tf.data.experimental.make_csv_dataset"),
    "contrib.learn.python.learn.datasets.base": provided(_CSV_LOADERS, "input_data", "numpy.loadtxt, or tf.data.experimental.make_csv_dataset"),
    "contrib.keras": aliased("tensorflow.compat.v1:keras", "layers", "tf.keras"),
    "contrib.autograph": aliased("tensorflow.compat.v1:autograph", "contrib", "tf.autograph"),
    "contrib.linalg": aliased("tensorflow.compat.v1:linalg", "ops", "tf.linalg"),
    "contrib.signal": aliased("tensorflow.compat.v1:signal", "ops", "tf.signal"),
    "contrib.lite": aliased("tensorflow.compat.v1:lite", "contrib", "tf.lite"),
    "contrib.proto.decode_proto": aliased("tensorflow.compat.v1.io:decode_proto", "ops", "tf.io.decode_proto"),
    "contrib.proto.encode_proto": aliased("tensorflow.compat.v1.io:encode_proto", "ops", "tf.io.encode_proto"),
    "contrib.batching.batch_function": aliased("tensorflow.compat.v1:nondifferentiable_batch_function", "ops", "tf.nondifferentiable_batch_function"),
    "contrib.compiler.jit.experimental_jit_scope": aliased("tensorflow.compat.v1.xla.experimental:jit_scope", "ops", "tf.function(jit_compile=True), or tf.xla.experimental.jit_scope"),
    "contrib.distributions": provided(f"{_SHIMS}.distributions", "contrib", "tensorflow_probability.distributions"),
    "contrib.tensorboard.plugins.projector": aliased("tensorboard.plugins.projector", "summary", "tensorboard.plugins.projector"),
    "contrib.stateless.stateless_random_uniform": aliased("tensorflow.compat.v1.random:stateless_uniform", "ops", "tf.random.stateless_uniform"),
    "contrib.stateless.stateless_random_normal": aliased("tensorflow.compat.v1.random:stateless_normal", "ops", "tf.random.stateless_normal"),
    "contrib.stateless.stateless_truncated_normal": aliased("tensorflow.compat.v1.random:stateless_truncated_normal", "ops", "tf.random.stateless_truncated_normal"),
    "contrib.stateless.stateless_multinomial": aliased("tensorflow.compat.v1.random:stateless_categorical", "ops", "tf.random.stateless_categorical"),
    **{f"contrib.feature_column.{name}": aliased(f"tensorflow.compat.v1.feature_column:{name}", "contrib", f"tf.feature_column.{name}")
       for name in ("sequence_categorical_column_with_hash_bucket", "sequence_categorical_column_with_identity",
                    "sequence_categorical_column_with_vocabulary_file", "sequence_categorical_column_with_vocabulary_list",
                    "sequence_numeric_column")},
    "contrib.feature_column.*": removed(f"{_CONTRIB_GONE}; tf1compat provides only its sequence_* columns", "contrib", "tf.keras.experimental.SequenceFeatures over tf.feature_column.sequence_* columns"),
    "contrib.tensorboard.*": removed(f"{_CONTRIB_GONE}; tf1compat provides only plugins.projector", "summary", "tensorboard.plugins.projector"),
    "contrib.stateless.*": removed(f"{_CONTRIB_GONE}; tf1compat provides only its four samplers", "ops", "tf.random.stateless_*"),
    "contrib.proto.*": removed(f"{_CONTRIB_GONE}; tf1compat provides only decode_proto and encode_proto", "ops", "tf.io.decode_proto / encode_proto"),
    "contrib.batching.*": removed(f"{_CONTRIB_GONE}; tf1compat provides only batch_function", "ops", "tf.nondifferentiable_batch_function"),
    "contrib.compiler.*": removed(f"{_CONTRIB_GONE}; tf1compat provides only jit.experimental_jit_scope", "ops", "tf.function(jit_compile=True)"),
    "contrib.crf": provided("tf1compat.shims.contrib.crf", "contrib", "a CRF layer of your own (TensorFlow Addons' tfa.text.crf_* is archived): forward algorithm + Viterbi over tf.keras logits"),
    "contrib.training": provided("tf1compat.shims.contrib.training", "contrib", "a dict or dataclass of hyperparameters; tf.data.experimental.bucket_by_sequence_length"),
    "contrib.cudnn_rnn": provided("tf1compat.shims.contrib.cudnn_rnn", "contrib", "tf.keras.layers.LSTM / GRU (they use cuDNN on a GPU)"),
    # --- the Estimator era: tensorflow-estimator 2.15 made to import (tf1compat.estimator) and its contrib names
    "estimator": provided("tf1compat.estimator.api:estimator", "estimator", _KERAS_FIT, "estimator_mnist"),
    "contrib.tpu": provided("tf1compat.shims.contrib.tpu", "estimator", "tf.distribute.TPUStrategy + Keras Model.fit", "estimator_mnist"),
    "contrib.estimator": provided("tf1compat.shims.contrib.estimator", "estimator", _KERAS_FIT, "estimator_mnist"),
    "contrib.learn.ModeKeys": provided("tf1compat.shims.contrib.learn.mode_keys:ModeKeys", "estimator", "Keras: model(x, training=True/False)", "estimator_mnist"),
    "contrib.predictor": provided("tf1compat.shims.contrib.predictor", "estimator", "tf.saved_model.load(path).signatures['serving_default']", "estimator_mnist"),
    "contrib.cluster_resolver": provided("tf1compat.shims.contrib.cluster_resolver", "contrib", "tf.distribute.cluster_resolver"),
    "contrib.data": provided("tf1compat.shims.contrib.data", "contrib", "tf.data.Dataset methods and tf.data.experimental"),
    "train.SessionRunHook": compat("estimator", "a tf.keras.callbacks.Callback passed to Model.fit", "estimator_mnist"),
    "train.SessionRunArgs": compat("estimator", "the logs a tf.keras.callbacks.Callback receives", "estimator_mnist"),
    # --- removed and not provided ----------------------------------------------
    "contrib.*": removed(f"{_CONTRIB_GONE}; docs/contrib_coverage.md lists the contrib modules tf1compat provides",
                         "contrib", "the TF2 API listed in the TF 2.0 contrib migration table (tensorflow.org/guide/migrate)"),
    "contrib.learn.*": removed(f"{_CONTRIB_GONE} and tf.contrib.learn (skflow) has no TF2 form; tf1compat provides "
                               "only its MNIST reader, ModeKeys, preprocessing and datasets.base",
                               "estimator", "tf.keras.Model with compile/fit, or a tf.function training loop", "cnn_mnist"),
    "contrib.cudnn_rnn.CudnnLSTM": removed(_CUDNN_GPU_ONLY, "contrib", _CUDNN_CELLS),
    "contrib.cudnn_rnn.CudnnGRU": removed(_CUDNN_GPU_ONLY, "contrib", _CUDNN_CELLS),
    "contrib.cudnn_rnn.CudnnRNNTanh": removed(_CUDNN_GPU_ONLY, "contrib", _CUDNN_CELLS),
    "contrib.cudnn_rnn.CudnnRNNRelu": removed(_CUDNN_GPU_ONLY, "contrib", _CUDNN_CELLS),
    "contrib.training.batch_sequences_with_states": removed(_STATE_SAVER, "contrib", _STATEFUL_RNN),
    "contrib.training.SequenceQueueingStateSaver": removed(_STATE_SAVER, "contrib", _STATEFUL_RNN),
    "examples.*": removed("tensorflow.examples was removed in TensorFlow 2.0; tf1compat provides only "
                          "examples.tutorials.mnist.input_data", "input_data", _MNIST_TF2, "cnn_mnist"),
    # --- TF1 idioms that still run through tf.compat.v1 --------------------------
    "Session": compat("session", "eager execution; put the step in a tf.function", "cnn_mnist"),
    "InteractiveSession": compat("session", "eager execution (the default in TF2)", "api_tour"),
    "disable_v2_behavior": compat("session", "nothing: TF2 behaviour (eager) is the default"),
    "disable_eager_execution": compat("session", "nothing: eager execution is the default"),
    "ConfigProto": compat("session", "tf.config.threading / tf.config.set_visible_devices", severity=INFO),
    "train.MonitoredTrainingSession": compat("session", "a tf.function train step + tf.train.CheckpointManager", "model_checkpoint"),
    "train.MonitoredSession": compat("session", "a tf.function train step + tf.train.CheckpointManager", "model_checkpoint"),
    "train.Supervisor": compat("session", "a tf.function train step + tf.train.CheckpointManager", "model_checkpoint"),
    "sparse_placeholder": compat("placeholder", "a tf.function argument with a tf.SparseTensorSpec input_signature"),
    "placeholder": compat("placeholder", "a tf.function argument (with an input_signature)", "cnn_mnist"),
    "placeholder_with_default": compat("placeholder", "a Python default argument of a tf.function", "api_tour"),
    "global_variables_initializer": compat("variables", "nothing: TF2 variables are initialised when created", "cnn_mnist"),
    "initialize_all_variables": compat("variables", "nothing: TF2 variables are initialised when created", "cnn_mnist"),
    "local_variables_initializer": compat("variables", "nothing: tf.data epochs replace local epoch counters", "coordinator_loop"),
    "get_variable": compat("variables", "tf.Variable owned by a tf.Module or Keras layer", "model_checkpoint"),
    "get_local_variable": compat("variables", "tf.Variable(..., trainable=False) owned by a tf.Module", "model_checkpoint"),
    "get_variable_scope": compat("variables", "tf.Module / Keras layer names", "model_checkpoint"),
    "AUTO_REUSE": compat("variables", "create each tf.Module / Keras layer once and call it again", "model_checkpoint"),
    "variables_initializer": compat("variables", "nothing: TF2 variables are initialised when created", "cnn_mnist"),
    "initialize_local_variables": compat("variables", "nothing: tf.data epochs replace local epoch counters", "coordinator_loop"),
    "all_variables": compat("variables", "model.variables", "model_checkpoint"),
    "local_variables": compat("variables", "model.variables", "model_checkpoint"),
    "model_variables": compat("variables", "model.variables", "model_checkpoint"),
    "assign": compat("variables", "variable.assign(value)", severity=INFO),
    "assign_add": compat("variables", "variable.assign_add(value)", severity=INFO),
    "assign_sub": compat("variables", "variable.assign_sub(value)", severity=INFO),
    "variable_scope": compat("variables", "tf.Module / Keras layer names (tf.name_scope for ops)", "model_checkpoint"),
    "get_collection": compat("variables", "tf.Module.variables / trainable_variables", "model_checkpoint"),
    "add_to_collection": compat("variables", "attributes of a tf.Module", "model_checkpoint"),
    "GraphKeys": compat("variables", "tf.Module.variables / trainable_variables", "model_checkpoint"),
    "trainable_variables": compat("variables", "model.trainable_variables", "model_checkpoint"),
    "global_variables": compat("variables", "model.variables", "model_checkpoint"),
    "reset_default_graph": compat("session", "nothing: eager has no global graph", "api_tour"),
    "Graph": compat("session", "tf.function (it traces the graph); no `with tf.Graph().as_default()`", "api_tour", INFO),
    "get_default_graph": compat("session", "tf.function.get_concrete_function(...).graph", "api_tour"),
    "set_random_seed": compat("seed", "tf.random.set_seed (or tf.keras.utils.set_random_seed)", "cnn_mnist"),
    "random.set_random_seed": compat("seed", "tf.random.set_seed (or tf.keras.utils.set_random_seed)", "cnn_mnist"),
    "random_normal": compat("variables", "tf.random.normal", "cnn_mnist", INFO),
    "truncated_normal": compat("variables", "tf.random.truncated_normal", "api_tour", INFO),
    "Print": compat("print", "tf.print", "api_tour"),
    "glorot_uniform_initializer": compat("variables", "tf.keras.initializers.GlorotUniform", "model_checkpoint", INFO),
    "glorot_normal_initializer": compat("variables", "tf.keras.initializers.GlorotNormal", severity=INFO),
    "random_uniform": compat("variables", "tf.random.uniform", severity=INFO),
    "string_join": compat("ops", "tf.strings.join", "csv_reader", INFO),
    "string_split": compat("ops", "tf.strings.split (it returns a RaggedTensor)", "csv_reader", INFO),
    "log": compat("ops", "tf.math.log", severity=INFO),
    "squared_difference": compat("ops", "tf.math.squared_difference", severity=INFO),
    "div": compat("ops", "tf.math.divide / tf.math.floordiv", severity=INFO),
    "to_float": compat("ops", "tf.cast(x, tf.float32)", severity=INFO),
    "to_int32": compat("ops", "tf.cast(x, tf.int32)", severity=INFO),
    "to_int64": compat("ops", "tf.cast(x, tf.int64)", severity=INFO),
    "arg_max": compat("ops", "tf.math.argmax", severity=INFO),
    "py_func": compat("ops", "tf.numpy_function or tf.py_function", severity=INFO),
    "image.resize_images": compat("ops", "tf.image.resize", severity=INFO),
    "metrics.accuracy": compat("metrics", "tf.keras.metrics.Accuracy (stateful object, no local variables)"),
    "metrics.mean": compat("metrics", "tf.keras.metrics.Mean (stateful object, no local variables)"),
    "losses.softmax_cross_entropy": compat("layers", "tf.keras.losses.CategoricalCrossentropy(from_logits=True)", severity=INFO),
    "losses.sparse_softmax_cross_entropy": compat("layers", "tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)", severity=INFO),
    "layers": compat("layers", "tf.keras.layers", "cnn_mnist"),
    "nn.rnn_cell": compat("layers", "tf.keras.layers.LSTMCell / GRUCell with tf.keras.layers.RNN"),
    "nn.dynamic_rnn": compat("layers", "tf.keras.layers.RNN / LSTM"),
    "nn.static_rnn": compat("layers", "tf.keras.layers.RNN(unroll=True)"),
    "nn.dropout": compat("dropout", "tf.nn.dropout(x, rate=1 - keep_prob)", "cnn_mnist"),
    "nn.softmax_cross_entropy_with_logits_v2": compat("layers", "tf.nn.softmax_cross_entropy_with_logits", "cnn_mnist", INFO),
    "train.Saver": compat("saver", "tf.train.Checkpoint + tf.train.CheckpointManager", "model_checkpoint"),
    "train.import_meta_graph": compat("saver", "tf.saved_model.load, or rebuild the model and restore a tf.train.Checkpoint", "model_checkpoint"),
    "train.NewCheckpointReader": compat("saver", "tf.train.load_checkpoint", "model_checkpoint"),
    "train.checkpoint_exists": compat("saver", "tf.train.latest_checkpoint / tf.io.gfile.exists", "model_checkpoint", INFO),
    "train.write_graph": compat("saver", "tf.io.write_graph", severity=INFO),
    "train.Coordinator": compat("queue", "a plain for loop over a tf.data.Dataset", "coordinator_loop"),
    "train.start_queue_runners": compat("queue", "tf.data.Dataset iteration", "coordinator_loop"),
    "train.QueueRunner": compat("queue", "tf.data.Dataset", "coordinator_loop"),
    "train.string_input_producer": compat("queue", "tf.data.Dataset.from_tensor_slices(files).shuffle().repeat()", "wholefile_copy"),
    "train.slice_input_producer": compat("queue", "tf.data.Dataset.from_tensor_slices(...).shuffle()", "coordinator_loop"),
    "train.input_producer": compat("queue", "tf.data.Dataset.from_tensor_slices", "coordinator_loop"),
    "train.batch": compat("queue", "tf.data.Dataset.batch", "coordinator_loop"),
    "train.shuffle_batch": compat("queue", "tf.data.Dataset.shuffle().batch()", "csv_reader"),
    "WholeFileReader": compat("queue", "tf.data.Dataset.map(tf.io.read_file)", "wholefile_copy"),
    "TextLineReader": compat("queue", "tf.data.TextLineDataset / tf.data.experimental.CsvDataset", "csv_reader"),
    "TFRecordReader": compat("queue", "tf.data.TFRecordDataset"),
    "FIFOQueue": compat("queue", "tf.data.Dataset", "coordinator_loop"),
    "RandomShuffleQueue": compat("queue", "tf.data.Dataset.shuffle", "coordinator_loop"),
    "PaddingFIFOQueue": compat("queue", "tf.data.Dataset.padded_batch", "coordinator_loop"),
    "train.limit_epochs": compat("queue", "tf.data.Dataset.repeat(num_epochs)", "coordinator_loop"),
    "train.batch_join": compat("queue", "tf.data.Dataset.interleave().batch()", "coordinator_loop"),
    "train.shuffle_batch_join": compat("queue", "tf.data.Dataset.interleave().shuffle().batch()", "coordinator_loop"),
    "data.make_one_shot_iterator": compat("queue", "iterate the tf.data.Dataset directly (for batch in dataset)", "coordinator_loop"),
    "data.make_initializable_iterator": compat("queue", "iterate the tf.data.Dataset directly (for batch in dataset)", "coordinator_loop"),
    "read_file": compat("queue", "tf.io.read_file", "wholefile_copy", INFO),
    "write_file": compat("queue", "tf.io.write_file", "wholefile_copy", INFO),
    "decode_raw": compat("queue", "tf.io.decode_raw", severity=INFO),
    "parse_single_example": compat("queue", "tf.io.parse_single_example", severity=INFO),
    "FixedLenFeature": compat("queue", "tf.io.FixedLenFeature", severity=INFO),
    "decode_csv": compat("queue", "tf.io.decode_csv inside Dataset.map, or tf.data.experimental.CsvDataset", "csv_reader", INFO),
    "train.GradientDescentOptimizer": compat("optimizer", "tf.keras.optimizers.SGD"),
    "train.AdamOptimizer": compat("optimizer", "tf.keras.optimizers.Adam", "cnn_mnist"),
    "train.MomentumOptimizer": compat("optimizer", "tf.keras.optimizers.SGD(momentum=...)"),
    "train.RMSPropOptimizer": compat("optimizer", "tf.keras.optimizers.RMSprop"),
    "train.AdagradOptimizer": compat("optimizer", "tf.keras.optimizers.Adagrad"),
    "train.AdadeltaOptimizer": compat("optimizer", "tf.keras.optimizers.Adadelta"),
    "train.FtrlOptimizer": compat("optimizer", "tf.keras.optimizers.Ftrl"),
    "train.Optimizer": compat("optimizer", "tf.keras.optimizers.Optimizer"),
    "train.ProximalAdagradOptimizer": compat("optimizer", "tf.keras.optimizers.Adagrad (no proximal variant in Keras)"),
    "train.ProximalGradientDescentOptimizer": compat("optimizer", "tf.keras.optimizers.SGD (no proximal variant in Keras)"),
    "train.SyncReplicasOptimizer": compat("distributed", "tf.distribute.MultiWorkerMirroredStrategy", "distributed_ps"),
    "train.ClusterSpec": compat("distributed", "TF_CONFIG + tf.distribute.cluster_resolver.TFConfigClusterResolver",
                                "distributed_ps"),
    "train.Server": compat("distributed", "tf.distribute.Server (ps/worker); the chief runs a strategy", "distributed_ps"),
    "train.StopAtStepHook": compat("distributed", "schedule N steps (ClusterCoordinator) or a for loop", "distributed_ps"),
    "train.FinalOpsHook": compat("distributed", "evaluate the model after the training loop", "distributed_ps"),
    "train.replica_device_setter": compat("distributed", "variables created in ParameterServerStrategy.scope()",
                                          "distributed_ps"),
    "train.exponential_decay": compat("optimizer", "tf.keras.optimizers.schedules.ExponentialDecay"),
    "train.piecewise_constant": compat("optimizer", "tf.keras.optimizers.schedules.PiecewiseConstantDecay"),
    "train.global_step": compat("optimizer", "int(optimizer.iterations)", "model_checkpoint"),
    "train.get_or_create_global_step": compat("optimizer", "optimizer.iterations", "model_checkpoint"),
    "train.get_global_step": compat("optimizer", "optimizer.iterations", "model_checkpoint"),
    "summary.FileWriter": compat("summary", "tf.summary.create_file_writer", "cnn_mnist"),
    "summary.scalar": compat("summary", "tf.summary.scalar(name, value, step=...) under a writer", "cnn_mnist"),
    "summary.histogram": compat("summary", "tf.summary.histogram(name, value, step=...) under a writer", "cnn_mnist"),
    "summary.image": compat("summary", "tf.summary.image(name, value, step=...) under a writer", "cnn_mnist"),
    "summary.merge_all": compat("summary", "nothing: TF2 summaries are written as they run", "cnn_mnist"),
    "summary.merge": compat("summary", "nothing: TF2 summaries are written as they run", "cnn_mnist"),
    "summary.text": compat("summary", "tf.summary.text(name, value, step=...) under a writer", "cnn_mnist"),
    "summary.audio": compat("summary", "tf.summary.audio(name, value, sample_rate, step=...) under a writer", "cnn_mnist"),
    "summary.FileWriterCache": compat("summary", "tf.summary.create_file_writer", "cnn_mnist"),
    "app": compat("app", "absl.app and absl.flags (or argparse)", severity=INFO),
    "app.run": compat("app", "absl.app.run", severity=INFO),
    "app.flags": compat("app", "absl.flags (or argparse)", severity=INFO, shim=_PRE_ABSL_FLAGS),
    "flags": compat("app", "absl.flags (or argparse)", severity=INFO, shim=_PRE_ABSL_FLAGS),
    "logging": compat("app", "absl.logging or Python logging", severity=INFO),
    "gfile": compat("app", "tf.io.gfile", severity=INFO),
}

_LINEAR_TF2 = "tf.keras.layers.Dense over tf.concat(args, -1)"
# tensorflow.python modules whose classes must be tf_keras's (compat: the rest of tensorflow.python stays real).
_FACE = "the same-named tf.compat.v1 objects (tf-keras); tensorflow.python is TensorFlow's private API"
TABLE.update({path: Entry("compat", "layers", _FACE, shim=deep_paths.face_target(path), implements=path)
              for path in deep_paths.TENSORFLOW_PYTHON_FACES})
TABLE.update({path: Entry("compat", "layers", _FACE, shim=f"tensorflow.{path}", implements=path, severity=INFO)
              for path in deep_paths.TENSORFLOW_PYTHON_PACKAGES})
TABLE["python.ops.rnn_cell_impl._linear"] = Entry("compat", "layers", _LINEAR_TF2,  # TF 1.2-1.4: kernel / bias
                                                  shim="tf1compat.shims.rnn_linear:_linear")
# --- issue 24: TF 0.12's names, renamed or reordered in TF 1.0 (tf_upgrade.py); first, so that the ------
# catalogue below leaves tf.contrib.deprecated (0.12's summary ops, kept there by TF 1.x) partly provided.
TABLE.update(tf0_12.table_entries(Entry))

# --- issue 12: every tf.contrib module of TensorFlow 1.15 (docs/contrib_coverage.md) ------------
# A catalogue entry becomes `removed` only where the table has none for the module or below it.
CONTRIB_MODULES = contrib_catalogue.CONTRIB_MODULES
TABLE.update({f"contrib.{module}": removed(reason, "contrib", tf2)
              for module, (reason, tf2) in contrib_catalogue.REMOVED_MODULES.items()
              if f"contrib.{module}" not in TABLE and not any(key.startswith(f"contrib.{module}.") for key in TABLE)})
TABLE.update({f"contrib.{module}.{name}": removed(reason, category, tf2)
              for module, (reason, category, names) in contrib_catalogue.NAMES_NOT_PROVIDED.items()
              for name, tf2 in names.items()})


# --- issue 24: TF 1.x implementation module paths (tensorflow.contrib.rnn.python.ops.rnn_cell, ...) ------
TABLE["contrib.rnn.python.ops.core_rnn_cell._linear"] = aliased("tf1compat.shims.rnn_linear:_linear", "layers", _LINEAR_TF2)
TABLE["contrib.rnn.python.ops.core_rnn_cell_impl._linear"] = aliased("tf1compat.shims.rnn_linear:linear_tf1_0", "layers",
                                                                     _LINEAR_TF2)
for _path, _mover in deep_paths.module_paths().items():
    _public = TABLE.get(deep_paths.public_module(_path))
    _own = TABLE.get(_path)  # an entry of its own wins unless it merely repeats the public module's shim
    if _public is not None and _public.kind == "provided" and (_own is None or _own.shim == _public.shim):
        TABLE[_path] = Entry("provided", _public.category, _public.tf2, _public.example, shim=_mover or _public.shim,
                             implements=deep_paths.public_module(_path))


def governing_entry(name):
    """``(key, Entry)`` of the table entry that governs TF1 name ``name``, or ``None``.

    The longest matching name wins, an exact key before a ``prefix.*`` wildcard at the
    same depth: ``contrib.cudnn_rnn.CudnnLSTM`` (removed) before ``contrib.cudnn_rnn`` (provided:
    its shim answers for the names below it) before ``contrib.*`` (removed). A namespace
    above provided names (``contrib.learn``, above ``contrib.learn.datasets.mnist``) has
    no entry: the runtime lets it through, and only its members can fail.
    """
    if name not in TABLE and is_namespace(name):
        return None
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        key = ".".join(parts[:cut])
        if key in TABLE:
            return key, TABLE[key]
        if cut < len(parts) and key + ".*" in TABLE:
            return key + ".*", TABLE[key + ".*"]
    return None


def lookup(name):
    """The ``Entry`` that governs TF1 name ``name`` (see ``governing_entry``), or ``None``."""
    found = governing_entry(name)
    return found[1] if found else None


# Every proper prefix of a provided name, computed once: the runtime asks on each `tf.X` look-up
# (TABLE is read-only after import).
_NAMESPACES = frozenset(".".join(key.split(".")[:cut]) for key, entry in TABLE.items()
                        if entry.kind == "provided" for cut in range(1, key.count(".") + 1))


def is_namespace(name):
    """Whether ``name`` is a proper prefix of a provided name (``contrib``, ``examples.tutorials``)."""
    return name in _NAMESPACES
