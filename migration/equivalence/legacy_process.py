"""Run functions of a TF1 file in a fresh Python process (TF1 graph mode is process-global).

The parent pickles the calls to a file, starts ``python -m migration.equivalence.legacy_process
--child CALLS RESULTS``; the child imports the file with
``tf1compat.load_legacy_module`` and pickles the results back. Nothing here imports
TensorFlow in the parent.
"""
import os
import pickle
import subprocess
import sys
import tempfile
import traceback

DEFAULT_TIMEOUT = 600.0
STDERR_TAIL_LINES = 40


class LegacyRunError(RuntimeError):
    """The legacy child process failed, timed out, or returned something unpicklable."""

    def __init__(self, message, returncode=None, stderr="", stdout=""):
        super().__init__(message)
        self.returncode = returncode
        self.stderr = stderr
        self.stdout = stdout


def run_legacy(path, function, *args, **kwargs):
    """Call ``function(*args, **kwargs)`` of the TF1 file ``path`` in a fresh process; return its result.

    The result must be picklable plain data (numpy arrays, numbers, bytes, lists,
    dicts). For several calls, use ``run_legacy_many`` so they share one process.

    Raises:
        LegacyRunError: the child failed or timed out (its stderr tail is in the message).
    """
    return run_legacy_many(path, [(function, args, kwargs)])[0]


def run_legacy_many(path, calls, timeout=DEFAULT_TIMEOUT, cwd=None, env=None):
    """Run several calls in ONE fresh legacy process; return their results in order.

    Args:
        path: the TF1 ``.py`` file, imported with ``tf1compat.load_legacy_module``.
        calls: items ``"function"``, ``(function,)``, ``(function, args)`` or
            ``(function, args, kwargs)``; the functions run in order in the same process
            (so they share its graph and any module state).
        timeout: seconds before the child is killed.
        cwd: the child's working directory (default: the parent's).
        env: extra environment variables for the child (the parent's are inherited;
            ``TF_CPP_MIN_LOG_LEVEL`` defaults to 3).

    Raises:
        FileNotFoundError: ``path`` does not exist.
        LegacyRunError: the child failed, timed out, or its results could not be read.
    """
    path = os.path.abspath(path)
    if not os.path.isfile(path):
        raise FileNotFoundError(f"`{path}`: no such file; give the path of a TF1 Python file")
    calls = [_normalise_call(call) for call in calls]
    with tempfile.TemporaryDirectory(prefix="legacy_run_") as folder:
        calls_file = os.path.join(folder, "calls.pkl")
        results_file = os.path.join(folder, "results.pkl")
        with open(calls_file, "wb") as handle:
            pickle.dump({"path": path, "calls": calls}, handle)
        command = [sys.executable, "-m", "migration.equivalence.legacy_process", "--child", calls_file, results_file]
        completed = _run_child(command, path, timeout, cwd, _child_env(env))
        if completed.returncode != 0 or not os.path.exists(results_file):
            raise LegacyRunError(
                f"`{os.path.basename(path)}`: the legacy process exited with code {completed.returncode} "
                f"while running {', '.join(call[0] for call in calls)}; its stderr ends with:\n"
                + _tail(completed.stderr),
                completed.returncode, completed.stderr, completed.stdout)
        with open(results_file, "rb") as handle:
            return pickle.load(handle)


def _normalise_call(call):
    if isinstance(call, str):
        return (call, (), {})
    function, args, kwargs = (tuple(call) + ((), {}))[:3]
    if not isinstance(function, str):
        raise TypeError(f"`{function!r}`: give the legacy function by its name (a str), not an object")
    return (function, tuple(args), dict(kwargs))


def _child_env(extra):
    env = dict(os.environ)
    if "TF_CPP_MIN_LOG_LEVEL" not in env:
        # As tf1compat.cli.quiet does: level 3, marked as ours so tf1compat still filters the rest.
        env.update(TF_CPP_MIN_LOG_LEVEL="3", TF1COMPAT_SET_LOG_LEVEL="1")
    env.setdefault("PYTHONHASHSEED", "0")
    # The child must find this package even when the parent runs from elsewhere.
    package_parent = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # above migration/
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_parent, env.get("PYTHONPATH")]))
    env.update(extra or {})
    return env


def _run_child(command, path, timeout, cwd, env):
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=cwd, env=env)
    except subprocess.TimeoutExpired as expired:
        stderr = _text(expired.stderr)
        raise LegacyRunError(
            f"`{os.path.basename(path)}`: the legacy process did not finish within {timeout:g} s; "
            "give it fewer steps or a larger timeout; its stderr ends with:\n" + _tail(stderr),
            None, stderr, _text(expired.stdout)) from None


def _text(output):
    if isinstance(output, bytes):
        return output.decode("utf-8", "replace")
    return output or ""


def _tail(text, lines=STDERR_TAIL_LINES):
    kept = text.rstrip().splitlines()[-lines:]
    return "\n".join(kept) if kept else "(no output on stderr)"


def _child_main(calls_file, results_file):
    """In the child: import the legacy file, run the calls, pickle the results."""
    import tf1compat  # only here: the parent must stay free of the legacy scope

    with open(calls_file, "rb") as handle:
        spec = pickle.load(handle)
    module = tf1compat.load_legacy_module(spec["path"])
    results = []
    for function, args, kwargs in spec["calls"]:
        if not callable(getattr(module, function, None)):
            raise AttributeError(f"`{function}`: {spec['path']} has no such function; "
                                 "give the name of a top-level function of the legacy file")
        results.append(getattr(module, function)(*args, **kwargs))
    partial = results_file + ".partial"
    with open(partial, "wb") as handle:
        pickle.dump(results, handle)
    os.replace(partial, results_file)  # the parent sees all results or none


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "--child":
        print("ERROR internal entry; usage: python -m migration.equivalence.legacy_process --child CALLS RESULTS",
              file=sys.stderr)
        sys.exit(2)
    try:
        _child_main(sys.argv[2], sys.argv[3])
    except BaseException:  # the legacy code's error: its traceback on stderr for the parent's message
        traceback.print_exc()
        sys.stderr.flush()
        sys.exit(1)
