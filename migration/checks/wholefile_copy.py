"""Equivalence check of the wholefile_copy pair: the same output files, byte for byte, in the same order."""
import os
import tempfile

import numpy as np

from migration import equivalence, pairs
from migration import wholefile_copy as migrated

INPUT_COUNT = 4
EPOCHS = 3
SHUFFLE_SEED = 7


def make_inputs(folder, count=INPUT_COUNT):
    """``count`` small files with distinct, seeded bytes (the copy never looks inside them)."""
    rng = np.random.default_rng(0)
    paths = []
    for index in range(count):
        path = os.path.join(folder, f"image_{index}.jpg")
        with open(path, "wb") as handle:
            handle.write(b"\xff\xd8" + rng.bytes(int(rng.integers(200, 2000))))
        paths.append(path)
    return paths


def read_outputs(out_dir, count):
    """The bytes of out_dir/test_0.jpg ... test_{count-1}.jpg, in index order."""
    contents = []
    for index in range(count):
        with open(os.path.join(out_dir, f"test_{index}.jpg"), "rb") as handle:
            contents.append(handle.read())
    return contents


def files_per_epoch(names, files):
    """The names read in each epoch, sorted: every file exactly once means ``sorted(files)`` each time."""
    size = len(files)
    return [sorted(names[start:start + size]) for start in range(0, len(names), size)]


def _copy_both_ways(folder, files, runs):
    """Run each (label, kwargs) copy on the legacy side (one process) and the migrated side."""
    out_dirs = {(side, label): os.path.join(folder, f"{side}_{label}") for side in ("legacy", "migrated")
                for label, _ in runs}
    calls = [("copy_files", (files, out_dirs["legacy", label]), dict(kwargs, num_epochs=EPOCHS))
             for label, kwargs in runs]
    legacy_names = equivalence.run_legacy_many(pairs.PAIRS["wholefile_copy"].legacy_path, calls, cwd=folder)
    results = {}
    for (label, kwargs), names in zip(runs, legacy_names):
        results["legacy", label] = names
        results["migrated", label] = migrated.copy_files(files, out_dirs["migrated", label],
                                                         num_epochs=EPOCHS, **kwargs)
    outputs = {key: read_outputs(out_dirs[key], len(names)) for key, names in results.items()}
    return results, outputs


def check(steps=10):
    """Compare both sides on the same inputs, shuffle off and on (``steps`` is unused: nothing trains)."""
    del steps
    report = equivalence.Report()
    with tempfile.TemporaryDirectory(prefix="wholefile_copy_check_") as folder:
        files = make_inputs(folder)
        contents = {}
        for path in files:
            with open(path, "rb") as handle:
                contents[path] = handle.read()
        runs = [("ordered", {}), ("shuffled", {"shuffle": True, "seed": SHUFFLE_SEED})]
        names, outputs = _copy_both_ways(folder, files, runs)
    report.compare_exact("input names read, in order (shuffle off)", names["legacy", "ordered"],
                         names["migrated", "ordered"])
    report.compare_exact("output bytes, in order (shuffle off)", outputs["legacy", "ordered"],
                         outputs["migrated", "ordered"])
    report.compare_exact("outputs are the inputs x epochs (shuffle off)", files * EPOCHS, names["migrated", "ordered"])
    report.compare_exact("files per epoch (shuffle on)", files_per_epoch(names["legacy", "shuffled"], files),
                         files_per_epoch(names["migrated", "shuffled"], files))
    report.compare_exact("every file once per epoch (shuffle on)", [sorted(files)] * EPOCHS,
                         files_per_epoch(names["migrated", "shuffled"], files))
    for side in ("legacy", "migrated"):
        report.compare_exact(f"{side} output bytes = the input named (shuffle on)",
                             [contents[name] for name in names[side, "shuffled"]], outputs[side, "shuffled"])
    return report
