"""Run a script of tests/scripts/runner/ under ``python -m tf1compat`` and read its ``RESULT {json}`` line."""
import os
import subprocess
import sys

from tests import paths
from tests.tf1_programs import parse_result

SCRIPTS = os.path.join(paths.SCRIPTS, "runner")
OUTSIDE_LIB = os.path.join(paths.SCRIPTS, "outside_lib")


def run(script, *args, runner_args=(), cwd=None, stdin=None, env_extra=None, timeout=180):
    """The completed runner process; tests/scripts/outside_lib on PYTHONPATH, no DISPLAY, TensorFlow's logs on."""
    env = dict(os.environ, PYTHONPATH=OUTSIDE_LIB)
    env.pop("DISPLAY", None)
    env.pop("TF_CPP_MIN_LOG_LEVEL", None)
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "tf1compat", *runner_args, os.path.join(SCRIPTS, script), *args],
        capture_output=True, text=True, cwd=cwd, input=stdin, env=env, timeout=timeout)


def result_of(completed):
    """The RESULT of a run that must have exited 0 (else its stderr's end is the failure message)."""
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert sum(line.startswith("RESULT ") for line in completed.stdout.splitlines()) == 1, completed.stdout
    return parse_result(completed.stdout)
