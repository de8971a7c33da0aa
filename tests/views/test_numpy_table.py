"""legacy_numpy.table: every removed NumPy 1.x spelling resolves to its 1.x meaning, and NumPy 2 really lacks it."""
import importlib

import numpy
import pytest

from tf1compat.views import numpy as legacy_numpy
from tf1compat.views.numpy import table as numpy_table


@pytest.mark.parametrize("name", sorted(numpy_table.TABLE))
def test_each_entry_resolves_and_differs_from_numpy_2(name):
    entry = numpy_table.TABLE[name]
    module_name, _, attribute = entry.value.partition(":")
    value = getattr(importlib.import_module(module_name), attribute)
    assert value is not vars(numpy).get(name)  # gone, or (np.bool, np.long) a different object now
    assert entry.removed_in in ("1.18", "1.23", "1.24", "2.0", "2.4")
    assert entry.replacement


def test_behaviours_are_the_ones_the_view_records():
    from tf1compat.views.numpy import array_methods, namespace

    methods = {f"ndarray.{name}" for name in array_methods.REMOVED}
    assert set(numpy_table.BEHAVIOURS) == {legacy_numpy.RAGGED, legacy_numpy.NEWSHAPE, legacy_numpy.SIZE1,
                                           namespace.FROMSTRING, namespace.NORMED} | methods
    assert set(numpy_table.SCAN_METHODS) == methods
    assert not any(hasattr(numpy.ndarray, name) for name in array_methods.REMOVED)  # NumPy 2.3+ really lacks them
