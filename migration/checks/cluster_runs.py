"""Runs a pair's program as a local cluster through ``python -m tf1compat --cluster`` and collects its histories."""
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

CLUSTER_TIMEOUT = 240  # seconds; the launcher's own --startup-timeout names a task that never comes up


def run_cluster(script, cluster, args, plain=False):
    """``{"worker_0": history, ...}``: each training task's ``--history_dir`` JSON; raises if the launcher fails."""
    with tempfile.TemporaryDirectory(prefix="cluster_run_") as folder:
        command = [sys.executable, "-m", "tf1compat", "--cluster", cluster, "--startup-timeout", "90",
                   *(["--plain", "--cluster-flags", "none"] if plain else []),
                   script, *args, "--history_dir", folder]
        environment = dict(os.environ, TF1COMPAT_OFFLINE="1")
        completed = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=CLUSTER_TIMEOUT)
        if completed.returncode != 0:
            raise RuntimeError(f"`{' '.join(command[1:])}` exited {completed.returncode}:\n{completed.stderr[-3000:]}")
        return {name[:-len(".json")]: _load(os.path.join(folder, name)) for name in sorted(os.listdir(folder))}


def run_clusters(runs, parallel=3):
    """Run several ``(script, cluster, args, plain)`` clusters, ``parallel`` at a time; their results in order."""
    with ThreadPoolExecutor(parallel) as pool:
        return list(pool.map(lambda run: run_cluster(*run), runs))


def _load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)
