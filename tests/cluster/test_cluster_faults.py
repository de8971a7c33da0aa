"""Faults in a real local TF1 cluster (ps=1, worker=2, --restarts 2): SIGKILL a task mid-run, the run still passes.

Each test runs tests/scripts/cluster/checkpointed_training.py, a classic MonitoredTrainingSession
script that checks its own test accuracy, and reads its EVENT lines (see benchmarks/fault_cost.py,
which measures what these faults cost).
"""
import os
import re

import pytest

from benchmarks.fault_cost import ClusterRun, session_starts

pytestmark = pytest.mark.slow
ARGS = ("--train_steps", "300", "--save_steps", "50", "--step_delay", "0.01")
ACCURACY = re.compile(r"^\[worker (\d)\] worker \1: global step (\d+), test accuracy ([\d.]+)$", re.MULTILINE)


def finish(run):
    """Exit code 0, both workers' own accuracy check passed at the last step, no process left behind."""
    code = run.finish()
    assert code == 0, run.text()[-4000:]
    results = {int(worker): (int(step), float(accuracy)) for worker, step, accuracy in ACCURACY.findall(run.text())}
    assert sorted(results) == [0, 1], run.text()[-4000:]
    assert all(step >= 300 and accuracy >= 0.8 for step, accuracy in results.values()), results
    assert run.leftovers() == []
    return results


def assert_restored(first_step, saved, events):
    """The recovered chief session starts from the ``saved`` checkpoint, not from 0; the other worker, once
    ready, may add a few steps before the chief's hook reads the global step."""
    assert saved <= first_step < saved + 25, (first_step, saved, events)


def saved_steps(run):
    return [int(text.split()[2]) for text, _ in run.events("worker 0") if text.startswith("saved step")]


def test_a_killed_worker_is_restarted_and_rejoins(tmp_path):
    # 50 ms of "input" per step: the chief alone needs ~15 s for 300 steps, longer than a restart takes
    run = ClusterRun(str(tmp_path), script_args=ARGS[:-1] + ("0.05",))
    run.wait_for(r"^\[worker 1\] EVENT session 1 starts")
    run.kill("worker", 1)
    finish(run)
    assert "[cluster] restarting worker 1 (killed by SIGKILL), attempt 1/2" in run.text()
    rejoined = session_starts(run, "worker 1")
    assert len(rejoined) == 2 and 0 < rejoined[1][0] < 300  # the new process joined the running training
    assert sorted(os.listdir(tmp_path / "logs")) == ["ps_0.log", "worker_0.log", "worker_1.attempt2.log",
                                                      "worker_1.log"]


def test_a_killed_worker_in_sync_replicas_mode_is_waited_for(tmp_path):
    run = ClusterRun(str(tmp_path), script_args=ARGS + ("--sync_replicas",))
    run.wait_for(r"^\[worker 1\] EVENT global step")
    run.kill("worker", 1)
    results = finish(run)
    assert results[0][0] == 300  # one aggregated update per global step, to the last one
    assert "[cluster] restarting worker 1 (killed by SIGKILL), attempt 1/2" in run.text()


def test_a_ps_killed_while_saving_is_restarted_and_the_chief_restores_the_previous_checkpoint(tmp_path):
    run = ClusterRun(str(tmp_path), script_args=ARGS + ("--ballast_mb", "96"))
    line, _ = run.wait_for(r"^\[worker 0\] EVENT saving step (1\d\d|2\d\d)")
    run.kill("ps", 0)
    interrupted = int(line.split()[5])
    before = [step for step in saved_steps(run) if step < interrupted]
    finish(run)
    assert "[cluster] restarting ps 0 (killed by SIGKILL), attempt 1/2" in run.text()
    events = "\n".join(line for line in run.text().splitlines() if "EVENT" in line or "[cluster]" in line)
    assert f"EVENT saved step {interrupted} " not in run.text(), events  # the kill landed in the save
    assert len(session_starts(run, "worker 1")) == 2, events  # the other worker's session recovered too
    chief_sessions = session_starts(run, "worker 0")
    assert len(chief_sessions) == 2, events
    assert_restored(chief_sessions[1][0], before[-1], events)  # `checkpoint` named the last complete save
    assert chief_sessions[1][0] < interrupted, events
    latest = (tmp_path / "checkpoints" / "checkpoint").read_text().splitlines()[0].split('"')[1]
    assert os.path.exists(latest + ".index") and os.path.exists(latest + ".data-00000-of-00001")
