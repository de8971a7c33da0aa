"""Check that a TF2 rewrite computes what its TF1 original computed, with explicit tolerances.

Parts: ``legacy_process`` (run TF1 code in its own process), ``transfer`` (TF1 variable
values into TF2 variables by name), ``report`` (comparisons with tolerances). See
``report`` for a worked use.
"""
from migration.equivalence.legacy_process import DEFAULT_TIMEOUT, LegacyRunError, run_legacy, run_legacy_many
from migration.equivalence.report import DEFAULT_ATOL, DEFAULT_RTOL, Comparison, Report, first_difference
from migration.equivalence.transfer import VariableMismatchError, assign_variables, export_variables

__all__ = [
    "Comparison", "Report", "DEFAULT_RTOL", "DEFAULT_ATOL", "first_difference",
    "run_legacy", "run_legacy_many", "LegacyRunError", "DEFAULT_TIMEOUT",
    "export_variables", "assign_variables", "VariableMismatchError",
]
