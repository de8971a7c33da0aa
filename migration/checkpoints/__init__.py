"""TF1 Saver checkpoints in TF2: ``restore_tf1_checkpoint`` and ``python -m migration.checkpoints inspect|convert``.

    python -m migration.checkpoints inspect tmp/mlp.ckpt
    python -m migration.checkpoints convert tmp/mlp.ckpt --model migration.model_checkpoint:build_model --out tf2_ckpt

Parts: ``mapping`` (which TF1 name goes to which TF2 variable; no TensorFlow),
``restore`` (reading the checkpoint and assigning), ``cli`` (the command).
Names are imported on first use, so ``import migration.checkpoints`` does not load
TensorFlow (the command quiets TensorFlow's start-up before it does).
"""
import importlib

_HOMES = {
    "mapping": ("Problem", "VariableSpec", "infer_mapping", "is_optimizer_slot"),
    "restore": ("restore_tf1_checkpoint", "RestoreReport", "CheckpointMismatchError", "CheckpointError",
                "CheckpointNotFoundError", "NotACheckpointError", "checkpoint_variables", "model_variables",
                "open_checkpoint"),
    "cli": ("inspect_checkpoint", "convert_checkpoint", "main"),
}
_HOME_OF = {name: part for part, names in _HOMES.items() for name in names}
__all__ = sorted(_HOME_OF)


def __getattr__(name):
    part = _HOME_OF.get(name)
    if part is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{part}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
