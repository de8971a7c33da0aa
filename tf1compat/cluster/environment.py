"""Each task's environment: a TF_CONFIG matching its flags, and no proxy for the cluster's own hosts."""
import json

from tf1compat.cluster.spec import split_address

# gRPC reads grpc_proxy, https_proxy, http_proxy; a dead proxy hangs localhost channels silently.
# `no_grpc_proxy` wins over `no_proxy` in gRPC, and `no_proxy=127.0.0.1` does not cover `localhost`.
_NO_PROXY_NAMES = ("no_grpc_proxy", "no_proxy", "NO_PROXY")


def tf_config(cluster, job, index):
    """TF_CONFIG for a task: the cluster (the evaluator is never part of it) and the task's type and index."""
    return json.dumps({"cluster": cluster, "task": {"type": job, "index": index}})


def task_environment(base, cluster, job, index):
    """A copy of ``base`` with TF_CONFIG set and the cluster's hosts exempted from every proxy."""
    environment = dict(base)
    environment["TF_CONFIG"] = tf_config(cluster, job, index)
    hosts = {split_address(address)[0] for addresses in cluster.values() for address in addresses}
    if hosts & {"localhost", "127.0.0.1"}:
        hosts |= {"localhost", "127.0.0.1"}
    for name in _NO_PROXY_NAMES:
        kept = [entry for entry in environment.get(name, environment.get("no_proxy", "")).split(",") if entry.strip()]
        environment[name] = ",".join(kept + sorted(hosts - set(kept)))
    return environment
