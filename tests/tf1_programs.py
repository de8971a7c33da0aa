"""Run TF1 programs under ``python -m tf1compat`` in parallel subprocesses and parse their ``RESULT {json}`` line."""
import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
Finished = collections.namedtuple("Finished", "result stdout stderr")


def parse_result(stdout):
    """The JSON of the one ``RESULT {json}`` line of ``stdout`` (or, when there is none, of its last line)."""
    lines = [line for line in stdout.splitlines() if line.startswith("RESULT ")]
    if not lines:
        return json.loads(stdout.strip().splitlines()[-1])
    assert len(lines) == 1, stdout
    return json.loads(lines[0][len("RESULT "):])


def run_tf1_programs(commands, timeout=300):
    """``{name: [script, *args]}`` (paths from the repository root), all at once -> ``{name: Finished}``.

    TF1 graph mode is process-global, so each program gets its own process; a failing one fails the test
    with the end of its stderr.
    """
    processes = {name: subprocess.Popen([sys.executable, "-m", "tf1compat", *command], cwd=ROOT,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for name, command in commands.items()}
    finished = {}
    for name, process in processes.items():
        stdout, stderr = process.communicate(timeout=timeout)
        assert process.returncode == 0, f"{commands[name][0]} failed:\n{stderr[-3000:]}"
        finished[name] = Finished(parse_result(stdout), stdout, stderr)
    return finished


def tf1_result(script, *args, timeout=300):
    """The parsed ``RESULT`` of one TF1 program run under tf1compat."""
    return run_tf1_programs({"program": [script, *args]}, timeout)["program"].result
