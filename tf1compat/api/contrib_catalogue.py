"""The TF 1.15 ``tf.contrib`` catalogue, as data for ``api_table``: every module, and why each unprovided one is gone.

``api_table`` turns these into ``removed`` entries wherever it has no entry of its own (a shim, an
alias, a namespace with a ``.*`` wildcard), so a shim added later simply wins.
"""

_CONTRIB_GONE = "tf.contrib was removed in TensorFlow 2.0"
_CUSTOM_CELL = "a custom cell (tf.keras.layers.AbstractRNNCell) inside tf.keras.layers.RNN"

# The submodules `tf.contrib` exposed in 1.15 (its __init__ and API docs), plus `coder`, `gan`, `lite`
# and `text`, which 1.x releases exposed there too. `python -m tf1compat.api.coverage_page` renders their status.
CONTRIB_MODULES = (
    "autograph batching bayesflow checkpoint cloud cluster_resolver coder compiler constrained_optimization "
    "copy_graph crf cudnn_rnn data deprecated distribute distributions eager estimator factorization "
    "feature_column ffmpeg framework gan graph_editor grid_rnn image input_pipeline integrate keras "
    "kernel_methods labeled_tensor layers learn legacy_seq2seq linalg linear_optimizer lite lookup losses "
    "memory_stats metrics mixed_precision model_pruning nccl nn opt optimizer_v2 periodic_resample predictor "
    "proto quantization quantize rate receptive_field recurrent reduce_slice_ops remote_fused_graph resampler "
    "rnn rpc saved_model seq2seq signal slim solvers sparsemax specs staging stat_summarizer stateless summary "
    "tensor_forest tensorboard testing text tfprof timeseries tpu training util"
).split()

