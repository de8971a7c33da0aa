"""Equivalence check of the api_tour pair: every deterministic op's value; random ops by their statistics.

TF1 op-level seeds and TF2's stateless RNG draw different numbers from the same
seed, so random outputs are compared by what must hold on both sides: shape,
moments within sampling error, truncation at 2 stddev, the kept fraction of
dropout, kept units scaled by exactly 1/keep_prob, and noise_shape's pattern.
"""
import numpy as np

from migration import api_tour as migrated
from migration import equivalence, pairs

RANDOM_PREFIX = "random/"
# Tolerances of sample statistics: about 4 standard deviations of the difference
# between two independent samples of the sizes the tour draws.
MEAN_ATOL = 0.05  # 10000 truncated normals, std 0.88
STD_ATOL = 0.03
KEPT_FRACTION_ATOL = 0.03  # 10000 Bernoulli(0.6) units
KEPT_ROWS_ATOL = 0.09  # 1000 Bernoulli(0.5) rows


def dropout_statistics(values):
    """Kept fraction, the distinct values of kept units, and whether each row is all kept or all dropped."""
    kept = values != 0
    return {
        "kept fraction": float(kept.mean()),
        "kept values": np.unique(values[kept]),
        "rows all kept or all dropped": bool(np.all(kept.all(axis=1) | ~kept.any(axis=1))),
    }


def compare_random(report, legacy, migrated_results):
    """The statistics of the random outputs, each side against the other (and against theory)."""
    sides = {"legacy": legacy, "migrated": migrated_results}
    normal = {side: results[RANDOM_PREFIX + "truncated_normal"] for side, results in sides.items()}
    report.compare_exact("truncated_normal shape", normal["legacy"].shape, normal["migrated"].shape)
    report.compare("truncated_normal mean", normal["legacy"].mean(), normal["migrated"].mean(), rtol=0, atol=MEAN_ATOL)
    report.compare("truncated_normal std", normal["legacy"].std(), normal["migrated"].std(), rtol=0, atol=STD_ATOL)
    report.compare_exact("truncated_normal all within 2 stddev (legacy, migrated)", (True, True),
                         tuple(bool(np.all(np.abs(normal[side]) <= 2)) for side in sides))
    for name, keep_prob, fraction_atol, whole_rows in (
            ("dropout", migrated.KEEP_PROB, KEPT_FRACTION_ATOL, False),
            ("dropout_noise_shape", migrated.ROW_KEEP_PROB, KEPT_ROWS_ATOL, True)):
        stats = {side: dropout_statistics(results[RANDOM_PREFIX + name]) for side, results in sides.items()}
        report.compare(f"{name} kept fraction", stats["legacy"]["kept fraction"], stats["migrated"]["kept fraction"],
                       rtol=0, atol=fraction_atol)
        report.compare(f"{name} kept unit values", stats["legacy"]["kept values"],
                       stats["migrated"]["kept values"])
        report.compare(f"{name} legacy scale is 1/keep_prob", [1 / keep_prob], stats["legacy"]["kept values"])
        # noise_shape [rows, 1] keeps or drops whole rows; without it units drop one by one.
        report.compare_exact(f"{name} whole rows kept or dropped (expected {whole_rows}; legacy, migrated)",
                             (whole_rows, whole_rows), (stats["legacy"]["rows all kept or all dropped"],
                                                        stats["migrated"]["rows all kept or all dropped"]))


def check(steps=10, seed=migrated.SEED):
    """Run the tour on both sides (one legacy process) and compare (``steps`` is unused: nothing trains)."""
    del steps
    legacy = equivalence.run_legacy(pairs.PAIRS["api_tour"].legacy_path, "run_tour", seed)
    migrated_results = migrated.run_tour(seed)
    report = equivalence.Report()
    report.compare_each("op", {name: value for name, value in legacy.items() if not name.startswith(RANDOM_PREFIX)},
                        {name: value for name, value in migrated_results.items()
                         if not name.startswith(RANDOM_PREFIX)})
    compare_random(report, legacy, migrated_results)
    return report
