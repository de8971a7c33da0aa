"""Keras 2.2.4's layers: the real tf_keras classes, subclassed only where Keras-1 spellings or 2.2 defaults apply.

A subclass converts the Keras-1 arguments Keras 2.2.4 converted (``interfaces.LAYERS``, with its
warning) and restores its defaults where tf_keras changed them (``interfaces.KERAS22_DEFAULTS``:
LSTM/GRU ``recurrent_activation='hard_sigmoid'``, GRU ``reset_after=False``), then runs the real
``__init__``. Its metaclass makes ``isinstance(layer, keras.layers.Dense)`` hold for every tf_keras
``Dense`` too (a loaded model's layers). Saved configs name the tf_keras class, so files load anywhere.
"""
import warnings

import tf_keras

from tf1compat.views.keras import interfaces, legacy_arguments, usage


class Keras22LayerType(type):
    """The metaclass of the converting layer classes: instance checks go to the tf_keras class."""

    def __instancecheck__(cls, instance):
        real = cls.__dict__.get("_tf_keras_class")
        return isinstance(instance, real) if real is not None else super().__instancecheck__(instance)

    def __subclasscheck__(cls, subclass):
        real = cls.__dict__.get("_tf_keras_class")
        return issubclass(subclass, real) if real is not None else super().__subclasscheck__(subclass)


def _converting_class(name, real, interface, defaults):
    def __init__(self, *args, **kwargs):
        if interface is not None:
            args, kwargs = legacy_arguments.convert(name, interface, args, kwargs)
        for key, value in defaults.items():
            kwargs.setdefault(key, value)
        real.__init__(self, *args, **kwargs)

    __init__.__doc__ = real.__init__.__doc__
    namespace = {"__init__": __init__, "__doc__": real.__doc__, "__module__": real.__module__,
                 "_tf_keras_class": real}
    return Keras22LayerType(name, (real,), namespace)


def _build_classes():
    classes = {}
    for name in sorted(set(interfaces.LAYERS) | set(interfaces.KERAS22_DEFAULTS)):
        real = getattr(tf_keras.layers, name)
        classes[name] = _converting_class(name, real, interfaces.LAYERS.get(name),
                                          interfaces.KERAS22_DEFAULTS.get(name, {}))
    for alias, name in interfaces.ALIASES.items():
        classes[alias] = classes.get(name) or getattr(tf_keras.layers, name)
    return classes


class Layer(tf_keras.layers.Layer, metaclass=Keras22LayerType):
    """``keras.engine.topology.Layer``: tf_keras's base layer, plus Keras 2.0's ``add_weight(shape, ...)`` order."""

    _tf_keras_class = tf_keras.layers.Layer

    def add_weight(self, *args, **kwargs):
        # Keras 2.2.4 read a leading tuple as the shape and a following string as the name
        # (keras/legacy/interfaces.py, add_weight_args_preprocessing), as Keras 2.0 code wrote them.
        if args and isinstance(args[0], (tuple, list)):
            usage.record("Layer.add_weight(shape, ...)")
            kwargs["shape"], args = args[0], args[1:]
            if args and isinstance(args[0], str):
                kwargs["name"], args = args[0], args[1:]
        return super().add_weight(*args, **kwargs)


def Input(*args, **kwargs):  # noqa: N802 (Keras's own spelling)
    """``keras.layers.Input``, converting Keras 1's ``input_dtype``."""
    args, kwargs = legacy_arguments.convert("Input", interfaces.INPUT, args, kwargs)
    return tf_keras.layers.Input(*args, **kwargs)


def _atrous(name, layer):
    def atrous_convolution(*args, **kwargs):
        kwargs["dilation_rate"] = kwargs.pop("atrous_rate", 1)
        usage.record(name)
        warnings.warn(f"The `{name}` layer  has been deprecated. Use instead the `{layer.__name__}` layer with the "
                      "`dilation_rate` argument.", stacklevel=2)
        return layer(*args, **kwargs)

    atrous_convolution.__name__ = atrous_convolution.__qualname__ = name
    return atrous_convolution


_CLASSES = _build_classes()
globals().update(_CLASSES)
AtrousConvolution1D = AtrousConv1D = _atrous("AtrousConvolution1D", _CLASSES["Conv1D"])
AtrousConvolution2D = AtrousConv2D = _atrous("AtrousConvolution2D", _CLASSES["Conv2D"])
__all__ = sorted(set(_CLASSES) | {"Layer", "Input", "AtrousConvolution1D", "AtrousConv1D", "AtrousConvolution2D",
                                          "AtrousConv2D"})
