"""What the legacy views of the 2018 stack cost: look-ups and calls through each view vs the real module.

    python -m benchmarks.legacy_lookup --variant views --workdir /tmp/bench

For each package (SciPy, Pillow, scikit-learn, pandas, matplotlib) a tight loop, compiled as a file
of a legacy scope (``--workdir``), reads four real names of one module and calls one cheap real
function through it; ``views`` runs it on the legacy view, ``real`` on the real module. pandas
also times ``df.as_matrix()`` (a method the view adds to DataFrame, scope-checked on each access)
against the real ``df.to_numpy()``. Ratios view/real: ``legacy_<package>_lookup_vs_real``, ...
"""
import gc
import os
import sys
import time

from benchmarks.variant_process import run_variant

# package -> (view top, module path, four look-ups, one call, setup); `m` is the module in the loop.
CASES = {
    "scipy": ("scipy", "scipy.integrate", "m.quad; m.trapezoid; m.simpson; m.odeint", "m.trapezoid(values)",
              "values = [1.0, 2.0, 4.0]"),
    "pillow": ("PIL", "PIL.Image", "m.open; m.new; m.BILINEAR; m.Image", "m.new('L', (1, 1))", ""),
    "sklearn": ("sklearn", "sklearn.preprocessing", "m.StandardScaler; m.scale; m.normalize; m.LabelEncoder",
                "m.LabelEncoder()", ""),
    "pandas": ("pandas", "pandas", "m.DataFrame; m.Series; m.concat; m.isna", "m.isna(1.0)", ""),
    "matplotlib": ("matplotlib", "matplotlib.pyplot", "m.plot; m.figure; m.subplots; m.close", "m.get_fignums()",
                   ""),
}
LOOKUPS_PER_ITERATION = 4
_LOOP = """
{setup}


def lookups(count):
    for _ in range(count):
        {lookups}


def calls(count):
    for _ in range(count):
        {call}


def methods(count, frame, legacy):
    if legacy:
        for _ in range(count):
            frame.as_matrix()
    else:
        for _ in range(count):
            frame.to_numpy()
"""


def _best_seconds(function, count, *args):
    best = float("inf")
    gc.disable()  # as timeit does: a full collection over the loaded packages would land on one side at random
    try:
        for _ in range(3):
            started = time.perf_counter()
            function(count, *args)
            best = min(best, (time.perf_counter() - started) / count)
    finally:
        gc.enable()
    return best


def _loop(workdir, package, module):
    _, _, lookups, call, setup = CASES[package]
    namespace = {"m": module, "__file__": os.path.join(workdir, "legacy_loop.py")}
    source = _LOOP.format(setup=setup, lookups=lookups, call=call)
    exec(compile(source, namespace["__file__"], "exec"), namespace)  # pylint: disable=exec-used
    return namespace


def _measure(workdir, quick, module_for, legacy):
    import pandas

    count = 5_000 if quick else 500_000
    result = {}
    for package in CASES:
        loop = _loop(workdir, package, module_for(package))
        result[f"{package}_ns_per_lookup"] = _best_seconds(loop["lookups"], count) / LOOKUPS_PER_ITERATION * 1e9
        result[f"{package}_ns_per_call"] = _best_seconds(loop["calls"], count // 10) * 1e9
    frame = pandas.DataFrame({"a": [1.0, 2.0], "b": [3.0, 4.0]})
    result["pandas_ns_per_method"] = _best_seconds(loop["methods"], count // 10, frame, legacy) * 1e9
    result["ns_per_lookup"] = sum(result[f"{package}_ns_per_lookup"] for package in CASES) / len(CASES)
    return result


def real(workdir, quick):
    import importlib

    return _measure(workdir, quick, lambda package: importlib.import_module(CASES[package][1]), legacy=False)


def views(workdir, quick):
    from tf1compat.scope import import_hook
    from tf1compat.views import registry

    import_hook.activate(workdir)  # the loops' file is in this scope: the views' methods answer it
    try:
        def view_of(package):
            top, path = CASES[package][:2]
            view_package = registry.view_module(top).PACKAGE
            view_package.install_attributes()
            return view_package.view(path)

        return _measure(workdir, quick, view_of, legacy=True)
    finally:
        import_hook.deactivate()


VARIANTS = {"real": real, "views": views}

if __name__ == "__main__":
    sys.exit(run_variant("python -m benchmarks.legacy_lookup", VARIANTS))
