"""Apply a Keras-1 ``LegacyInterface`` to one call: rename, translate, warn as Keras 2.2.4 did.

``convert`` works on the arguments *after* ``self`` and returns the Keras 2 ``(args, kwargs)``.
The preprocessors handle the Keras-1 forms a keyword rename cannot express; each returns the
new ``(args, kwargs)`` and the list of ``(new, old)`` conversions it made.
"""
import warnings

import numpy

from tf1compat.views.keras import usage


def convert(object_name, interface, args, kwargs, stacklevel=3):
    """The Keras 2 ``(args, kwargs)`` for a Keras-1 call of ``object_name`` (warns once per call site)."""
    args, kwargs = tuple(args), dict(kwargs)
    converted = []
    if interface.preprocessor:
        args, kwargs, converted = PREPROCESSORS[interface.preprocessor](args, kwargs)
    if interface.positional is not None and len(args) > len(interface.positional):
        raise TypeError(f"`{object_name}` can accept only {len(interface.positional)} positional arguments "
                        f"{tuple(interface.positional)}, but you passed the following positional arguments: "
                        f"{list(args)}")
    for key, translation in interface.values.items():
        if key in kwargs and _hashable(kwargs[key]) and kwargs[key] in translation:
            kwargs[key] = translation[kwargs[key]]
    for old, new in interface.renames:
        if old in kwargs:
            if new in kwargs:
                raise TypeError(f"For the `{new}` argument, the layer received both the legacy keyword argument "
                                f"`{old}` and the Keras 2 keyword argument `{new}`. Stick to the latter!")
            kwargs[new] = kwargs.pop(old)
            converted.append((new, old))
    if converted:
        for new, old in converted:
            usage.record(f"{object_name}({old}=)", depth=stacklevel)
        warnings.warn(f"Update your `{object_name}` call to the Keras 2 API: {_signature(object_name, args, kwargs)}",
                      UserWarning, stacklevel=stacklevel)
    return args, kwargs


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _shown(value):
    if isinstance(value, str):
        return f'"{value}"'
    text = "array" if isinstance(value, numpy.ndarray) else str(value)
    return text[:10] + "..." if len(text) > 10 else text


def _signature(object_name, args, kwargs):
    parts = [_shown(value) for value in args] + [f"{name}={_shown(value)}" for name, value in kwargs.items()]
    return f"`{object_name}({', '.join(parts)})`"


# --- the special converters (Keras 2.2.4's *_args_preprocessor functions) -----------------------------------

def _conv2d(args, kwargs):
    """``Conv2D(32, 3, 3)`` / ``nb_row=3, nb_col=3`` -> ``kernel_size=(3, 3)``."""
    if len(args) > 3:
        raise TypeError("Layer can receive at most 3 positional arguments.")
    if len(args) == 3 and isinstance(args[1], int) and isinstance(args[2], int):
        if any(keyword in kwargs for keyword in ("padding", "strides", "data_format")):
            raise ValueError("It seems that you are using the Keras 2 and you are passing both `kernel_size` and "
                             "`strides` as integer positional arguments. For safety reasons, this is disallowed. "
                             "Pass `strides` as a keyword argument instead.")
        return (args[0], (args[1], args[2])), kwargs, [("kernel_size", "nb_row/nb_col")]
    if len(args) == 2 and isinstance(args[1], int) and "nb_col" in kwargs:
        return (args[0], (args[1], kwargs.pop("nb_col"))), kwargs, [("kernel_size", "nb_row/nb_col")]
    if len(args) <= 1 and "nb_row" in kwargs and "nb_col" in kwargs:
        kwargs["kernel_size"] = (kwargs.pop("nb_row"), kwargs.pop("nb_col"))
        return args, kwargs, [("kernel_size", "nb_row/nb_col")]
    return args, kwargs, []


def _conv3d(args, kwargs):
    """``Conv3D(8, 3, 3, 3)`` / ``kernel_dim1..3`` -> ``kernel_size=(3, 3, 3)``."""
    dims = ("kernel_dim1", "kernel_dim2", "kernel_dim3")
    if len(args) > 4:
        raise TypeError("Layer can receive at most 4 positional arguments.")
    named = [name for name in dims[max(len(args) - 1, 0):] if name in kwargs]
    given = list(args[1:]) + [kwargs[name] for name in named]
    if len(given) == 3 and all(isinstance(size, int) for size in given):
        kwargs = {key: value for key, value in kwargs.items() if key not in named}
        return args[:1], dict(kwargs, kernel_size=tuple(given)), [("kernel_size", "kernel_dim*")]
    return args, kwargs, []


def _conv1d(args, kwargs):
    if "input_dim" in kwargs:
        kwargs["input_shape"] = (kwargs.pop("input_length", None), kwargs.pop("input_dim"))
        return args, kwargs, [("input_shape", "input_dim")]
    return args, kwargs, []


