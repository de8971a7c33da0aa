"""Stand-ins for the ``tensorflow.python.tpu`` modules TF 2.16 deleted (TPU embedding, TPU session support).

The TF1 API's ``estimator.tpu`` imports them when it loads, but uses them only on a TPU
(``use_tpu=True``, ``embedding_config_spec``): any other name looked up in one, and
creating one of the embedding optimizer classes it imports by name, raise
``UnsupportedTF1APIError``.
"""
import types

from tf1compat.errors import error_for

_REASON = ("TensorFlow 2.16 removed `tensorflow.python.tpu.{name}`, which TPUEstimator uses only on a TPU; "
           "tf1compat runs TPUEstimator on CPU with use_tpu=False")
_REPLACEMENT = "tf.distribute.TPUStrategy with Keras Model.fit (tf.tpu.experimental.embedding.TPUEmbedding for embeddings)"
# Imported by name when tensorflow_estimator's TPU embedding module loads.
_EMBEDDING_OPTIMIZERS = ("AdagradParameters", "AdamParameters", "FtrlParameters", "MomentumParameters",
                         "ProximalAdagradParameters", "RMSPropParameters", "StochasticGradientDescentParameters")


def _unsupported(symbol, name):
    return error_for(symbol, _REASON.format(name=name), _REPLACEMENT, depth=3)


def _optimizer_class(module_name, class_name):
    def __init__(self, *args, **kwargs):
        raise _unsupported(f"tf.estimator.tpu.experimental.{class_name}", module_name.rpartition(".")[2])

    return type(class_name, (), {"__init__": __init__, "__module__": module_name,
                                 "__doc__": f"Stand-in: TPU embedding optimizer {class_name} needs a TPU."})


def stand_in(name):
    """A module named ``tensorflow.python.tpu.<name>`` whose every public attribute raises."""
    module = types.ModuleType(f"tensorflow.python.tpu.{name}", f"tf1compat stand-in: {name} needs a TPU.")
    if name == "tpu_embedding":
        for class_name in _EMBEDDING_OPTIMIZERS:
            setattr(module, class_name, _optimizer_class(module.__name__, class_name))

    def __getattr__(attribute):
        if attribute.startswith("__"):
            raise AttributeError(f"module {module.__name__!r} has no attribute {attribute!r}")
        raise _unsupported(f"{module.__name__}.{attribute}", name)

    module.__getattr__ = __getattr__
    return module
