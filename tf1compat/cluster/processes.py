"""Task processes, each in its own process group: start, restart, stop (SIGTERM, then SIGKILL), leave no orphans."""
import ctypes
import os
import signal
import subprocess
import time

_PR_SET_PDEATHSIG = 1


def _die_with_launcher():
    """In the child before exec: get SIGKILL if the launcher dies without stopping it (Linux)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


class TaskProcess:
    """One running task: ``job``/``index``, its ``subprocess.Popen``, its attempt and whether the launcher stopped it.

    ``restart()`` starts the same command again with the same environment (so the same flags and
    address): TF1's cluster managers restarted a dead task in place and its peers reconnected.
    """

    def __init__(self, job, index, command, environment, cwd=None):
        self.job, self.index = job, index
        self.command, self.environment, self.cwd = list(command), dict(environment), cwd
        self.attempt = 0
        self.stopped = False
        self.popen = None
        self.restart()

    def restart(self):
        if self.popen is not None:
            self.signal_group(signal.SIGKILL)  # whatever the last attempt left in its group goes with it
            self.popen.wait()
        self.attempt += 1
        self.popen = subprocess.Popen(
            self.command, env=self.environment, cwd=self.cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, start_new_session=True, preexec_fn=_die_with_launcher)

    @property
    def name(self):
        return f"{self.job} {self.index}"

    @property
    def returncode(self):
        return self.popen.poll()

    def signal_group(self, signum):
        try:
            os.killpg(self.popen.pid, signum)
        except (ProcessLookupError, PermissionError):
            pass


def describe_exit(code):
    """``1`` -> ``"exit code 1"``, ``-9`` -> ``"killed by SIGKILL"`` (a Popen return code)."""
    if code >= 0:
        return f"exit code {code}"
    try:
        return f"killed by {signal.Signals(-code).name}"
    except ValueError:
        return f"killed by signal {-code}"


def shell_exit_code(code):
    """A Popen return code as a shell reports it: killed by signal N is 128 + N."""
    return code if code >= 0 else 128 - code


def stop(tasks, grace):
    """SIGTERM every live task's group, SIGKILL what is left after ``grace`` s (MWMS catches SIGTERM); reap."""
    alive = [task for task in tasks if task.returncode is None]
    for task in alive:
        task.stopped = True
        task.signal_group(signal.SIGTERM)
    deadline = time.monotonic() + grace
    while any(task.returncode is None for task in alive) and time.monotonic() < deadline:
        time.sleep(0.05)
    for task in tasks:
        task.stopped = True
        task.signal_group(signal.SIGKILL)  # also any child a task left behind in its group
    for task in tasks:
        task.popen.wait()
