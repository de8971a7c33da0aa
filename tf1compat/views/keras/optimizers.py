"""Keras 2.2.4's optimizers: tf_keras's legacy optimizers (which keep ``lr`` and ``decay``) with 2.2.4's signatures.

Each class is a subclass of ``tf_keras.optimizers.legacy.<Name>`` that takes Keras 2.2.4's
positional order (``Adam(0.001, 0.9, 0.999, None, 0.0)``: the fifth is ``decay``) and defaults
(``Adadelta`` lr 1.0, ``Adagrad`` lr 0.01, ``Adamax``/``Nadam`` lr 0.002), so ``K.get_value(opt.lr)``
reads what the script asked for. ``get`` maps compile's string names to these classes.
"""
import tf_keras

from tf1compat.views.keras import usage
from tf1compat.views.keras.table import NADAM_SCHEDULE_DECAY, OPTIMIZERS


def _keras22_arguments(name, args, kwargs):
    spec = OPTIMIZERS[name]
    if len(args) > len(spec.positional):
        raise TypeError(f"`{name}` takes at most {len(spec.positional)} positional arguments "
                        f"{spec.positional} in Keras 2.2.4; got {len(args)}")
    kwargs = dict(zip(spec.positional, args), **kwargs)
    for keyword in ("lr", "decay"):
        if keyword in kwargs:
            usage.record(f"{name}({keyword}=)", depth=3)
    if "lr" in kwargs:
        kwargs["learning_rate"] = kwargs.pop("lr")
    if kwargs.get("epsilon", 0) is None:  # Keras 2.2.4: None means K.epsilon()
        kwargs["epsilon"] = tf_keras.backend.epsilon()
    schedule_decay = kwargs.pop("schedule_decay", NADAM_SCHEDULE_DECAY)
    if schedule_decay != NADAM_SCHEDULE_DECAY:
        raise ValueError(f"`Nadam(schedule_decay={schedule_decay})`: tf_keras's Nadam implements only "
                         f"schedule_decay={NADAM_SCHEDULE_DECAY}; drop the argument or write your own optimizer")
    return dict(spec.defaults, **kwargs)


def _optimizer_class(name):
    real = getattr(tf_keras.optimizers.legacy, name)

    def __init__(self, *args, **kwargs):
        real.__init__(self, **_keras22_arguments(name, args, kwargs))

    return type(name, (real,), {"__init__": __init__, "__doc__": real.__doc__, "__module__": real.__module__})


_CLASSES = {name: _optimizer_class(name) for name in OPTIMIZERS}
globals().update(_CLASSES)
Optimizer = tf_keras.optimizers.legacy.Optimizer
TFOptimizer = tf_keras.optimizers.legacy.Optimizer
_BY_STRING = {name.lower(): cls for name, cls in _CLASSES.items()}


def get(identifier):
    """``keras.optimizers.get``: Keras 2.2.4's optimizer for a string name, else tf_keras's answer."""
    if isinstance(identifier, str) and identifier.lower() in _BY_STRING:
        usage.record("compile(optimizer='name')", depth=3)
        return _BY_STRING[identifier.lower()]()
    return tf_keras.optimizers.get(identifier)


sgd, rmsprop, adagrad, adadelta, adam, adamax, nadam = (_CLASSES[name] for name in OPTIMIZERS)
__all__ = sorted(_CLASSES) + ["Optimizer", "TFOptimizer", "get", "sgd", "rmsprop", "adagrad", "adadelta", "adam",
                              "adamax", "nadam"]
