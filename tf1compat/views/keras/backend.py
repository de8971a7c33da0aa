"""Keras 2.2.4's ``keras.backend`` names tf_keras lacks: the session pair, ``image_dim_ordering``, ``backend()``.

The rest of ``keras.backend`` is tf_keras's TF1 backend (``tf.compat.v1.keras.backend``), which
runs in the script's default graph and session, as Keras 2.2 on TensorFlow 1 did.
"""
import tensorflow
import tf_keras
from tf_keras.api._v1.keras import backend as _tf1_backend

from tf1compat.views.keras import usage

tf = tensorflow.compat.v1  # keras.backend.tensorflow_backend imported TensorFlow 1 as `tf`
_DIM_ORDERINGS = {"tf": "channels_last", "th": "channels_first"}


def get_session():
    """The TF1 Session Keras runs in (the default session if one is active, else Keras's global one)."""
    usage.record("K.get_session")
    return _tf1_backend.get_session()


def set_session(session):
    """Make Keras run in ``session`` (and its graph), as Keras 2.2's ``K.set_session`` did."""
    usage.record("K.set_session")
    _tf1_backend.set_session(session)


def _get_available_gpus():
    """Keras 2.2.4's private helper many multi-GPU scripts called: the GPU device names of the session."""
    return [device.name for device in get_session().list_devices() if device.device_type == "GPU"]


def backend():
    """Keras 2.2.4 could run on three backends; this view runs on TensorFlow."""
    return "tensorflow"


def image_dim_ordering():
    """Keras 1's name for the image layout: ``'tf'`` (channels last) or ``'th'`` (channels first)."""
    usage.record("K.image_dim_ordering")
    return "th" if tf_keras.backend.image_data_format() == "channels_first" else "tf"


def set_image_dim_ordering(dim_ordering):
    """Keras 1's ``set_image_dim_ordering('th' | 'tf')``."""
    usage.record("K.image_dim_ordering")
    if dim_ordering not in _DIM_ORDERINGS:
        raise ValueError(f"`set_image_dim_ordering({dim_ordering!r})`: the value must be 'tf' or 'th' "
                         "(or call set_image_data_format('channels_last' | 'channels_first'))")
    tf_keras.backend.set_image_data_format(_DIM_ORDERINGS[dim_ordering])


__all__ = ["tf", "_get_available_gpus", "get_session", "set_session", "backend", "image_dim_ordering",
           "set_image_dim_ordering"]
