"""The parent side: every variant in its own process, alternating over rounds, results collected per round."""
import json
import os
import subprocess
import sys
import time

from benchmarks.variant_process import CHILD_ENVIRONMENT, RESULT_KEY

PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHILD_TIMEOUT_SECONDS = 600


class BenchmarkError(RuntimeError):
    """A child process failed or printed no result; ``details`` holds the end of its stderr."""

    def __init__(self, message, details=""):
        super().__init__(message)
        self.details = details


def child_environment():
    """The parent's environment, quieted and offline; TF2 children get Keras 3 as ``migration/`` is written for."""
    environment = dict(os.environ, **CHILD_ENVIRONMENT)
    environment.pop("TF_USE_LEGACY_KERAS", None)  # the legacy scope sets it itself in TF1 children
    return environment


def plan_round(variants, round_index, group_by_mode=False):
    """The processes of one round: each suite's variants back to back, reversed every other round.

    Compared variants then run minutes apart at most, and the A B / B A alternation
    cancels a load that drifts over a round. With ``group_by_mode`` (``--quick``)
    variants of one TF mode share a process, to save TensorFlow imports; otherwise
    each variant gets a fresh process.
    """
    suites = list(dict.fromkeys(variant.suite for variant in variants))
    blocks = [[variant for variant in variants if variant.suite == suite] for suite in suites]
    order = [variant for block in blocks for variant in (block[::-1] if round_index % 2 else block)]
    if not group_by_mode:
        return [[variant] for variant in order]
    modes = list(dict.fromkeys(variant.mode for variant in order))
    return [[variant for variant in order if variant.mode == mode] for mode in modes]


def run_process(qualified_names, workdir, quick, sync_first=False):
    """Run ``benchmarks.variant_process`` on the names; return ``{name: result}``.

    A lone variant's result also gets ``process_seconds``, the child's whole wall time.
    """
    command = [sys.executable, "-m", "benchmarks.variant_process", "--workdir", workdir]
    command += ["--quick"] * quick + [argument for name in qualified_names for argument in ("--variant", name)]
    if sync_first:
        os.sync()  # flush the previous variant's writes so they do not slow this one
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, env=child_environment(), cwd=PROJECT_ROOT,
                               timeout=CHILD_TIMEOUT_SECONDS)
    seconds = time.perf_counter() - started
    results = dict(_parse(line) for line in completed.stdout.splitlines() if line.startswith('{"' + RESULT_KEY))
    missing = [name for name in qualified_names if name not in results]
    if completed.returncode != 0 or missing:
        last_line = next((line for line in reversed(completed.stderr.splitlines()) if line.strip()), "no output")
        raise BenchmarkError(f"`{', '.join(missing or qualified_names)}`: the benchmark process failed (exit "
                             f"{completed.returncode}): {last_line.strip()}; rerun with --verbose for its stderr",
                             details=completed.stderr[-3000:])
    if len(qualified_names) == 1:
        results[qualified_names[0]]["process_seconds"] = seconds
    return results


def _parse(line):
    record = json.loads(line)
    return record[RESULT_KEY], record["result"]


def run_rounds(variants, rounds, workdir, quick, progress=None):
    """``{qualified name: [result of round 1, ...]}`` for every variant, alternating variants over rounds."""
    results = {variant.qualified: [] for variant in variants}
    for round_index in range(rounds):
        for group in plan_round(list(variants), round_index, group_by_mode=quick):
            names = [variant.qualified for variant in group]
            syncs = any(variant.suite == "file_copy" for variant in group)
            started = time.perf_counter()
            for name, result in run_process(names, workdir, quick, sync_first=syncs).items():
                results[name].append(result)
            if progress:
                progress(f"round {round_index + 1}/{rounds}: {', '.join(names)} "
                         f"({time.perf_counter() - started:.1f} s, load {os.getloadavg()[0]:.1f})")
    return results


def ratio_per_round(numerators, denominators, metric):
    """``numerator[r][metric] / denominator[r][metric]`` for each round both have."""
    return [top[metric] / bottom[metric] for top, bottom in zip(numerators, denominators)]
