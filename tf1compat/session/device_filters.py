"""A cluster task's sessions see only the ps tasks and themselves (TF1's ``device_filters``), unless the script chose.

Without filters a TF1 worker's session waits until *every* task of the cluster answers, so a
worker that starts after the chief has finished waits forever. The task comes from TF_CONFIG
(set by the launcher for every task); graphs that place ops on other tasks (in-graph
replication) are left unfiltered.
"""
import json
import os

_FILTERED_JOBS = ("chief", "worker")


def task_filters(tf_config_text):
    """The device filters for the task TF_CONFIG names, or None (ps, evaluator, no TF_CONFIG)."""
    try:
        task = json.loads(tf_config_text or "{}").get("task") or {}
    except ValueError:
        return None
    job, index = task.get("type"), task.get("index", 0)
    if job not in _FILTERED_JOBS:
        return None
    return ["/job:ps", f"/job:{job}/task:{int(index)}"]


def adjust(config, target):
    """Session-config adjuster: add the task's device filters for a ``grpc://`` session that set none."""
    if not target.startswith("grpc://") or list(config.device_filters):
        return None
    filters = task_filters(os.environ.get("TF_CONFIG"))
    if not filters or _graph_reaches_beyond(filters):
        return None
    config.device_filters.extend(filters)
    return f"device_filters {filters} (this task sees only the ps tasks and itself)"


def _graph_reaches_beyond(filters):
    """Whether the default graph places an op on a task the filters would hide."""
    import tensorflow

    allowed = [tensorflow.DeviceSpec.from_string(each) for each in filters]
    for operation in tensorflow.compat.v1.get_default_graph().get_operations():
        if not operation.device:
            continue
        device = tensorflow.DeviceSpec.from_string(operation.device)
        if device.job and not any(device.job == spec.job and spec.task in (None, device.task or 0)
                                  for spec in allowed):
            return True
    return False
