"""The launcher's restarts, bad numbers and private network, with stand-in tasks (no TensorFlow)."""
import array
import fcntl
import json
import os
import signal
import socket
import struct
import sys

import pytest
from tests.cluster.launcher_harness import FAKE_TASK, alive_pids, launch, running_launcher

from tf1compat.cluster import ports, private_network

PRIVATE = private_network.unavailable_reason() is None


@pytest.mark.parametrize("option, value, message", [
    ("--cluster-port", "99999", "argument --cluster-port: `99999` is not a TCP port; give a port from 1 to 65535"),
    ("--cluster-port", "65535", "`--cluster-port 65535`: fewer than 3 free ports from 65535 to 65535; give a lower "
                                "port"),
    ("--startup-timeout", "0", "argument --startup-timeout: `0` gives the tasks no time to start; give seconds > 0"),
    ("--hang-timeout", "-5", "argument --hang-timeout: `-5` is negative; give seconds >= 0 (0 disables)"),
    ("--restarts", "-1", "argument --restarts: `-1` is negative; give 0 (no restarts) or more"),
    ("--stop-grace", "soon", "argument --stop-grace: `soon` is not a number of seconds"),
])
def test_bad_launcher_numbers_are_one_line_usage_errors(tmp_path, option, value, message):
    completed = launch("--cluster", "ps=1,worker=2", option, value, pid_dir=tmp_path)
    assert completed.returncode == 2
    assert completed.stderr.startswith(f"ERROR {message}")
    assert completed.stderr.count("\n") == 1 and "Traceback" not in completed.stderr
    assert os.listdir(tmp_path) == []  # nothing started


