"""Faces of TF1's ``tensorflow.python`` modules whose classes TF 2.21 takes from its frozen internal Keras.

``from tensorflow.python.ops import rnn_cell_impl`` must give the cell classes ``tf.nn.rnn_cell`` gives
(tf_keras's), or a TF1 custom cell subclassing ``rnn_cell_impl.RNNCell`` is not an RNNCell to the rest
of the script. Each face is a module holding the real module's names with tf_keras's same-named public
objects in their place (``tf1compat.api.deep_paths.TENSORFLOW_PYTHON_FACES`` lists them).
"""
import importlib
import types

from tf1compat.api import deep_paths


def _face(path, source_name):
    real = importlib.import_module(f"tensorflow.{path}")
    source = importlib.import_module(source_name)
    face = types.ModuleType(f"tensorflow.{path}", real.__doc__)
    face.__dict__.update({name: value for name, value in vars(real).items() if not name.startswith("__")})
    face.__dict__.update({name: value for name, value in vars(source).items()
                          if not name.startswith("_") and name in vars(real)})
    face.__file__ = getattr(real, "__file__", None)
    return face


for _path, _source in deep_paths.TENSORFLOW_PYTHON_FACES.items():
    globals()[deep_paths.face_target(_path).partition(":")[2]] = _face(_path, _source)
