"""The pieces of TensorFlow that tensorflow-estimator 2.15 imports and TF 2.16+ deleted, put back.

Each patch is a no-op when TensorFlow already has the piece and returns whether it
changed anything; ``tests/test_estimator.py`` fails when a patch stops being needed
(TensorFlow has the piece again) or stops being enough (the import fails anyway).
"""
import importlib
import importlib.util
import sys

from tensorflow.python.util import tf_export

from tf1compat.estimator import local_training, tpu_stand_ins

_ESTIMATOR = "estimator"
_TPU_MODULES = ("tpu_embedding", "session_support", "tpu_embedding_gradient")


def add_estimator_api_name():
    """Register the ``estimator`` API name in ``tf_export`` (its ``estimator_export`` decorator needs it)."""
    if _ESTIMATOR in tf_export.API_ATTRS and hasattr(tf_export, "ESTIMATOR_API_NAME"):
        return False
    tf_export.ESTIMATOR_API_NAME = _ESTIMATOR
    tf_export.API_ATTRS[_ESTIMATOR] = tf_export._Attributes(
        "_estimator_api_names", "_estimator_api_constants")
    tf_export.API_ATTRS_V1[_ESTIMATOR] = tf_export._Attributes(
        "_estimator_api_names_v1", "_estimator_api_constants_v1")
    return True


def add_estimator_training_module():
    """Provide ``tensorflow.python.distribute.estimator_training`` with its local-mode behaviour."""
    return _install_module("tensorflow.python.distribute", "estimator_training", local_training)


def add_tpu_modules():
    """Provide the ``tensorflow.python.tpu`` modules the v1 API's ``estimator.tpu`` imports eagerly."""
    changed = False
    for name in _TPU_MODULES:
        changed |= _install_module("tensorflow.python.tpu", name, tpu_stand_ins.stand_in(name))
    return changed


PATCHES = (add_estimator_api_name, add_estimator_training_module, add_tpu_modules)


def apply_all():
    """Apply every patch; return the names of those that changed TensorFlow."""
    return [patch.__name__ for patch in PATCHES if patch()]


def _install_module(package_name, name, module):
    # Registered in sys.modules and as the package's attribute, as an import would leave it.
    full_name = f"{package_name}.{name}"
    package = importlib.import_module(package_name)
    if full_name in sys.modules or _importable(full_name):
        return False
    sys.modules[full_name] = module
    setattr(package, name, module)
    return True


def _importable(full_name):
    try:
        return importlib.util.find_spec(full_name) is not None
    except (ImportError, ValueError):
        return False


