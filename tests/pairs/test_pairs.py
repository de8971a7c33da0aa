"""The registry-driven tests of the worked pairs: every pair exists, is registered, and passes its check."""
import importlib.util
import os
import sys

import pytest

from migration import pairs
from migration.equivalence import Report

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

PAIR_NAMES = sorted(pairs.PAIRS)


def test_every_legacy_example_has_a_twin_a_registry_entry_and_a_check():
    problems = []
    for name in pairs.legacy_example_names():
        if name not in pairs.PAIRS:
            problems.append(f"legacy_examples/{name}.py has no entry in migration/pairs.py PAIRS")
        if not os.path.isfile(os.path.join(pairs.MIGRATION_DIR, name + ".py")):
            problems.append(f"legacy_examples/{name}.py has no TF2 twin migration/{name}.py")
        if not os.path.isfile(os.path.join(pairs.MIGRATION_DIR, "checks", name + ".py")):
            problems.append(f"legacy_examples/{name}.py has no equivalence check migration/checks/{name}.py")
    assert problems == []
    assert pairs.legacy_example_names(), "legacy_examples/ holds no example at all"


@pytest.mark.parametrize("name", PAIR_NAMES)
def test_registered_pair_has_its_three_files(name):
    pair = pairs.PAIRS[name]
    missing = [path for path in (pair.legacy_path, pair.migration_path,
                                 os.path.join(pairs.MIGRATION_DIR, "checks", name + ".py"))
               if not os.path.isfile(path)]
    assert missing == []


@pytest.mark.parametrize("name", PAIR_NAMES)
def test_registry_entry_is_complete(name):
    pair = pairs.PAIRS[name]
    assert pair.name == name and name.isidentifier() and name == name.lower()
    assert pair.description and "\n" not in pair.description
    assert len(pair.compares) >= 1 and all(isinstance(item, str) and item for item in pair.compares)
    assert 0 < pair.rtol <= 1e-6 and 0 < pair.atol <= 1e-5  # the agreed float tolerances, or tighter
    assert pair.randomness
    assert len(pair.idioms) >= 3
    assert all(len(idiom) == 2 and all(isinstance(side, str) and side for side in idiom) for idiom in pair.idioms)


def test_no_example_name_collides_with_a_tool_or_an_importable_module():
    collisions = sorted(set(pairs.PAIRS) & set(pairs.tool_packages()))
    assert collisions == []
    shadowing = sorted(name for name in pairs.PAIRS
                       if name in sys.stdlib_module_names or _top_level_module_elsewhere(name))
    assert shadowing == []


def test_every_top_level_module_in_migration_is_a_registered_example_with_a_twin():
    examples = pairs.example_modules()
    assert sorted(pairs.PAIRS) == examples, "a top-level module of migration/ is an example: register it, or make " \
                                             "the tool a package"
    assert sorted(pairs.legacy_example_names()) == examples


@pytest.fixture()
def fresh_keras_state():
    """Each check starts from the same Keras state (layer name counters, e.g. `dense` not `dense_3`)."""
    import tensorflow as tf

    tf.keras.backend.clear_session()
    yield
    tf.keras.backend.clear_session()


@pytest.mark.parametrize("name", PAIR_NAMES)
def test_pair_passes_its_equivalence_check(name, fresh_keras_state):
    report = pairs.PAIRS[name].load_check()(steps=10)
    assert isinstance(report, Report)
    assert len(report.comparisons) >= 1, f"{name}: the check compared nothing"
    assert report.ok, str(report)


def _top_level_module_elsewhere(name):
    """A module of this name installed outside migration/ (``python -m migration.NAME`` is fine, but
    ``import NAME`` in a pair's tests or notebooks would silently pick the other one)."""
    spec = importlib.util.find_spec(name)
    # The pair's own files (a legacy file loaded by name in this process) do not count.
    return spec is not None and not (spec.origin or "").startswith((pairs.MIGRATION_DIR, pairs.LEGACY_DIR))
