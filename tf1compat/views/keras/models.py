"""Keras 2.2.4's ``Sequential`` and ``Model``: the tf_keras models plus the 2.2.4 methods and spellings.

Added or adapted: ``fit(nb_epoch=)``, the ``*_generator`` methods with Keras 1's
``samples_per_epoch``/``nb_epoch``/``nb_val_samples``, ``compile`` with 2.2.4's optimizer names
and defaults, ``save``/``save_weights`` writing HDF5 whatever the file name (as 2.2.4 did),
``Model(input=, output=)``, and on ``Sequential`` ``predict_classes``/``predict_proba``.
``load_model`` gives these classes back (a saved file names ``Sequential``/``Model``, as tf_keras's do).
"""
import warnings

import tf_keras

from tf1compat.views.keras import interfaces, legacy_arguments, optimizers, usage
from tf1compat.views.keras.layers import Input, Keras22LayerType

# Keras 2.2.4's generator methods -> (the tf_keras method that does the work, its 2.2.4 positional names
# after the generator, its 2.2.4 default verbosity).
_GENERATOR_METHODS = {"fit_generator": ("fit", ("steps_per_epoch", "epochs"), 1),
                      "evaluate_generator": ("evaluate", ("steps", "max_queue_size"), 0),
                      "predict_generator": ("predict", ("steps", "max_queue_size"), 0)}


def _generator_method(method_name):
    target, positional, verbose = _GENERATOR_METHODS[method_name]

    def method(self, *args, **kwargs):
        usage.record(f"Model.{method_name}")
        args, kwargs = legacy_arguments.convert(method_name, interfaces.GENERATOR_METHODS, args, kwargs)
        generator = args[0] if args else kwargs.pop("generator")
        kwargs.update(zip(positional, args[1:]))
        kwargs.setdefault("verbose", verbose)
        return getattr(self, target)(generator, **kwargs)  # what tf_keras's deprecated method does, unwarned

    method.__name__ = method.__qualname__ = method_name
    method.__doc__ = getattr(tf_keras.Model, method_name).__doc__
    return method


class Keras22ModelMethods:
    """What Keras 2.2.4's ``Model`` had that tf_keras's lacks or spells differently."""

    fit_generator = _generator_method("fit_generator")
    evaluate_generator = _generator_method("evaluate_generator")
    predict_generator = _generator_method("predict_generator")

    def fit(self, *args, **kwargs):
        if "nb_epoch" in kwargs:
            usage.record("fit(nb_epoch=)")
            warnings.warn("The `nb_epoch` argument in `fit` has been renamed `epochs`.", stacklevel=2)
            kwargs["epochs"] = kwargs.pop("nb_epoch")
        return super().fit(*args, **kwargs)

    def compile(self, optimizer="rmsprop", *args, **kwargs):
        if isinstance(optimizer, str):
            optimizer = optimizers.get(optimizer)
        return super().compile(optimizer, *args, **kwargs)

    def save(self, filepath, overwrite=True, include_optimizer=True, **kwargs):
        usage.record("save(HDF5 by default)")
        kwargs.setdefault("save_format", "h5")
        return super().save(filepath, overwrite=overwrite, include_optimizer=include_optimizer, **kwargs)

    def save_weights(self, filepath, overwrite=True, **kwargs):
        kwargs.setdefault("save_format", "h5")
        return super().save_weights(filepath, overwrite=overwrite, **kwargs)


class Sequential(Keras22ModelMethods, tf_keras.Sequential, metaclass=Keras22LayerType):
    """Keras 2.2.4's ``Sequential``: tf_keras's, plus ``predict_classes`` and ``predict_proba``."""

    _tf_keras_class = tf_keras.Sequential

    def predict_proba(self, x, batch_size=32, verbose=0):
        usage.record("Sequential.predict_proba")
        probabilities = self.predict(x, batch_size=batch_size, verbose=verbose)
        if probabilities.min() < 0.0 or probabilities.max() > 1.0:
            warnings.warn("Network returning invalid probability values. The last layer might not normalize "
                          "predictions into probabilities (like softmax or sigmoid would).", stacklevel=2)
        return probabilities

    def predict_classes(self, x, batch_size=32, verbose=0):
        usage.record("Sequential.predict_classes")
        probabilities = self.predict(x, batch_size=batch_size, verbose=verbose)
        if probabilities.shape[-1] > 1:
            return probabilities.argmax(axis=-1)
        return (probabilities > 0.5).astype("int32")


class _FunctionalModel(Keras22ModelMethods, tf_keras.Model):
    """A functional Keras 2.2.4 model (``Model(inputs, outputs)``); tf_keras makes its base ``Functional``."""


_FunctionalModel.__name__ = _FunctionalModel.__qualname__ = "Model"


class Model(Keras22ModelMethods, tf_keras.Model, metaclass=Keras22LayerType):
    """Keras 2.2.4's ``Model``: functional when given inputs and outputs, else a base for subclassed models."""

    _tf_keras_class = tf_keras.Model

    def __new__(cls, *args, **kwargs):
        if cls is Model:
            args, kwargs = legacy_arguments.convert("Model", interfaces.MODEL_CONSTRUCTOR, args, kwargs)
            if len(args) >= 2 or {"inputs", "outputs"} <= set(kwargs):
                return _FunctionalModel(*args, **kwargs)  # not a Model subclass: __init__ is not run again
        return super().__new__(cls, *args, **kwargs)

    def __init__(self, *args, **kwargs):
        args, kwargs = legacy_arguments.convert("Model", interfaces.MODEL_CONSTRUCTOR, args, kwargs)
        super().__init__(*args, **kwargs)


def _model_classes(custom_objects):
    return dict({"Sequential": Sequential, "Model": _FunctionalModel, "Functional": _FunctionalModel},
                **(custom_objects or {}))


def load_model(filepath, custom_objects=None, compile=True):  # noqa: A002 (Keras's argument name)
    """``keras.models.load_model``: the model back as this view's ``Sequential`` / ``Model``."""
    return tf_keras.models.load_model(filepath, custom_objects=_model_classes(custom_objects), compile=compile)


def save_model(model, filepath, overwrite=True, include_optimizer=True):
    """``keras.models.save_model``: HDF5, as Keras 2.2.4 wrote it."""
    return tf_keras.models.save_model(model, filepath, overwrite=overwrite, include_optimizer=include_optimizer,
                                      save_format="h5")


def model_from_json(json_string, custom_objects=None):
    return tf_keras.models.model_from_json(json_string, custom_objects=_model_classes(custom_objects))


def model_from_config(config, custom_objects=None):
    return tf_keras.models.model_from_config(config, custom_objects=_model_classes(custom_objects))


Network = tf_keras.Model  # keras.engine.topology.Network / keras.engine.network.Network
__all__ = ["Sequential", "Model", "Input", "load_model", "save_model", "model_from_json", "model_from_config",
           "Network"]
