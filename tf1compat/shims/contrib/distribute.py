"""``tf.contrib.distribute`` for TF1 scripts: the strategies and context functions under their TF 1.15 names.

All of them live on in ``tf.compat.v1.distribute``; the contrib-only constructor arguments
(``num_gpus``, ``all_reduce_alg``) are translated to the TF2 ones.
"""
import tensorflow

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks

_distribute = tensorflow.compat.v1.distribute
_SAME_NAME = ("CrossDeviceOps", "OneDeviceStrategy", "ReductionToOneDevice", "ReplicaContext",
              "get_loss_reduction", "get_replica_context", "get_strategy", "has_strategy",
              "in_cross_replica_context")
globals().update({name: getattr(_distribute, name) for name in _SAME_NAME})
DistributionStrategy = _distribute.Strategy
get_distribution_strategy = _distribute.get_strategy
has_distribution_strategy = _distribute.has_strategy
CollectiveAllReduceStrategy = _distribute.experimental.MultiWorkerMirroredStrategy
ParameterServerStrategy = _distribute.experimental.ParameterServerStrategy
TPUStrategy = _distribute.experimental.TPUStrategy
initialize_tpu_system = tensorflow.compat.v1.tpu.experimental.initialize_tpu_system


def MirroredStrategy(devices=None, num_gpus=None, num_gpus_per_worker=None, cross_device_ops=None,
                     auto_shard_dataset=False, cross_tower_ops=None):  # noqa: N802  (TF1's class name)
    """TF1 contrib's MirroredStrategy: ``num_gpus`` (or ``num_gpus_per_worker``) GPUs, or the CPU when 0.

    ``auto_shard_dataset`` is accepted and ignored (TF2 shards datasets itself).
    """
    if devices is not None and (num_gpus or num_gpus_per_worker):
        raise ValueError("`MirroredStrategy` takes either devices or num_gpus, not both")
    count = num_gpus if num_gpus is not None else num_gpus_per_worker
    if devices is None and count is not None:
        devices = [f"/device:GPU:{index}" for index in range(count)] or ["/device:CPU:0"]
    return _distribute.MirroredStrategy(devices=devices, cross_device_ops=cross_device_ops or cross_tower_ops)


def AllReduceCrossDeviceOps(all_reduce_alg="nccl", num_packs=1):  # noqa: N802  (TF1's class name)
    """TF1's all-reduce choice: ``"nccl"`` -> ``NcclAllReduce``, ``"hierarchical_copy"`` -> ``HierarchicalCopyAllReduce``."""
    choices = {"nccl": _distribute.NcclAllReduce, "hierarchical_copy": _distribute.HierarchicalCopyAllReduce}
    if all_reduce_alg not in choices:
        raise ValueError(f"`all_reduce_alg` {all_reduce_alg!r} is not supported; use one of {sorted(choices)}")
    return choices[all_reduce_alg](num_packs=num_packs)


def get_cross_replica_context():
    """The current strategy in a cross-replica context (also outside any strategy scope), else None."""
    return _distribute.get_strategy() if _distribute.in_cross_replica_context() else None


__all__ = sorted(_SAME_NAME + ("DistributionStrategy", "get_distribution_strategy", "has_distribution_strategy",
                               "CollectiveAllReduceStrategy", "ParameterServerStrategy", "TPUStrategy",
                               "initialize_tpu_system", "MirroredStrategy", "AllReduceCrossDeviceOps",
                               "get_cross_replica_context"))

__getattr__, __dir__ = contrib_module_hooks("contrib.distribute", __name__, __all__)
