"""The cluster launcher with stand-in tasks (no TensorFlow): specs, flags, TF_CONFIG, supervision, bad input."""
import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from tf1compat.session import device_filters
from tf1compat.cluster import environment, flags, ports, spec
from tf1compat.cluster.spec import ClusterError
from tests.cluster.launcher_harness import FAKE_TASK, alive_pids, launch, running_launcher

def test_counts_flags_and_tf_config():
    counts = spec.parse_counts("worker=2, ps=1,chief=1")
    assert counts == {"worker": 2, "ps": 1, "chief": 1}
    cluster = spec.local_cluster(counts, [2000, 2001, 2002, 2003])
    assert cluster == {"ps": ["localhost:2000"], "chief": ["localhost:2001"],
                       "worker": ["localhost:2002", "localhost:2003"]}
    assert flags.task_flags(flags.parse_flag_spec(flags.DEFAULT), cluster, "worker", 1) == [
        "--ps_hosts=localhost:2000", "--chief_hosts=localhost:2001", "--worker_hosts=localhost:2002,localhost:2003",
        "--job_name=worker", "--task_index=1"]
    renamed = flags.parse_flag_spec("job_name=job,task_index=task,hosts={job}-hosts")
    assert flags.task_flags(renamed, {"ps": ["a:1"]}, "ps", 0) == ["--job=ps", "--task=0", "--ps-hosts=a:1"]
    assert flags.parse_flag_spec("none") == []
    assert json.loads(environment.tf_config(cluster, "chief", 0)) == {"cluster": cluster,
                                                                      "task": {"type": "chief", "index": 0}}
    assert spec.port_count({"chief": 1, "worker": 1, "evaluator": 1}) == 2  # the evaluator is outside the cluster


@pytest.mark.parametrize("text, fragment", [
    ("ps=x,worker=2", "`ps=x` is not JOB=COUNT"), ("ps=1", "no worker or chief"),
    ("gpu=1,worker=1", "unknown job `gpu`"),
    ("worker=1,worker=2", "given twice"), ("chief=2,worker=1", "exactly 1"), ("", "is not JOB=COUNT")])
def test_malformed_cluster_specs(text, fragment):
    with pytest.raises(ClusterError, match=fragment):
        spec.parse_counts(text)


def test_malformed_spec_on_the_command_line_starts_nothing(tmp_path):
    completed = launch("--cluster", "ps=1;worker=2", pid_dir=tmp_path)
    assert completed.returncode == 2
    assert completed.stderr.startswith("ERROR `--cluster ps=1;worker=2`: `ps=1;worker=2` is not JOB=COUNT")
    assert os.listdir(tmp_path) == []


def test_device_filters_follow_the_task_in_tf_config():
    def tf_config(job, index):
        return json.dumps({"cluster": {}, "task": {"type": job, "index": index}})

    assert device_filters.task_filters(tf_config("worker", 2)) == ["/job:ps", "/job:worker/task:2"]
    assert device_filters.task_filters(tf_config("chief", 0)) == ["/job:ps", "/job:chief/task:0"]
    assert [device_filters.task_filters(text) for text in (tf_config("ps", 0), "", "{not json", None)] == [None] * 4


def test_proxy_settings_spare_the_cluster_hosts():
    base = {"http_proxy": "http://proxy:3128", "grpc_proxy": "http://proxy:3128", "no_proxy": "internal.example"}
    task = environment.task_environment(base, {"ps": ["localhost:1"], "worker": ["10.0.0.2:2"]}, "worker", 0)
    for name in ("no_grpc_proxy", "no_proxy", "NO_PROXY"):
        assert task[name] == "internal.example,10.0.0.2,127.0.0.1,localhost"
    assert task["http_proxy"] == "http://proxy:3128"  # other hosts keep their proxy


def test_taken_ports_are_skipped_and_named(tmp_path):
    with socket.socket() as holder:
        holder.bind(("", 0))
        holder.listen()
        taken = holder.getsockname()[1]
        assert ports.in_use(taken)
        assert taken not in ports.free_ports(2, first=taken)
        assert ports.free_ports(1, first=taken)[0] > taken
        cluster_file = tmp_path / "cluster.json"
        cluster_file.write_text(json.dumps({"ps": [f"localhost:{taken}"], "worker": ["localhost:1"]}))
        completed = launch("--cluster-spec", str(cluster_file), "--job-name", "ps", pid_dir=tmp_path)
    assert completed.returncode == 2
    assert completed.stderr == (f"ERROR `localhost:{taken}` (ps 0) is already in use by another process; stop it or "
                                f"give this task a free port in {cluster_file}\n")


