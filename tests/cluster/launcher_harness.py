"""The cluster launcher driving tests/scripts/cluster/fake_task.py, a stand-in task without TensorFlow."""
import contextlib
import os
import signal
import subprocess
import sys

from tests import paths

FAKE_TASK = os.path.join(paths.SCRIPTS, "cluster", "fake_task.py")


def launch(*launcher_args, script_args=(), pid_dir, timeout=60, **popen):
    """The completed launcher run of the stand-in task (which writes its pid under pid_dir)."""
    command = [sys.executable, "-m", "tf1compat", "--plain", *launcher_args, FAKE_TASK, "--pid-dir", str(pid_dir),
               *script_args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, **popen)


@contextlib.contextmanager
def running_launcher(command):
    """A launcher in its own session, its output piped; killed with its tasks if the test fails before it ends."""
    launcher = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
    try:
        yield launcher
    finally:
        if launcher.poll() is None:
            os.killpg(launcher.pid, signal.SIGKILL)
            launcher.wait()


def alive_pids(pid_dir):
    """The names of the pid files under pid_dir whose process is still alive."""
    alive = []
    for name in sorted(os.listdir(pid_dir)):
        if not name.endswith(".pid"):
            continue
        pid = int((pid_dir / name).read_text())
        try:
            os.kill(pid, 0)
            alive.append(name)
        except ProcessLookupError:
            pass
    return alive
