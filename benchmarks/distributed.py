"""distributed_ps on a local cluster: TF1 ps/worker through the runner vs its tf.distribute twin, 1 and 2 workers.

    python -m benchmarks.distributed --variant legacy_async_2 --workdir /tmp/bench [--quick]

Each variant starts a whole cluster with ``python -m tf1compat --cluster`` and reads the training
loop's time from the programs' histories (process start-up and connecting excluded). On a
2-core machine every task shares the same cores: this measures the runtime's overhead per
example, not a speed-up from more workers.
"""
import sys

from benchmarks.variant_process import run_variant
from migration.checks.cluster_runs import run_cluster
from migration.pairs import PAIRS

STEPS, QUICK_STEPS = 300, 20
BATCH_SIZE = 100
# variant -> (side, --cluster, synchronous)
CLUSTERS = {
    "legacy_async_1": ("legacy", "ps=1,worker=1", False),
    "twin_async_1": ("twin", "chief=1,ps=1,worker=1", False),
    "legacy_async_2": ("legacy", "ps=1,worker=2", False),
    "twin_async_2": ("twin", "chief=1,ps=1,worker=2", False),
    "legacy_sync_2": ("legacy", "ps=1,worker=2", True),
    "twin_sync_2": ("twin", "worker=2", True),
}


def measure(variant, quick):
    """Examples per second of the cluster: global steps x examples per global step / the chief's loop time."""
    side, cluster, synchronous = CLUSTERS[variant]
    pair = PAIRS["distributed_ps"]
    steps = QUICK_STEPS if quick else STEPS
    args = ["--train_steps", str(steps), "--batch_size", str(BATCH_SIZE), "--display_step", "0"]
    args += ["--sync_replicas"] * synchronous
    script = pair.legacy_path if side == "legacy" else pair.migration_path
    histories = run_cluster(script, cluster, args, plain=side == "twin")
    chief = histories.get("chief_0") or histories["worker_0"]
    workers = int(cluster.rpartition("worker=")[2])
    per_step = BATCH_SIZE * (workers if synchronous else 1)
    result = {"examples_per_second": chief["final_global_step"] * per_step / chief["train_seconds"],
              "global_steps": chief["final_global_step"], "train_seconds": chief["train_seconds"],
              "test_accuracy": chief["test_accuracy"]}
    if "trace_seconds" in chief:  # the twin traces before its loop's clock, as TF1 built its graph before
        result["trace_seconds"] = chief["trace_seconds"]
    return result


VARIANTS = {name: (lambda workdir, quick, name=name: measure(name, quick)) for name in CLUSTERS}

if __name__ == "__main__":
    sys.exit(run_variant("python -m benchmarks.distributed", VARIANTS))