def test_cluster_file_errors(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"ps": ["nohostport"], "worker": ["localhost:1"]}')
    with pytest.raises(ClusterError, match="job `ps` needs a non-empty list"):
        spec.load_cluster_file(str(bad))
    good = tmp_path / "tf_config.json"
    good.write_text(json.dumps({"cluster": {"worker": ["a:1"], "ps": ["b:2"]}, "task": {"type": "ps", "index": 0}}))
    assert spec.load_cluster_file(str(good)) == {"ps": ["b:2"], "worker": ["a:1"]}
    with pytest.raises(ClusterError, match="has tasks 0 to 0"):
        spec.check_task(spec.load_cluster_file(str(good)), "worker", 3, "`x`")


def test_all_workers_done_stops_ps_prefixes_output_and_keeps_logs(tmp_path):
    logs = tmp_path / "logs"
    pids = tmp_path / "pids"
    pids.mkdir()
    completed = launch("--cluster", "ps=1,worker=2", "--cluster-logs", str(logs), pid_dir=pids)
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert "[worker 1] training step 1" in lines and "[worker 0] done" in lines
    assert "[ps 0] task ps:0 up, TF_CONFIG task {'type': 'ps', 'index': 0}" in lines
    assert sorted(os.listdir(logs)) == ["ps_0.log", "worker_0.log", "worker_1.log"]
    assert (logs / "worker_1.log").read_text().splitlines()[-2:] == ["training step 1", "done"]
    assert sorted(os.listdir(pids)) == ["ps_0.pid", "worker_0.pid", "worker_1.pid"]
    assert alive_pids(pids) == []  # the ps, blocked like server.join(), was stopped


@pytest.mark.slow
def test_a_crashing_worker_stops_the_others_and_is_named(tmp_path):
    completed = launch("--cluster", "ps=1,worker=2", script_args=["--crash", "worker:1", "--work", "8"],
                       pid_dir=tmp_path)
    assert completed.returncode == 1
    assert "[cluster] ERROR `worker 1` failed with exit code 1; the other tasks were stopped." in completed.stderr
    tail = completed.stderr.split("Its last error:\n")[1]
    assert tail.startswith("Traceback (most recent call last):")
    assert tail.rstrip().endswith("RuntimeError: worker 1 lost its input mid-training")
    assert "[worker 0] done" not in completed.stdout  # stopped mid-training
    assert alive_pids(tmp_path) == []


def test_a_script_that_ignores_the_cluster_flags_is_noticed(tmp_path):
    completed = launch("--cluster", "ps=1,worker=1", "--startup-timeout", "30", script_args=["--deaf", "all"],
                       pid_dir=tmp_path)
    assert completed.returncode == 1
    assert (f"[cluster] ERROR `{FAKE_TASK}` ignored the cluster: no task opened its port while the tasks ran: each "
            "trained alone. The script must start tf.train.Server from the flags it was given") in completed.stderr
    assert alive_pids(tmp_path) == []


def test_an_unreachable_ps_is_named_after_the_startup_timeout(tmp_path):
    completed = launch("--cluster", "ps=1,worker=1", "--startup-timeout", "3", "--finish-grace", "30",
                       script_args=["--deaf", "ps:0", "--work", "20"], pid_dir=tmp_path)
    assert completed.returncode == 124
    assert "[cluster] ERROR `ps 0` (localhost:" in completed.stderr
    assert "did not accept connections within 3 s (--startup-timeout)" in completed.stderr
    assert alive_pids(tmp_path) == []


def test_ctrl_c_ends_every_task_even_one_that_ignores_sigterm(tmp_path):
    command = [sys.executable, "-m", "tf1compat", "--plain", "--cluster", "ps=1,worker=2", "--stop-grace", "1",
               FAKE_TASK, "--pid-dir", str(tmp_path), "--stubborn", "worker:1", "--work", "60"]
    with running_launcher(command) as launcher:
        deadline = time.monotonic() + 30
        while len(os.listdir(tmp_path)) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)
        assert sorted(alive_pids(tmp_path)) == ["ps_0.pid", "worker_0.pid", "worker_1.pid"]
        launcher.send_signal(signal.SIGINT)
        stdout, stderr = launcher.communicate(timeout=10)
    assert launcher.returncode == 130
    assert "[cluster] interrupted: stopping every task" in stderr
    assert alive_pids(tmp_path) == []


