"""Distributed TF1 on TensorFlow's gRPC runtime: launch a ps/worker cluster, and the fixes its tasks need."""
import os

from tf1compat.cluster.command import add_arguments, launch, requested
from tf1compat.cluster.spec import ClusterError

# Which task fixes run (comma list; default all, "0" none): to measure TF1's own behaviour, or to opt out.
FIXES_SWITCH = "TF1COMPAT_CLUSTER_FIXES"
FIXES = ("device_filters", "prompt_defaults", "sync_token_runner")


def install_task_fixes():
    """In a runner process once TF1 is loaded: device filters for cluster sessions, prompt and quiet stops."""
    from tf1compat.session import config as session_config
    from tf1compat.session import device_filters
    from tf1compat.cluster import prompt_defaults, sync_token_runner

    chosen = os.environ.get(FIXES_SWITCH, ",".join(FIXES)).split(",")
    if "device_filters" in chosen:
        session_config.add_adjuster("cluster device filters", device_filters.adjust)
    if "prompt_defaults" in chosen:
        prompt_defaults.install()
    if "sync_token_runner" in chosen:
        sync_token_runner.install()


__all__ = ["ClusterError", "add_arguments", "install_task_fixes",
           "launch", "requested"]