def test_a_dead_task_is_restarted_in_place_and_each_attempt_keeps_its_log(tmp_path):
    logs = tmp_path / "logs"
    completed = launch("--cluster", "ps=1,worker=2", "--restarts", "2", "--cluster-logs", str(logs),
                       script_args=["--crash", "worker:1", "--crash-attempts", "1"], pid_dir=tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert "[cluster] restarting worker 1 (exit code 1), attempt 1/2\n" in completed.stderr
    assert completed.stderr.count("[cluster] restarting") == 1  # worker 0 and the ps exited 0 or were stopped
    assert len((tmp_path / "worker_1.attempts").read_text().split()) == 2
    assert sorted(os.listdir(logs)) == ["ps_0.log", "worker_0.log", "worker_1.attempt2.log", "worker_1.log"]
    first, second = (logs / "worker_1.log").read_text(), (logs / "worker_1.attempt2.log").read_text()
    assert "RuntimeError: worker 1 lost its input mid-training" in first.splitlines()  # (stdout and stderr
    assert second.splitlines()[-2:] == ["training step 1", "done"]                      # interleave in a log)
    # the same flags and TF_CONFIG the first attempt had
    assert first.splitlines()[0] == second.splitlines()[0] == (
        "task worker:1 up, TF_CONFIG task {'type': 'worker', 'index': 1}")
    assert alive_pids(tmp_path) == []


def test_a_task_that_keeps_failing_stops_the_run_after_its_restarts(tmp_path):
    completed = launch("--cluster", "ps=1,worker=2", "--restarts", "2", "--stop-grace", "1",
                       script_args=["--crash", "worker:1", "--crash-attempts", "9", "--work", "2"],
                       pid_dir=tmp_path)
    assert completed.returncode == 1
    restarts = [line for line in completed.stderr.splitlines() if line.startswith("[cluster] restarting")]
    assert restarts == ["[cluster] restarting worker 1 (exit code 1), attempt 1/2",
                        "[cluster] restarting worker 1 (exit code 1), attempt 2/2"]
    assert ("[cluster] ERROR `worker 1` failed with exit code 1 after 2 restarts; the other tasks were stopped. "
            "Its last error:\nTraceback (most recent call last):") in completed.stderr
    assert completed.stderr.rstrip().endswith("RuntimeError: worker 1 lost its input mid-training")
    assert len((tmp_path / "worker_1.attempts").read_text().split()) == 3
    assert alive_pids(tmp_path) == []


def test_one_task_of_a_cluster_file_restarts_and_warns_that_it_listens(tmp_path):
    with socket.socket() as stand_in_ps:  # the ps "on another machine"
        stand_in_ps.bind(("127.0.0.1", 0))
        stand_in_ps.listen()
        worker_port = ports.free_ports(1)[0]
        cluster_file = tmp_path / "cluster.json"
        cluster_file.write_text(json.dumps({"ps": [f"localhost:{stand_in_ps.getsockname()[1]}"],
                                            "worker": [f"localhost:{worker_port}"]}))
        pids = tmp_path / "pids"
        pids.mkdir()
        completed = launch("--cluster-spec", str(cluster_file), "--job-name", "worker", "--restarts", "1",
                           script_args=["--crash", "worker:0", "--crash-attempts", "1"], pid_dir=pids)
    assert completed.returncode == 0, completed.stderr
    assert "[cluster] restarting worker 0 (exit code 1), attempt 1/1" in completed.stderr
    assert completed.stderr.count("WARNING") == 1
    assert (f"[cluster] WARNING `worker 0` listens on every network interface (localhost:{worker_port}): "
            "TensorFlow's gRPC servers run any graph sent to them without authentication") in completed.stderr
    assert completed.stdout.splitlines()[-1] == "[worker 0] done"


def external_addresses():
    """This machine's IPv4 addresses other than loopback (SIOCGIFADDR on each interface)."""
    found = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as control:
        for _, name in socket.if_nameindex():
            request = array.array("B", struct.pack("256s", name.encode()[:15]))
            try:
                fcntl.ioctl(control, 0x8915, request)  # SIOCGIFADDR
            except OSError:
                continue  # no IPv4 address
            address = socket.inet_ntoa(request[20:24].tobytes())
            if not address.startswith("127."):
                found.append(address)
    return found


def reachable(address, port):
    try:
        with socket.create_connection((address, port), timeout=1):
            return True
    except OSError:
        return False


def reachability_while_running(tmp_path, *launcher_args):
    """Start ps=1,worker=1 on fixed ports; while both serve, which of (external, loopback) reach the ps port."""
    first = ports.free_ports(1)[0]
    command = [sys.executable, "-m", "tf1compat", "--plain", "--cluster", "ps=1,worker=1", "--cluster-port",
               str(first), "--stop-grace", "0.5", *launcher_args, FAKE_TASK, "--pid-dir", str(tmp_path),
               "--stubborn", "worker:0"]
    with running_launcher(command) as launcher:
        up = set()
        while len(up) < 2:  # both tasks have bound their ports
            line = launcher.stdout.readline()
            assert line, launcher.stderr.read()
            up |= {line.split("]")[0]} if " up, TF_CONFIG" in line else set()
        seen = {address: reachable(address, first) for address in external_addresses()}  # the ps has port `first`
        seen["127.0.0.1"] = reachable("127.0.0.1", first)
        launcher.send_signal(signal.SIGINT)
        _, stderr = launcher.communicate(timeout=20)
    assert alive_pids(tmp_path) == []
    return seen, stderr


@pytest.mark.skipif(not external_addresses(), reason="this machine has no non-loopback IPv4 address to test from")
def test_a_local_cluster_is_reachable_from_nowhere_else(tmp_path):
    (tmp_path / "host").mkdir()
    (tmp_path / "private").mkdir()
    exposed, _ = reachability_while_running(tmp_path / "host", "--cluster-network", "host")
    assert set(exposed.values()) == {True}  # the test can see an exposed server: TF's bind is every interface
    private, stderr = reachability_while_running(tmp_path / "private")
    if not PRIVATE:
        assert "WARNING the tasks' gRPC servers" in stderr and "Remedy:" in stderr
        pytest.skip(f"no private network here: {private_network.unavailable_reason()}")
    # in their own network namespace: not even this machine's loopback reaches them, let alone its addresses
    assert set(private.values()) == {False}, private
    assert "WARNING" not in stderr
