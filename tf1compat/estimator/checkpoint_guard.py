"""A foreign checkpoint in an Estimator's ``model_dir``: one error naming the folder, the variable and both shapes.

TF1 let the restore fail inside the session with a long error about ``save/Assign`` nodes.
The guard compares the checkpoint with the graph in a hook's ``begin()`` (after the
graph is built, before anything is restored or written), so the checkpoint stays untouched.
"""
import functools
import inspect
import os

import tensorflow

_v1 = tensorflow.compat.v1
_errors = tensorflow.errors


class _ForeignCheckpoint(Exception):
    """Carries the TF error to raise from the Estimator method the script called."""

    def __init__(self, error):
        super().__init__(str(error))
        self.error = error


def graph_variables():
    """``{checkpoint key: shape list}`` of the default graph's global variables (partitioned ones whole)."""
    shapes = {}
    for variable in _v1.global_variables():
        slice_info = getattr(variable, "_save_slice_info", None)
        if slice_info is not None:
            shapes[slice_info.full_name] = list(slice_info.full_shape)
        else:
            shapes[variable.op.name] = variable.shape.as_list()
    return shapes


def first_mismatch(checkpoint, wanted):
    """The TF error for the first variable of ``wanted`` that ``checkpoint`` lacks or holds with another shape."""
    stored = dict(_v1.train.list_variables(checkpoint))
    folder = os.path.dirname(checkpoint) or "."
    fix = "give the Estimator an empty model_dir (or delete the folder) to train this model from scratch"
    for name in sorted(wanted):
        if name in stored and list(stored[name]) != wanted[name]:
            return _errors.InvalidArgumentError(None, None, (
                f"`{folder}` holds a checkpoint of another model: variable `{name}` has shape {list(stored[name])} "
                f"in {os.path.basename(checkpoint)} but {wanted[name]} in this model; {fix}. The checkpoint was not changed."))
    for name in sorted(wanted):
        if name not in stored:
            return _errors.NotFoundError(None, None, (
                f"`{folder}` holds a checkpoint of another model: variable `{name}` (shape {wanted[name]}) of this "
                f"model is not in {os.path.basename(checkpoint)}; {fix}. The checkpoint was not changed."))
    return None


class CheckpointMatchHook(_v1.train.SessionRunHook):
    """Raises before the session restores ``checkpoint`` (default: the latest in ``model_dir``) if it does not fit."""

    def __init__(self, model_dir, checkpoint=None):
        self._model_dir = model_dir
        self._checkpoint = checkpoint

    def begin(self):
        checkpoint = self._checkpoint or (self._model_dir and _v1.train.latest_checkpoint(self._model_dir))
        if checkpoint:
            error = first_mismatch(checkpoint, graph_variables())
            if error is not None:
                raise _ForeignCheckpoint(error)


def _bind_with_hook(signature, self, args, kwargs):
    # The call's arguments, with a CheckpointMatchHook appended to `hooks`.
    bound = signature.bind(self, *args, **kwargs)
    hook = CheckpointMatchHook(self.model_dir, bound.arguments.get("checkpoint_path"))
    bound.arguments["hooks"] = [*(bound.arguments.get("hooks") or []), hook]
    return bound


def guard_foreign_checkpoints(estimator_class):
    """Wrap ``train``, ``evaluate`` and ``predict`` of ``estimator_class`` with ``CheckpointMatchHook``; idempotent."""
    if getattr(estimator_class, "__tf1compat_checkpoint_guard__", False):
        return False
    estimator_class.train = _guarded(estimator_class.train)
    estimator_class.evaluate = _guarded(estimator_class.evaluate)
    estimator_class.predict = _guarded_generator(estimator_class.predict)
    estimator_class.__tf1compat_checkpoint_guard__ = True
    return True


def _guarded(method):
    signature = inspect.signature(method)

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        bound = _bind_with_hook(signature, self, args, kwargs)
        try:
            return method(*bound.args, **bound.kwargs)
        except _ForeignCheckpoint as foreign:
            raise foreign.error from None

    return wrapper


def _guarded_generator(method):
    signature = inspect.signature(method)

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        bound = _bind_with_hook(signature, self, args, kwargs)
        try:
            yield from method(*bound.args, **bound.kwargs)
        except _ForeignCheckpoint as foreign:
            raise foreign.error from None

    return wrapper
