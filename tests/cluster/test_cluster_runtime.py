"""Distributed TF1 on TensorFlow's gRPC runtime through the launcher: the classic ps/worker script, the task fixes."""
import json
import os
import socket
import subprocess
import sys

import pytest

from tf1compat.api import table as api_table
from tests import paths

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

ROOT = paths.ROOT
SCRIPTS = os.path.join(paths.SCRIPTS, "cluster")
CLASSIC = os.path.join(ROOT, "legacy_examples", "distributed_ps.py")
PROXY_NAMES = ("http_proxy", "https_proxy", "grpc_proxy", "HTTP_PROXY", "HTTPS_PROXY", "no_proxy", "NO_PROXY",
               "no_grpc_proxy")


def environment(**extra):
    env = {name: value for name, value in os.environ.items() if name not in PROXY_NAMES}
    env.pop("TF_CPP_MIN_LOG_LEVEL", None)
    env.update(TF1COMPAT_OFFLINE="1", **extra)
    return env


def processes_mentioning(text):
    """Pids of live processes whose command line contains ``text`` (orphans of a run)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                if text.encode() in handle.read():
                    found.append(int(pid))
        except OSError:
            pass
    return found


def run_classic(tmp_path, *script_args, env=None, launcher=("--cluster", "ps=1,worker=2")):
    history = tmp_path / "history"
    command = [sys.executable, "-m", "tf1compat", *launcher, "--finish-grace", "20", CLASSIC, "--train_steps", "40",
               "--batch_size", "20", "--display_step", "20", "--history_dir", str(history), *script_args]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=180, env=env or environment(),
                               start_new_session=True)
    assert processes_mentioning(str(history)) == []  # no task outlives the launcher
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "--finish-grace" not in completed.stderr  # every worker ended by itself
    return completed, {name: json.loads((history / name).read_text()) for name in sorted(os.listdir(history))}


def test_classic_async_script_runs_unchanged_past_a_dead_proxy(tmp_path):
    with socket.socket() as dead_proxy:  # accepts connections, never answers: localhost gRPC through it hangs
        dead_proxy.bind(("127.0.0.1", 0))
        dead_proxy.listen()
        proxy = f"http://127.0.0.1:{dead_proxy.getsockname()[1]}"
        completed, history = run_classic(tmp_path, env=environment(http_proxy=proxy, https_proxy=proxy,
                                                                    grpc_proxy=proxy))
    assert sorted(history) == ["worker_0.json", "worker_1.json"]
    chief, other = history["worker_0.json"], history["worker_1.json"]
    # Async: a worker reads the global step and increments it in one run, but the other worker's updates land in
    # between; under load both can pass the last step before they see it (42 seen once in CI at load ~2-3).
    assert 40 <= chief["final_global_step"] <= 42
    assert len(chief["losses"]) + len(other["losses"]) >= 40  # async: the two workers' steps add up
    assert chief["losses"][-1] < chief["losses"][0]
    assert "[worker 0] worker 0 of 2: 2000 training examples, asynchronous updates" in completed.stdout
    assert "[worker 1] worker 1 of 2: 2000 training examples, asynchronous updates" in completed.stdout


def test_classic_sync_replicas_script_runs_and_stops_promptly(tmp_path):
    completed, history = run_classic(tmp_path, "--sync_replicas")
    chief = history["worker_0.json"]
    assert chief["final_global_step"] == 40  # one aggregated update per global step
    assert chief["losses"][-1] < chief["losses"][0]
    assert "synchronous updates" in completed.stdout
    assert "Exception in thread" not in completed.stdout + completed.stderr  # the token runner ends quietly


def test_task_fixes_in_a_cluster_task():
    cluster = {"ps": ["localhost:5"], "worker": ["localhost:6", "localhost:7"]}
    tf_config = json.dumps({"cluster": cluster, "task": {"type": "worker", "index": 1}})
    completed = subprocess.run([sys.executable, "-m", "tf1compat", os.path.join(SCRIPTS, "task_fixes.py")],
                               capture_output=True, text=True, timeout=120, env=environment(TF_CONFIG=tf_config))
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout.split("RESULT ", 1)[1])
    assert result["grpc"] == ["/job:ps", "/job:worker/task:1"]
    assert result["in_process"] == [] and result["script_chose"] == ["/job:worker"]
    assert result["in_graph_replication"] == []  # the graph uses worker 0: filtering would break it
    assert (result["recovery_wait_default"], result["recovery_wait_explicit"]) == (1, 30)
    assert result["supervisor_recovery_wait"] == 1
    assert result["stop_grace"] == {"MonitoredTrainingSession": 3, "__init__": 3}


def _estimator_available():
    entry = api_table.lookup("estimator")
    return entry is None or entry.kind != "removed"


@pytest.mark.skipif(not _estimator_available(), reason="tf.estimator is not provided in the legacy scope yet "
                                                       "(the estimator work adds it)")
def test_estimator_trains_from_tf_config(tmp_path):
    command = [sys.executable, "-m", "tf1compat", "--cluster", "chief=1,ps=1,worker=1", "--cluster-flags", "none",
               os.path.join(SCRIPTS, "estimator_tf_config.py"), str(tmp_path / "model")]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=180, env=environment(),
                               start_new_session=True)
    assert completed.returncode == 0, completed.stderr[-3000:]
    result = json.loads(completed.stdout.split("[chief 0] RESULT ", 1)[1].splitlines()[0])
    assert result["task"] == "chief" and result["global_step"] >= 60
    assert result["kernel"] == pytest.approx([3.0], abs=0.3)
    assert processes_mentioning(str(tmp_path / "model")) == []


def test_the_twin_schedules_chunks_of_steps_that_add_up_to_the_run():
    from migration.distributed_ps import STEPS_PER_FUNCTION, chunks

    assert STEPS_PER_FUNCTION == 20
    assert chunks(45) == [20, 20, 5] and chunks(300) == [20] * 15 and chunks(10) == [10]
    assert chunks(7, size=3) == [3, 3, 1] and chunks(0) == []
