"""Run one batch size of the study in its own process (the TF2 twin or the legacy TF1 program) and measure it.

The children are the two cnn_mnist programs themselves (``python -m migration.cnn_mnist``
and ``python -m tf1compat legacy_examples/cnn_mnist.py``) with the same flags plus
``--history-json FILE``: they print their display lines (``Step N, Minibatch Loss= ...``),
which drive the progress callback, and write their per-iteration history to FILE. The
parent reaps each child with ``os.wait4``, whose ``ru_maxrss`` is that child's peak
resident memory.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

from migration.pairs import PAIRS, REPO_ROOT
from migration.batch_size_study.results import RunResult

DISPLAY_LINE = re.compile(r"Step (\d+), Minibatch Loss= (\S+), Training Accuracy= (\S+), Test Accuracy= (\S+)")
STDERR_TAIL_LINES = 30
LEGACY_PROGRAM = PAIRS["cnn_mnist"].legacy_path
TF2_PROGRAM = "migration.cnn_mnist"


class StudyRunError(RuntimeError):
    """A child run failed: its exit code and the end of its stderr are in the message."""


def child_command(legacy, flags, history_path, scratch):
    """The command line of one run: ``flags`` are cnn_mnist flags (``["--batch-size", "128", ...]``).

    The programs' own figures and TensorBoard logs go to ``scratch`` (the study draws its own).
    """
    outputs = ["--figures-dir", os.path.join(scratch, "figures"), "--logdir", os.path.join(scratch, "logs"),
               "--history-json", history_path]
    if legacy:
        runner = ["-m", "tf1compat", "--figures", os.path.join(scratch, "figures"), LEGACY_PROGRAM]
    else:
        runner = ["-m", TF2_PROGRAM]
    return [sys.executable, *runner, *flags, *outputs]


def run_batch_size(legacy, flags, batch_size, train_examples, on_display=None):
    """Run one batch size in a fresh process; return its ``RunResult``.

    Args:
        legacy: run ``legacy_examples/cnn_mnist.py`` through ``python -m tf1compat``
            instead of ``python -m migration.cnn_mnist``.
        flags: cnn_mnist flags, ``--batch-size`` among them.
        batch_size, train_examples: for the result's derived numbers.
        on_display: called as ``on_display(step, loss, train_accuracy, test_accuracy)``
            for each display line the child prints, as it prints it.

    Raises:
        StudyRunError: the child exited non-zero or wrote no history.
    """
    with tempfile.TemporaryDirectory(prefix="batch_size_study_") as scratch:
        history_path = os.path.join(scratch, "history.json")
        command = child_command(legacy, flags, history_path, scratch)
        started = time.perf_counter()
        returncode, peak_rss_kib, stderr = _run_measured(command, scratch, on_display)
        seconds = time.perf_counter() - started
        if returncode != 0 or not os.path.exists(history_path):
            program = "legacy TF1 program" if legacy else "TF2 run"
            raise StudyRunError(f"`batch size {batch_size}`: the {program} exited with code {returncode}; "
                                f"its stderr ends with:\n{_tail(stderr)}")
        with open(history_path) as handle:
            history = json.load(handle)
    return RunResult.from_history(batch_size, train_examples, history, peak_rss_kib, seconds)


def _run_measured(command, scratch, on_display):
    """Run ``command`` in ``scratch``, following its stdout; return (exit code, peak RSS KiB, stderr text)."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL=os.environ.get("TF_CPP_MIN_LOG_LEVEL", "3"),
               PYTHONPATH=os.pathsep.join(filter(None, [REPO_ROOT, os.environ.get("PYTHONPATH")])))
    stderr_path = os.path.join(scratch, "stderr.txt")
    with open(stderr_path, "w+") as stderr:
        # A file, not a pipe, for stderr: only stdout is read while the child runs.
        process = subprocess.Popen(command, cwd=scratch, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True)
        for line in process.stdout:
            match = DISPLAY_LINE.search(line)
            if match and on_display:
                on_display(int(match.group(1)), *(float(value) for value in match.groups()[1:]))
        process.stdout.close()
        # wait4 rather than Popen.wait: it also returns the child's own resource usage.
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        return process.returncode, usage.ru_maxrss, stderr.read()


def _tail(text):
    return "\n".join(text.strip().splitlines()[-STDERR_TAIL_LINES:])