_MOVED = "moved out of TensorFlow to"
# module -> (why it is not provided, its TF2 replacement).
REMOVED_MODULES = {
    "bayesflow": (f"{_MOVED} TensorFlow Probability", "tensorflow_probability (tfp.mcmc, tfp.vi, tfp.monte_carlo)"),
    "checkpoint": ("object-based checkpointing became core TensorFlow", "tf.train.Checkpoint and tf.Module tracking"),
    "cloud": (f"{_MOVED} TensorFlow I/O", "tensorflow_io.bigquery; tf.io.gfile reads gs:// paths"),
    "cluster_resolver": (_CONTRIB_GONE, "tf.distribute.cluster_resolver"),
    "coder": (f"{_MOVED} TensorFlow Compression", "tensorflow_compression"),
    "constrained_optimization": (f"{_MOVED} TensorFlow Constrained Optimization", "tensorflow_constrained_optimization"),
    "copy_graph": ("TF2 has no editable global graph", "tf.function (it traces the graph) and tf.Module"),
    "crf": (_CONTRIB_GONE, "a CRF layer of your own (TensorFlow Addons' crf is archived)"),
    "cudnn_rnn": (_CONTRIB_GONE, "tf.keras.layers.LSTM / GRU (they pick the cuDNN kernel on a GPU)"),
    "data": (_CONTRIB_GONE, "tf.data.experimental"),
    "deprecated": ("the pre-1.0 tf.X_summary aliases were renamed in TensorFlow 1.0", "tf.summary.scalar / histogram / image / audio"),
    "eager": ("eager execution became the TensorFlow 2 default", "tf.GradientTape, tf.train.Checkpoint, tf.function"),
    "estimator": (_CONTRIB_GONE, "tf.keras.Model with compile/fit"),
    "ffmpeg": (f"{_MOVED} TensorFlow I/O", "tf.audio.decode_wav, or tensorflow_io.audio"),
    "gan": (f"{_MOVED} TF-GAN", "tensorflow_gan"),
    "graph_editor": ("TF2 has no editable global graph", "tf.function"),
    "grid_rnn": (_CONTRIB_GONE, _CUSTOM_CELL),
    "input_pipeline": (_CONTRIB_GONE, "tf.data.Dataset"),
    "integrate": (f"{_MOVED} TensorFlow Probability", "tfp.math.ode"),
    "kernel_methods": (_CONTRIB_GONE, "tf.keras.layers.experimental.RandomFourierFeatures"),
    "labeled_tensor": (_CONTRIB_GONE, "plain tf.Tensor (track dimension names in Python)"),
    "legacy_seq2seq": (_CONTRIB_GONE, "a Keras RNN encoder-decoder"),
    "linear_optimizer": (_CONTRIB_GONE, "a Keras linear model trained with a Keras optimizer"),
    "memory_stats": (_CONTRIB_GONE, "tf.config.experimental.get_memory_info"),
    "mixed_precision": (_CONTRIB_GONE, "tf.keras.mixed_precision"),
    "model_pruning": (f"{_MOVED} the TensorFlow Model Optimization toolkit", "tensorflow_model_optimization.sparsity.keras"),
    "nccl": ("the NCCL ops became an implementation detail of tf.distribute", "tf.distribute.NcclAllReduce"),
    "nn": (_CONTRIB_GONE, "tf.nn, tf.keras.layers.AlphaDropout, tf.math.top_k"),
    "optimizer_v2": ("it became the Keras optimizers", "tf.keras.optimizers"),
    "periodic_resample": (_CONTRIB_GONE, "tf.reshape and tf.transpose"),
    "predictor": (_CONTRIB_GONE, "tf.saved_model.load(...).signatures"),
    "quantization": ("its ops are core TensorFlow", "tf.quantization"),
    "quantize": (f"{_MOVED} the TensorFlow Model Optimization toolkit", "tensorflow_model_optimization.quantization.keras"),
    "rate": (_CONTRIB_GONE, "tf.keras.metrics.Mean of value / time"),
    "receptive_field": (_CONTRIB_GONE, "compute receptive fields from the layer strides and kernel sizes"),
    "recurrent": (_CONTRIB_GONE, "tf.keras.layers.RNN"),
    "reduce_slice_ops": (_CONTRIB_GONE, "tf.math.segment_sum / unsorted_segment_sum and friends"),
    "remote_fused_graph": (_CONTRIB_GONE, "none: the remote fused-graph executor was dropped"),
    "resampler": (_CONTRIB_GONE, "tf.gather_nd with bilinear weights (TensorFlow Addons' resampler is archived)"),
    "rpc": (_CONTRIB_GONE, "tf.distribute.experimental.rpc, or gRPC from Python"),
    "saved_model": ("its Keras export helpers became core", "tf.saved_model.save / tf.keras.models.save_model"),
    "solvers": (_CONTRIB_GONE, "tf.linalg.lstsq / tf.linalg.solve, or tfp.math"),
    "sparsemax": (_CONTRIB_GONE, "a sparsemax function of your own (TensorFlow Addons' is archived)"),
    "specs": (_CONTRIB_GONE, "tf.keras.Sequential"),
    "staging": (_CONTRIB_GONE, "tf.data.Dataset.prefetch"),
    "stat_summarizer": (_CONTRIB_GONE, "tf.profiler.experimental"),
    "tensor_forest": (_CONTRIB_GONE, "TensorFlow Decision Forests (tensorflow_decision_forests)"),
    "testing": (_CONTRIB_GONE, "tf.test"),
    "text": (_CONTRIB_GONE, "tf.keras.preprocessing.sequence.skipgrams, or skip-gram pairs built with tf.data"),
    "tfprof": ("the profiler became core TensorFlow", "tf.compat.v1.profiler, or tf.profiler.experimental"),
    "timeseries": (_CONTRIB_GONE, "Keras sequence models, or tfp.sts"),
    "tpu": (_CONTRIB_GONE, "tf.distribute.TPUStrategy"),
    "training": (_CONTRIB_GONE, "tf.data bucketing (Dataset.bucket_by_sequence_length) and plain Python hyperparameters"),
}
_NO_CORE = "a custom tf.keras.optimizers.Optimizer (no {} in core TensorFlow)"
_ADDONS = "{} (TensorFlow Addons' version is archived)"
# Names inside provided contrib modules that tf1compat's shims lack:
# module -> (why, category, {name: TF2 replacement}).
NAMES_NOT_PROVIDED = {
    "opt": (f"{_CONTRIB_GONE} and tf1compat's contrib.opt provides only the optimizers TF1 code used most",
            "optimizer", {
                "AdaMaxOptimizer": "tf.keras.optimizers.Adamax", "AddSignOptimizer": _NO_CORE.format("AddSign"),
                "PowerSignOptimizer": _NO_CORE.format("PowerSign"), "GGTOptimizer": _NO_CORE.format("GGT"),
                "LARSOptimizer": _NO_CORE.format("LARS"), "ShampooOptimizer": _NO_CORE.format("Shampoo"),
                "AGNOptimizer": "tf.distribute strategies (synchronous replicas)",
                "ElasticAverageOptimizer": "tf.distribute strategies (synchronous replicas)",
                "ModelAverageOptimizer": "tf.distribute strategies (synchronous replicas)",
                "DropStaleGradientOptimizer": "tf.distribute strategies (synchronous training has no stale gradients)",
                "AdamGSOptimizer": "tf.keras.optimizers.Adam",
                "LazyAdamGSOptimizer": "tf1compat's contrib.opt.LazyAdamOptimizer",
                "MultitaskOptimizerWrapper": "scale or clip the gradients before apply_gradients",
                "RegAdagradOptimizer": "tf.keras.optimizers.Adagrad",
                "VariableClippingOptimizer": "tf.keras.constraints.MaxNorm on the variable",
            }),
    "factorization": (f"{_CONTRIB_GONE} with its estimators and custom kernels", "contrib", {
        "KMeansClustering": "tf1compat's contrib.factorization.KMeans (graph-building), or sklearn.cluster.KMeans",
        "WALSModel": "an alternating-least-squares loop in tf.function (TensorFlow Recommenders for retrieval)",
        "WALSMatrixFactorization": "an alternating-least-squares loop in tf.function",
        "GMM": "sklearn.mixture.GaussianMixture, or tfp.distributions.MixtureSameFamily",
        "GmmAlgorithm": "sklearn.mixture.GaussianMixture, or tfp.distributions.MixtureSameFamily",
    }),
    "learn.datasets.base": ("the data files TensorFlow 1.x shipped inside its package are gone", "input_data", {
        "load_iris": "sklearn.datasets.load_iris, or tensorflow_datasets.load('iris')",
        "load_boston": "tf.keras.datasets.boston_housing.load_data",
    }),
    "image": (f"{_CONTRIB_GONE} with its custom image kernels", "ops", {
        "connected_components": _ADDONS.format("scipy.ndimage.label"),
        "dense_image_warp": _ADDONS.format("tf.gather_nd with bilinear weights"),
        "sparse_image_warp": _ADDONS.format("a dense flow field applied by bilinear sampling"),
        "interpolate_spline": _ADDONS.format("scipy.interpolate.RBFInterpolator"),
        "bipartite_match": "scipy.optimize.linear_sum_assignment",
        "random_hsv_in_yiq": "tf.image.random_hue / random_saturation / random_brightness",
        "adjust_hsv_in_yiq": "tf.image.adjust_hue / adjust_saturation / adjust_brightness",
        "single_image_random_dot_stereograms": "none in TensorFlow 2",
    }),
}
