"""What a fault costs a local TF1 cluster restarted in place (``--restarts``): seconds and global steps.

    python -m benchmarks.fault_cost [--rounds 3] [--only ps_killed]

Each case starts ``python -m tf1compat --cluster ps=1,worker=2 --restarts 2`` on a classic
``MonitoredTrainingSession`` script with checkpoints (tests/scripts/cluster/checkpointed_training.py),
SIGKILLs one task at a chosen moment and reads the script's own ``EVENT`` lines: how long until the
task's peers trained again (the recovered session's start), which global step the chief restarted
from, and how long the whole run took against the same run without a fault. Numbers, not asserts:
the tests check behaviour, this prints what it cost on this machine.
"""
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from tf1compat.cli.usage import UsageParser, run_command

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(ROOT, "tests", "scripts", "cluster", "checkpointed_training.py")
_EVENT = re.compile(r"^\[(\w+ \d+)\] EVENT (.*) t=([\d.]+)$")


class ClusterRun:
    """One launcher run with its output collected live: wait for a line, kill a task, collect the end."""

    def __init__(self, workdir, launcher_args=(), script_args=(), restarts=2):
        self.workdir = workdir
        self.checkpoint_dir = os.path.join(workdir, "checkpoints")
        command = [sys.executable, "-m", "tf1compat", "--cluster", "ps=1,worker=2", "--restarts", str(restarts),
                   "--cluster-logs", os.path.join(workdir, "logs"), *launcher_args, SCRIPT,
                   "--checkpoint_dir", self.checkpoint_dir, *script_args]
        environment = {name: value for name, value in os.environ.items() if "proxy" not in name.lower()}
        environment["TF1COMPAT_OFFLINE"] = "1"
        self.lines, self.changed = [], threading.Condition()
        self.started = time.time()
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                        env=environment, start_new_session=True)
        self.readers = [threading.Thread(target=self._read, args=(stream,), daemon=True)
                        for stream in (self.process.stdout, self.process.stderr)]
        for reader in self.readers:
            reader.start()

    def _read(self, stream):
        for line in stream:
            with self.changed:
                self.lines.append((time.time(), line.rstrip("\n")))
                self.changed.notify_all()

    def wait_for(self, pattern, timeout=120):
        """The first line matching ``pattern`` (a regex) and when it was read; raises TimeoutError."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                for seen, line in self.lines:
                    if re.search(pattern, line):
                        return line, seen
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise TimeoutError(f"no line matching {pattern!r}:\n" + self.text()[-3000:])
                self.changed.wait(0.2)

    def task_pid(self, job, index):
        """The pid of task ``job``/``index`` (its command line carries this run's checkpoint folder)."""
        for pid in filter(str.isdigit, os.listdir("/proc")):
            arguments = _command_line(pid)
            if (self.checkpoint_dir in arguments and f"--job_name={job}" in arguments
                    and f"--task_index={index}" in arguments):
                return int(pid)
        raise LookupError(f"no process for {job} {index}")

    def kill(self, job, index):
        """SIGKILL the task, as the kernel's OOM killer or a lost machine would; returns when it was sent."""
        os.kill(self.task_pid(job, index), signal.SIGKILL)
        return time.time()

    def finish(self, timeout=180):
        """The launcher's exit code once it ended (killed with its tasks if it outlives ``timeout``)."""
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            code = self.process.wait()
        for reader in self.readers:
            reader.join(5)
        self.ended = time.time()
        return code

    def text(self):
        return "\n".join(line for _, line in self.lines)

    def events(self, task):
        """``[(text, time)]`` of one task's EVENT lines, in order."""
        found = []
        for _, line in self.lines:
            match = _EVENT.match(line)
            if match and match.group(1) == task:
                found.append((match.group(2), float(match.group(3))))
        return found

    def leftovers(self):
        """Pids of processes still mentioning this run's folder (orphans)."""
        return [int(pid) for pid in filter(str.isdigit, os.listdir("/proc")) if self.workdir in _command_line(pid)]


def _command_line(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def session_starts(run, task):
    """``[(global step, time)]`` of each session the task created (a recovery creates another)."""
    return [(int(text.rpartition(" ")[2]), when) for text, when in run.events(task)
            if text.startswith("session ")]


# case -> (task killed, the line after which it is killed, script arguments)
CASES = {
    "none": (None, None, ()),
    "worker_killed": (("worker", 1), r"^\[worker 1\] EVENT global step", ()),
    "ps_killed": (("ps", 0), r"^\[worker 0\] EVENT saved step (1\d\d|[2-9]\d\d)", ()),
    "ps_killed_saving": (("ps", 0), r"^\[worker 0\] EVENT saving step (1\d\d|[2-9]\d\d)", ("--ballast_mb", "32")),
    "chief_killed": (("worker", 0), r"^\[worker 0\] EVENT saved step (1\d\d|[2-9]\d\d)", ()),
    "sync_none": (None, None, ("--sync_replicas",)),
    "sync_worker_killed": (("worker", 1), r"^\[worker 1\] EVENT global step", ("--sync_replicas",)),
    "sync_ps_killed": (("ps", 0), r"^\[worker 0\] EVENT saved step (1\d\d|[2-9]\d\d)", ("--sync_replicas",)),
    "sync_chief_killed": (("worker", 0), r"^\[worker 0\] EVENT saved step (1\d\d|[2-9]\d\d)", ("--sync_replicas",)),
}
SCRIPT_ARGS = ("--train_steps", "400", "--save_steps", "50", "--step_delay", "0.01")


def measure(case, workdir):
    """One run of ``case``: its seconds and steps (see the module docstring)."""
    victim, moment, extra = CASES[case]
    run = ClusterRun(workdir, script_args=SCRIPT_ARGS + tuple(extra))
    killed_at = None
    if victim:
        run.wait_for(moment)
        killed_at = run.kill(*victim)
    code = run.finish()
    result = {"case": case, "exit": code, "run_seconds": run.ended - run.started, "leftovers": len(run.leftovers())}
    if victim:
        # the worker whose next session shows the recovery: the restarted one, else the chief
        watched = f"worker {victim[1]}" if victim[0] == "worker" else "worker 0"
        resumed = [(step, when) for step, when in session_starts(run, watched) if when > killed_at]
        if resumed:
            step, when = resumed[0]
            result["seconds_to_train_again"] = when - killed_at
            if victim != ("worker", 1):  # the chief restored a checkpoint: what the cluster did since is lost
                result["steps_lost"] = max(highest_step_before(run, when) - step, 0)
    return result


def highest_step_before(run, moment):
    """The highest global step any worker reported before ``moment`` (what a restore can take back)."""
    return max((int(text.split()[-1]) for task in ("worker 0", "worker 1") for text, when in run.events(task)
                if "step" in text and when < moment), default=0)


def main(argv=None):
    return run_command(_measure_all, argv)


def _measure_all(argv):
    parser = UsageParser(prog="python -m benchmarks.fault_cost", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1, help="runs of each case (the table shows medians)")
    parser.add_argument("--only", action="append", choices=sorted(CASES), help="this case only (repeatable)")
    args = parser.parse_args(argv)
    results = {}
    for _ in range(args.rounds):
        for case in args.only or CASES:
            with tempfile.TemporaryDirectory(prefix=f"fault_{case}_") as workdir:
                result = measure(case, workdir)
            print(result, flush=True)
            results.setdefault(case, []).append(result)
    print("\ncase              exit  run s  to train again s  steps lost  leftovers")
    for case, rounds in results.items():
        def median(key):
            values = [each[key] for each in rounds if key in each]
            return f"{statistics.median(values):.1f}" if values else "-"
        print(f"{case:<17} {'/'.join(str(each['exit']) for each in rounds):>4}  {median('run_seconds'):>5}  "
              f"{median('seconds_to_train_again'):>16}  {median('steps_lost'):>10}  "
              f"{sum(each['leftovers'] for each in rounds):>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
