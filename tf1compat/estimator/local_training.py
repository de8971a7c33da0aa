"""Stand-in for ``tensorflow.python.distribute.estimator_training``: Estimator's local mode only.

TF 2.16 deleted the module. Estimators call it from ``RunConfig`` (when a distribution
strategy is set), ``train``, ``evaluate`` and ``train_and_evaluate``. Local training, and
TF_CONFIG clusters with a ``master`` job, behave as in TF 1.15; the distribute-coordinator
modes (a multi-worker TF_CONFIG with ``train_distribute``, or
``experimental_distribute.remote_cluster``) raise ``UnsupportedTF1APIError``.
"""
from tensorflow.python.training import server_lib

from tf1compat.errors import error_for

_REASON = ("Estimator's distribute-coordinator mode ran each worker through TensorFlow's "
           "distribute coordinator, which left TensorFlow with tf.estimator in 2.16; tf1compat runs "
           "Estimators on one machine (a TF_CONFIG cluster with a `master` job, or no TF_CONFIG)")
_REPLACEMENT = ("tf.distribute.MultiWorkerMirroredStrategy with Keras Model.fit "
                "(TF_CONFIG is read the same way), or tf.distribute.experimental.ParameterServerStrategy")
_SYMBOL = "tf.estimator.RunConfig(train_distribute=...) with a multi-worker TF_CONFIG"


def coordinator_mode_error(symbol=_SYMBOL):
    """The ``UnsupportedTF1APIError`` for Estimator's distribute-coordinator mode."""
    return error_for(symbol, _REASON, _REPLACEMENT, "estimator_mnist", depth=2)


def _take_experimental_distribute(config):
    # `experimental_distribute.train_distribute / eval_distribute` stand for the plain arguments.
    experimental = config._experimental_distribute  # pylint: disable=protected-access
    for field in ("train_distribute", "eval_distribute"):
        strategy = getattr(experimental, field, None) if experimental else None
        if strategy is None:
            continue
        if getattr(config, f"_{field}"):
            raise ValueError(f"Either `{field}` or `experimental_distribute.{field}` can be set.")
        setattr(config, f"_{field}", strategy)


def init_run_config(config, tf_config):
    """Set up ``config`` (a ``RunConfig`` given a distribution strategy) for local training.

    Raises:
        UnsupportedTF1APIError: the settings ask for distribute-coordinator mode.
    """
    # pylint: disable=protected-access
    _take_experimental_distribute(config)
    experimental = config._experimental_distribute
    if config._train_distribute and getattr(experimental, "remote_cluster", None):
        raise coordinator_mode_error("tf.estimator.RunConfig(experimental_distribute=DistributeConfig(remote_cluster=...))")
    cluster_spec = server_lib.ClusterSpec(tf_config.get("cluster", {}))
    if tf_config and "master" not in cluster_spec.jobs and config._train_distribute:
        raise coordinator_mode_error()
    config._distribute_coordinator_mode = None
    config._init_distributed_setting_from_environment_var(tf_config)
    config._maybe_overwrite_session_config_for_distributed_training()


def should_run_distribute_coordinator(config):
    """Always False: ``init_run_config`` never enables the coordinator (it raises instead)."""
    return False


def train_and_evaluate(estimator, train_spec, eval_spec, executor_cls):
    """Unreachable in local mode; raises ``UnsupportedTF1APIError``."""
    raise coordinator_mode_error()


def estimator_train(estimator, train_distributed_fn, hooks):
    """Unreachable in local mode; raises ``UnsupportedTF1APIError``."""
    raise coordinator_mode_error()


def estimator_evaluate(estimator, evaluate_distributed_fn, hooks):
    """Unreachable in local mode; raises ``UnsupportedTF1APIError``."""
    raise coordinator_mode_error()
