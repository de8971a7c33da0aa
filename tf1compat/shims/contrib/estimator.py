"""``tf.contrib.estimator`` for TF1 scripts: the names tf.estimator kept, forward_features and one-device replicate_model_fn."""
import tensorflow

from tf1compat.errors import error_for
from tf1compat.estimator.api import estimator as _estimator
from tf1compat.shims.contrib.module_hooks import contrib_module_hooks

_experimental = _estimator.experimental
# contrib.estimator name -> where TF 1.15's tf.estimator (kept by tensorflow-estimator 2.15) has it.
_MOVED = {
    "add_metrics": _estimator.add_metrics,
    "stop_if_no_decrease_hook": _experimental.stop_if_no_decrease_hook,
    "stop_if_no_increase_hook": _experimental.stop_if_no_increase_hook,
    "stop_if_higher_hook": _experimental.stop_if_higher_hook,
    "stop_if_lower_hook": _experimental.stop_if_lower_hook,
    "make_early_stopping_hook": _experimental.make_early_stopping_hook,
    "InMemoryEvaluatorHook": _experimental.InMemoryEvaluatorHook,
    "call_logit_fn": _experimental.call_logit_fn,
    "dnn_logit_fn_builder": _experimental.dnn_logit_fn_builder,
    "linear_logit_fn_builder": _experimental.linear_logit_fn_builder,
    "build_raw_supervised_input_receiver_fn": _experimental.build_raw_supervised_input_receiver_fn,
    "DNNEstimator": _estimator.DNNEstimator,
    "LinearEstimator": _estimator.LinearEstimator,
    "DNNLinearCombinedEstimator": _estimator.DNNLinearCombinedEstimator,
}
globals().update(_MOVED)


def forward_features(estimator, keys=None, sparse_default_values=None):
    """A copy of ``estimator`` whose predictions also carry the input features named by ``keys`` (all if None).

    Sparse features are densified with ``sparse_default_values.get(key, 0)``.

    Raises:
        TypeError: ``keys`` is not a string or a list of strings.
        ValueError: (in predict) predictions are not a dict, a key is missing from the features or
            already a prediction.
    """
    if isinstance(keys, str):
        keys = [keys]
    if keys is not None and not all(isinstance(key, str) for key in keys):
        raise TypeError(f"keys should be either a string or a list of strings; got {keys!r}")
    defaults = sparse_default_values or {}

    def model_fn(features, labels, mode, config):
        spec = estimator.model_fn(features, labels, mode, config)
        if mode != _estimator.ModeKeys.PREDICT:
            return spec
        if not isinstance(spec.predictions, dict):
            raise ValueError("Predictions should be a dict to be able to forward features; "
                             f"got {type(spec.predictions).__name__}")
        predictions = dict(spec.predictions)
        for key in (sorted(features) if keys is None else keys):
            predictions[key] = _forwarded(features, predictions, key, defaults)
        return spec._replace(predictions=predictions)

    return _estimator.Estimator(model_fn=model_fn, model_dir=estimator.model_dir, config=estimator.config)


def _forwarded(features, predictions, key, defaults):
    if key not in features:
        raise ValueError(f"Feature ({key}) is not in features dict.")
    if key in predictions:
        raise ValueError(f"Cannot forward feature key ({key}). Since it does exist in predictions.")
    feature = features[key]
    if isinstance(feature, tensorflow.compat.v1.SparseTensor):
        return tensorflow.compat.v1.sparse.to_dense(feature, default_value=defaults.get(key, 0))
    return feature


def replicate_model_fn(model_fn, loss_reduction=None, devices=None):
    """TF1's multi-tower ``model_fn`` wrapper, on one device: ``model_fn`` itself.

    Raises:
        UnsupportedTF1APIError: more than one device was given.
    """
    if devices is not None and len(devices) > 1:
        raise error_for("tf.contrib.estimator.replicate_model_fn(devices=[...several...])",
                        "tf1compat runs replicate_model_fn on one device only (TF 2 removed its tower machinery)",
                        "tf.distribute.MirroredStrategy with Keras Model.fit", "estimator_mnist", depth=2)
    return model_fn


def TowerOptimizer(optimizer_or_optimizer_fn):  # noqa: N802  (TF1's name)
    """TF1's per-tower optimizer wrapper; with one tower the optimizer itself."""
    return optimizer_or_optimizer_fn


__all__ = sorted((*_MOVED, "forward_features", "replicate_model_fn", "TowerOptimizer"))
__getattr__, __dir__ = contrib_module_hooks("contrib.estimator", __name__, __all__)
