"""Task processes, each in its own process group: start, stop (SIGTERM, then SIGKILL), leave no orphans."""
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
    """One running task: ``job``/``index``, its ``subprocess.Popen`` and whether the launcher stopped it."""

    def __init__(self, job, index, command, environment, cwd=None):
        self.job, self.index = job, index
        self.stopped = False
        self.popen = subprocess.Popen(
            command, env=environment, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
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
        task.signal_group(signal.SIGKILL)  # also any child a task left behind in its group
    for task in tasks:
        task.popen.wait()
