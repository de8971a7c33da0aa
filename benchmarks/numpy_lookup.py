"""What the legacy NumPy view costs: ``np.X`` look-ups and ``np.array`` calls, view vs the real module.

    python -m benchmarks.numpy_lookup --variant legacy_view --workdir /tmp/bench

Each variant times a tight loop in which ``np`` is a module global, as in a script.
"""
import sys
import time

from benchmarks.variant_process import run_variant

_LOOP = """
def lookups(count):
    for _ in range(count):
        np.float32; np.zeros; np.add; np.pi


def array_calls(count, values):
    for _ in range(count):
        np.array(values)
"""
LOOKUPS_PER_ITERATION = 4


def _measure(module, quick):
    namespace = {"np": module}
    exec(compile(_LOOP, "<numpy_lookup>", "exec"), namespace)  # pylint: disable=exec-used
    count = 20_000 if quick else 2_000_000
    best_lookup = best_call = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        namespace["lookups"](count)
        best_lookup = min(best_lookup, (time.perf_counter() - started) / (count * LOOKUPS_PER_ITERATION))
        started = time.perf_counter()
        namespace["array_calls"](count // 10, [[1.0, 2.0], [3.0, 4.0]])
        best_call = min(best_call, (time.perf_counter() - started) / (count // 10))
    return {"ns_per_lookup": best_lookup * 1e9, "ns_per_array_call": best_call * 1e9}


def real(workdir, quick):
    import numpy

    return _measure(numpy, quick)


def legacy_view(workdir, quick):
    from tf1compat.views import numpy as legacy_numpy

    return _measure(legacy_numpy.view(), quick)


VARIANTS = {"real": real, "legacy_view": legacy_view}

if __name__ == "__main__":
    sys.exit(run_variant("python -m benchmarks.numpy_lookup", VARIANTS))
