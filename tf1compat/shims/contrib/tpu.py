"""``tf.contrib.tpu`` for TF1 scripts: TPUEstimator and its configs (CPU when ``use_tpu=False``) and the TPU ops."""
import tensorflow
from tensorflow.python.tpu import tpu_function

from tf1compat.estimator.api import estimator as _estimator
from tf1compat.shims.contrib.module_hooks import contrib_module_hooks

_v1_tpu = tensorflow.compat.v1.tpu
_ESTIMATOR_NAMES = ("TPUEstimator", "TPUEstimatorSpec", "RunConfig", "TPUConfig", "InputPipelineConfig")
# contrib.tpu names that tf.compat.v1.tpu kept (graph-mode TPU ops).
_TPU_NAMES = ("bfloat16_scope", "batch_parallel", "core", "cross_replica_sum", "initialize_system",
              "outside_compilation", "replicate", "rewrite", "shard", "shutdown_system")
globals().update({name: getattr(_estimator.tpu, name) for name in _ESTIMATOR_NAMES})
globals().update({name: getattr(_v1_tpu, name) for name in _TPU_NAMES})


class CrossShardOptimizer(_v1_tpu.CrossShardOptimizer):
    """TF1's CrossShardOptimizer; outside a TPU computation (one shard, e.g. ``use_tpu=False``) it sums nothing.

    TF1 always added a ``CrossReplicaSum`` op, which has no CPU kernel; over one shard the
    sum is the gradient itself, so on CPU the wrapped optimizer applies the gradients directly.
    """

    def apply_gradients(self, grads_and_vars, global_step=None, name=None):
        if tpu_function.get_tpu_context().number_of_shards is not None:
            return super().apply_gradients(grads_and_vars, global_step, name)
        return self._opt.apply_gradients(grads_and_vars, global_step, name)


__all__ = sorted((*_ESTIMATOR_NAMES, *_TPU_NAMES, "CrossShardOptimizer"))
__getattr__, __dir__ = contrib_module_hooks("contrib.tpu", __name__, __all__)