def _deconv2d(args, kwargs):
    converted = []
    if len(args) == 4 and isinstance(args[3], tuple):
        args, converted = args[:3], [(None, "output_shape")]
    if "output_shape" in kwargs:
        kwargs.pop("output_shape")
        converted = [(None, "output_shape")]
    args, kwargs, more = _conv2d(args, kwargs)
    return args, kwargs, converted + more


def _separable_conv2d(args, kwargs):
    converted = []
    if "init" in kwargs:
        kwargs["depthwise_initializer"] = kwargs["pointwise_initializer"] = kwargs.pop("init")
        converted.append(("depthwise_initializer/pointwise_initializer", "init"))
    args, kwargs, more = _conv2d(args, kwargs)
    return args, kwargs, converted + more


def _forget_bias(kwargs):
    if "forget_bias_init" not in kwargs:
        return []
    if kwargs.pop("forget_bias_init") == "one":
        kwargs["unit_forget_bias"] = True
        return [("unit_forget_bias", "forget_bias_init")]
    warnings.warn("The `forget_bias_init` argument has been ignored. Use `unit_forget_bias=True` instead to "
                  "initialize with ones.", stacklevel=5)
    return []


def _recurrent(args, kwargs):
    converted = _forget_bias(kwargs)
    if "input_dim" in kwargs:
        kwargs["input_shape"] = (kwargs.pop("input_length", None), kwargs.pop("input_dim"))
        converted.append(("input_shape", "input_dim"))
        warnings.warn("The `input_dim` and `input_length` arguments in recurrent layers are deprecated. "
                      "Use `input_shape` instead.", stacklevel=4)
    return args, kwargs, converted


def _convlstm2d(args, kwargs):
    converted = _forget_bias(kwargs)
    args, kwargs, more = _conv2d(args, kwargs)
    return args, kwargs, converted + more


def _embedding(args, kwargs):
    if "dropout" in kwargs:
        kwargs.pop("dropout")
        warnings.warn("The `dropout` argument is no longer support in `Embedding`. You can apply a "
                      "`keras.layers.SpatialDropout1D` layer right after the `Embedding` layer to get the same "
                      "behavior.", stacklevel=4)
    return args, kwargs, []


def _batchnorm(args, kwargs):
    if args:
        raise TypeError("The `BatchNormalization` layer does not accept positional arguments. "
                        "Use keyword arguments instead.")
    if "mode" in kwargs:
        if kwargs.pop("mode") != 0:
            raise TypeError("The `mode` argument of `BatchNormalization` no longer exists. "
                            "`mode=1` and `mode=2` are no longer supported.")
        return args, kwargs, [(None, "mode")]
    return args, kwargs, []


def _zeropadding2d(args, kwargs):
    sides = {"top_pad", "bottom_pad", "left_pad", "right_pad"}
    padding = kwargs.get("padding", args[0] if args else None)
    if isinstance(padding, dict) and set(padding) <= sides:
        pairs = ((padding.get("top_pad", 0), padding.get("bottom_pad", 0)),
                 (padding.get("left_pad", 0), padding.get("right_pad", 0)))
        if "padding" in kwargs:
            kwargs["padding"] = pairs
        else:
            args = (pairs,) + args[1:]
        warnings.warn("The `padding` argument in the Keras 2 API no longer accepts dict types. You can now input "
                      "argument as: `padding=((top_pad, bottom_pad), (left_pad, right_pad))`", stacklevel=4)
    return args, kwargs, []


def _generator_methods(args, kwargs):
    """``samples_per_epoch`` (samples) -> ``steps_per_epoch`` (batches), as Keras 2.2.4 computed it."""
    converted = []
    if len(args) < 2 and "samples_per_epoch" in kwargs:
        samples = kwargs.pop("samples_per_epoch")
        generator = args[0] if args else kwargs["generator"]
        batch_size = getattr(generator, "batch_size", None)
        kwargs["steps_per_epoch"] = samples // batch_size if batch_size else samples
        converted.append(("steps_per_epoch", "samples_per_epoch"))
    if {"samples_per_epoch", "val_samples", "nb_epoch", "nb_val_samples", "nb_worker"} & set(kwargs) or converted:
        warnings.warn("The semantics of the Keras 2 argument `steps_per_epoch` is not the same as the Keras 1 "
                      "argument `samples_per_epoch`. `steps_per_epoch` is the number of batches to draw from the "
                      "generator at each epoch. Basically steps_per_epoch = samples_per_epoch/batch_size. "
                      "Similarly `nb_val_samples`->`validation_steps` and `val_samples`->`steps` arguments have "
                      "changed. Update your method calls accordingly.", stacklevel=4)
    return args, kwargs, converted


PREPROCESSORS = {
    "conv1d": _conv1d, "conv2d": _conv2d, "conv3d": _conv3d, "deconv2d": _deconv2d,
    "separable_conv2d": _separable_conv2d, "recurrent": _recurrent, "convlstm2d": _convlstm2d,
    "embedding": _embedding, "batchnorm": _batchnorm, "zeropadding2d": _zeropadding2d,
    "generator_methods": _generator_methods,
}
