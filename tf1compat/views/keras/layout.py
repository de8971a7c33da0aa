"""Keras 2.2.4's module paths (its ``keras/`` file layout at tag 2.2.4) and where each one's names come from now.

Each path maps to the modules searched, in order, for a name looked up on the view of that path:
first this package's adapted names (``tf1compat.views.keras.*``: only their ``__all__``), then
tf_keras. A source ``"module:attribute"`` is an object in that module holding the names
(e.g. one dataset's ``load_data``). ``UNSUPPORTED`` lists the 2.2.4 paths with nothing to serve.
"""
_OURS = "tf1compat.views.keras."
_LAYERS = (_OURS + "layers", "tf_keras.layers", "tf_keras.api._v1.keras.layers")
_ENGINE = (_OURS + "models", _OURS + "layers", "tf_keras.layers", "tf_keras.utils")
_BACKEND = (_OURS + "backend", "tf_keras.api._v1.keras.backend", "tf_keras.backend")
_UTILS = (_OURS + "utils", "tf_keras.utils")

MODULES = {
    "keras": (_OURS + "models", "tf_keras"),
    "keras.models": (_OURS + "models", "tf_keras.models"),
    "keras.layers": _LAYERS,
    "keras.engine": _ENGINE,
    "keras.engine.topology": _ENGINE,
    "keras.engine.base_layer": _ENGINE,
    "keras.engine.input_layer": _ENGINE,
    "keras.engine.network": _ENGINE,
    "keras.engine.training": _ENGINE,
    "keras.engine.sequential": _ENGINE,
    "keras.engine.saving": _ENGINE,
    "keras.optimizers": (_OURS + "optimizers", "tf_keras.optimizers.legacy", "tf_keras.optimizers"),
    "keras.losses": ("tf_keras.losses",),
    "keras.objectives": ("tf_keras.losses",),
    "keras.metrics": ("tf_keras.metrics", "tf_keras.losses"),
    "keras.callbacks": ("tf_keras.callbacks",),
    "keras.regularizers": (_OURS + "regularizers", "tf_keras.regularizers"),
    "keras.initializers": (_OURS + "initializers", "tf_keras.initializers"),
    "keras.constraints": (_OURS + "constraints", "tf_keras.constraints"),
    "keras.activations": ("tf_keras.activations",),
    "keras.backend": _BACKEND,
    "keras.backend.tensorflow_backend": _BACKEND,
    "keras.backend.common": _BACKEND,
    "keras.utils": _UTILS,
    "keras.utils.np_utils": _UTILS,
    "keras.utils.generic_utils": _UTILS + ("tf_keras.src.utils.generic_utils",),
    "keras.utils.data_utils": _UTILS + ("tf_keras.src.utils.data_utils",),
    "keras.utils.vis_utils": _UTILS + ("tf_keras.src.utils.vis_utils",),
    "keras.utils.io_utils": _UTILS + ("tf_keras.src.utils.io_utils",),
    "keras.utils.conv_utils": ("tf_keras.src.utils.conv_utils",),
    "keras.utils.layer_utils": _UTILS + ("tf_keras.src.utils.layer_utils",),
    "keras.utils.multi_gpu_utils": _UTILS,
    "keras.preprocessing": ("tf_keras.preprocessing",),
    "keras.preprocessing.image": ("tf_keras.preprocessing.image",),
    "keras.preprocessing.sequence": ("tf_keras.preprocessing.sequence",),
    "keras.preprocessing.text": ("tf_keras.preprocessing.text",),
    "keras.applications": ("tf_keras.applications",),
    "keras.applications.imagenet_utils": ("tf_keras.applications.imagenet_utils",),
    "keras.datasets": (),
    "keras.wrappers": (),
    "keras.legacy": (),
    "keras.legacy.layers": (_OURS + "layers",),
    "keras.legacy.interfaces": (_OURS + "interfaces",),
}
# Keras 2.2.4's keras/layers/*.py: each one a view of the whole keras.layers namespace.
for _module in ("core", "convolutional", "pooling", "recurrent", "normalization", "embeddings", "merge",
                "advanced_activations", "wrappers", "noise", "local", "convolutional_recurrent", "cudnn_recurrent"):
    MODULES["keras.layers." + _module] = _LAYERS
for _application, _now in (("densenet", "densenet"), ("inception_resnet_v2", "inception_resnet_v2"),
                           ("inception_v3", "inception_v3"), ("mobilenet", "mobilenet"),
                           ("mobilenet_v2", "mobilenet_v2"), ("mobilenetv2", "mobilenet_v2"), ("nasnet", "nasnet"),
                           ("resnet50", "resnet50"), ("vgg16", "vgg16"), ("vgg19", "vgg19"),
                           ("xception", "xception")):
    MODULES["keras.applications." + _application] = ("tf_keras.applications." + _now,)
for _dataset in ("boston_housing", "cifar10", "cifar100", "fashion_mnist", "imdb", "mnist", "reuters"):
    MODULES["keras.datasets." + _dataset] = (f"{_OURS}datasets:{_dataset}", "tf_keras.datasets." + _dataset)
MODULES["keras.datasets.cifar"] = ("tf_keras.src.datasets.cifar",)

# Keras 2.2.4 paths the view cannot serve: path -> (why, what to use instead).
UNSUPPORTED = {
    "keras.wrappers.scikit_learn": (
        "tf_keras no longer ships the scikit-learn wrappers (removed in TF 2.12)",
        "scikeras (`pip install scikeras`; `from scikeras.wrappers import KerasClassifier`)"),
}


def parent_of(path):
    """``"keras.layers"`` for ``"keras.layers.core"``; None for ``"keras"``."""
    return path.rpartition(".")[0] or None


def children_of(path):
    """The names of the 2.2.4 submodules directly under ``path`` (``["core", ...]`` for ``keras.layers``)."""
    prefix = path + "."
    return sorted({child[len(prefix):] for child in list(MODULES) + list(UNSUPPORTED)
                   if child.startswith(prefix) and "." not in child[len(prefix):]})
