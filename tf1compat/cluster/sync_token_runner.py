"""The chief's sync-token queue runner (``SyncReplicasOptimizer``) ends quietly when its session closes.

Its thread waits in the gradient accumulators, which no queue close reaches: when the
``MonitoredTrainingSession`` closes, the run is cancelled and TF1 prints an
``Exception in thread QueueRunnerThread-sync_token_q`` traceback for a run that succeeded.
Here the cancellation counts as the queue being closed, the runner's normal way to end.
"""


def install():
    """Wrap ``SyncReplicasOptimizer.get_chief_queue_runner`` once; True if wrapped now or before."""
    from tensorflow.python.framework import errors
    from tensorflow.python.training import sync_replicas_optimizer

    optimizer_class = sync_replicas_optimizer.SyncReplicasOptimizer
    if getattr(optimizer_class.get_chief_queue_runner, "__tf1compat_quiet__", False):
        return True
    original = optimizer_class.get_chief_queue_runner

    def get_chief_queue_runner(self):
        runner = original(self)
        closed = runner._queue_closed_exception_types  # pylint: disable=protected-access
        if errors.CancelledError not in closed:
            runner._queue_closed_exception_types = (*closed, errors.CancelledError)  # pylint: disable=protected-access
        return runner

    get_chief_queue_runner.__tf1compat_quiet__ = True
    get_chief_queue_runner.__wrapped__ = original
    get_chief_queue_runner.__doc__ = original.__doc__
    optimizer_class.get_chief_queue_runner = get_chief_queue_runner
    return True
