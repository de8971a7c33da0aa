"""Suite wiring: a test that uses a fixture which runs TF1 programs, trainings or sweeps in subprocesses is `slow`.

Modules made of such tests say ``pytestmark = pytest.mark.slow`` themselves; this covers the mixed modules, where
fast unit tests sit beside tests that share one expensive module-scoped run.
"""
import pytest

SLOW_FIXTURES = frozenset({
    "quick_report",  # benchmarks: one --quick run of every suite
    "trained",  # session/test_bfloat16: a training run under --bf16
    "iterations_run", "iterations_out", "epochs_out", "legacy_run",  # batch_size_study sweeps
    "legacy_runs",  # pairs/test_pipelines: the TF1 pipeline programs
    "short_run",  # pairs/test_cnn_mnist: both sides' command lines
})


def pytest_collection_modifyitems(items):
    for item in items:
        if SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