def test_one_task_per_machine_with_a_cluster_file(tmp_path):
    """Three launchers stand in for three machines; the ps ends once both workers have closed their ports."""
    ps_port, *worker_ports = ports.free_ports(3)
    cluster_file = tmp_path / "cluster.json"
    cluster_file.write_text(json.dumps({"ps": [f"localhost:{ps_port}"],
                                        "worker": [f"localhost:{port}" for port in worker_ports]}))
    pids = tmp_path / "pids"
    pids.mkdir()
    machines = [subprocess.Popen(
        [sys.executable, "-m", "tf1compat", "--plain", "--cluster-spec", str(cluster_file), "--job-name", job,
         "--task-index", str(index), FAKE_TASK, "--pid-dir", str(pids), "--work", "3"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        for job, index in (("ps", 0), ("worker", 0), ("worker", 1))]
    try:
        outputs = [machine.communicate(timeout=40) for machine in machines]
    finally:
        for machine in machines:
            if machine.poll() is None:
                os.killpg(machine.pid, signal.SIGKILL)
                machine.wait()
    assert [machine.returncode for machine in machines] == [0, 0, 0], [err for _, err in outputs]
    assert "[worker 1] done" in outputs[2][0]
    assert "[worker 1] task worker:1 up, TF_CONFIG task {'type': 'worker', 'index': 1}" in outputs[2][0]
    assert "every worker has closed its port: training is over" in outputs[0][1]
    assert alive_pids(pids) == []


def test_chief_and_evaluator_jobs_get_tf_config_and_flags(tmp_path):
    completed = launch("--cluster", "chief=1,worker=1,evaluator=1", "--finish-grace", "20", pid_dir=tmp_path)
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert "[chief 0] task chief:0 up, TF_CONFIG task {'type': 'chief', 'index': 0}" in lines
    assert "[evaluator 0] task evaluator:0 up, TF_CONFIG task {'type': 'evaluator', 'index': 0}" in lines
    assert "[evaluator 0] done" in lines and "[worker 0] done" in lines
    assert sorted(os.listdir(tmp_path)) == ["chief_0.pid", "evaluator_0.pid", "worker_0.pid"]


@pytest.mark.slow
def test_a_worker_whose_ps_is_not_there_names_it(tmp_path):
    ps_port, worker_port = ports.free_ports(2)  # nobody starts the ps
    cluster_file = tmp_path / "cluster.json"
    cluster_file.write_text(json.dumps({"ps": [f"localhost:{ps_port}"], "worker": [f"localhost:{worker_port}"]}))
    pids = tmp_path / "pids"
    pids.mkdir()
    completed = launch("--cluster-spec", str(cluster_file), "--job-name", "worker", "--startup-timeout", "2",
                       script_args=["--stubborn", "worker:0"], pid_dir=pids)
    assert completed.returncode == 124
    assert (f"[cluster] ERROR `ps 0` (localhost:{ps_port}) did not accept connections within 2 s (--startup-timeout)"
            in completed.stderr)
    assert alive_pids(pids) == []


def test_each_task_gets_the_runner_options_as_typed_less_the_launchers():
    from tf1compat.cli.runner import build_parser, split_argv, task_runner_argv

    parser = build_parser("tf1-run")
    argv = ["--report", "--cluster", "ps=1,worker=2", "--hang-timeout=30", "--cluster-logs", "logs", "--bf16=force",
            "--real-numpy", "--startup-timeout", "5", "--figures", "out", "train.py", "--steps", "3"]
    runner_argv, script_argv = split_argv(argv)
    assert script_argv == ["--steps", "3"]
    assert task_runner_argv(parser, runner_argv) == [
        "--report", "--hang-timeout=30", "--bf16=force", "--real-numpy", "--figures", "out"]
    module_argv, _ = split_argv(["--cluster", "worker=1", "--verbose", "-m", "pkg.train", "--x"])
    assert task_runner_argv(parser, module_argv) == ["--verbose"]
