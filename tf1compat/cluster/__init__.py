"""Distributed TF1 on TensorFlow's gRPC runtime: launch a ps/worker cluster, and the fixes its tasks need."""
import os

from tf1compat.cluster.command import OPTIONS_WITH_VALUE, add_arguments, forwarded_runner_options, launch, requested
from tf1compat.cluster.spec import ClusterError

FIXES_SWITCH = "TF1COMPAT_CLUSTER_FIXES"  # "0": run the cluster's tasks with TF1's own waiting defaults


def install_task_fixes():
    """In a runner process once TF1 is loaded: device filters for cluster sessions, prompt waiting defaults."""
    if os.environ.get(FIXES_SWITCH) == "0":
        return
    from tf1compat import session_config
    from tf1compat.cluster import device_filters, prompt_defaults

    session_config.add_adjuster("cluster device filters", device_filters.adjust)
    prompt_defaults.install()


__all__ = ["OPTIONS_WITH_VALUE", "ClusterError", "add_arguments", "forwarded_runner_options", "install_task_fixes",
           "launch", "requested"]
