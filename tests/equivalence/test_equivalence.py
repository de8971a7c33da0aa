"""Tests of migration.equivalence's Report: tolerances, shapes, exact comparisons, the printed format."""
import numpy as np
import pytest

from migration import equivalence
from migration.equivalence import Report


def test_within_tolerance_is_ok_and_reports_the_max_differences():
    report = Report()
    comparison = report.compare("logits", np.array([1.0, 2.0, 0.0]), np.array([1.0, 2.000002, 0.000004]))
    assert comparison.ok
    assert comparison.max_abs == pytest.approx(4e-6, rel=1e-6)
    assert comparison.max_rel == np.inf  # 4e-6 against a legacy 0.0
    assert (comparison.rtol, comparison.atol) == (1e-6, 1e-5)
    assert report.ok and report.mismatches == 0 and len(report.comparisons) == 1


def test_tolerance_uses_the_legacy_value_as_reference():
    # |m - l| <= atol + rtol * |l|: 1e6 * 1e-6 + 0 allows a difference of 1.0 exactly.
    report = Report()
    assert report.compare("big", 1e6, 1e6 + 1.0, rtol=1e-6, atol=0.0).ok
    assert not report.compare("over", 1e6, 1e6 + 1.01, rtol=1e-6, atol=0.0).ok
    assert report.mismatches == 1


def test_mismatch_names_the_worst_element():
    report = Report()
    comparison = report.compare("losses", [0.5, 0.4, 0.3], [0.5, 0.4, 0.31])
    assert not comparison.ok
    assert comparison.max_abs == pytest.approx(0.01, rel=1e-9)
    assert "worst at [2]: 0.3 (legacy) vs 0.31 (migrated)" in comparison.detail


def test_shape_mismatch_is_a_mismatch_even_when_broadcastable():
    report = Report()
    comparison = report.compare("bias", np.zeros((1, 3)), np.zeros(3))
    assert not comparison.ok and comparison.max_abs is None
    assert comparison.line() == "  bias: shape (1, 3) (legacy) vs (3,) (migrated) MISMATCH"


def test_nan_never_matches():
    report = Report()
    assert not report.compare("nan", [1.0, np.nan], [1.0, np.nan]).ok
    assert np.isnan(report.comparisons[0].max_abs)


def test_complex_and_integer_values_compare_by_magnitude_of_the_difference():
    report = Report()
    assert report.compare("complex", [1 + 1j], [1 + 1.5j]).max_abs == pytest.approx(0.5)
    assert report.compare("ints", np.array([3, 4], np.int32), np.array([3, 4], np.int64)).ok
    assert not report.comparisons[0].ok


def test_compare_rejects_non_numbers():
    with pytest.raises(TypeError, match="compare_exact"):
        Report().compare("files", [b"a"], [b"a"])


def test_compare_accepts_objects_with_numpy():
    class FakeTensor:
        def numpy(self):
            return np.array([1.0, 2.0], np.float32)

    assert Report().compare("tensor", [1.0, 2.0], FakeTensor()).max_abs == 0.0


def test_exact_comparisons_find_the_first_difference():
    report = Report()
    assert report.compare_exact("same", [b"ab", b"cd"], (b"ab", b"cd")).ok
    byte = report.compare_exact("bytes", [b"abc", b"xyz"], [b"abc", b"xYz"])
    order = report.compare_exact("order", [1, 2, 3], [1, 3, 2])
    length = report.compare_exact("length", [1, 2], [1, 2, 3])
    array = report.compare_exact("array", np.arange(4), np.array([0, 1, 5, 3]))
    keys = report.compare_exact("keys", {"a": 1}, {"b": 1})
    assert byte.detail == "exact, differs at [1]: first byte 1 differs (lengths 3 legacy, 3 migrated)"
    assert order.detail == "exact, differs at [1]: 2 (legacy) vs 3 (migrated)"
    assert length.detail == "exact, differs at top: length 2 (legacy) vs 3 (migrated)"
    assert array.detail == "exact, differs at [2]: 2 (legacy) vs 5 (migrated), 1 element(s) differ"
    assert keys.detail == "exact, differs at top: keys only in legacy ['a'], only in migrated ['b']"
    assert report.mismatches == 5


def test_exact_does_not_equate_bytes_and_text():
    assert not Report().compare_exact("kind", b"abc", "abc").ok


def test_report_text_format():
    report = Report()
    report.compare("logits", np.array([1.0, 2.0]), np.array([1.0, 2.0 + 2e-7]))
    report.compare("loss", 1.0, 1.5)
    report.compare_exact("names", ["a", "b"], ["a", "b"])
    assert str(report).splitlines() == [
        "3 outputs compared, 1 mismatches",
        "  logits: max abs 2.0e-07 (atol 1e-05), max rel 1.0e-07 (rtol 1e-06) OK",
        "  loss: max abs 5.0e-01 (atol 1e-05), max rel 5.0e-01 (rtol 1e-06); "
        "worst at []: 1.0 (legacy) vs 1.5 (migrated) MISMATCH",
        "  names: exact, 2 item(s) equal OK",
    ]


def test_extend_prefixes_names_and_compare_each_checks_keys():
    inner = Report()
    inner.compare_each("vars", {"w": np.ones(2), "b": np.zeros(1)}, {"w": np.ones(2), "c": np.zeros(1)})
    outer = Report().extend(inner, prefix="stage1/")
    assert [c.name for c in outer.comparisons] == ["stage1/vars keys", "stage1/vars/w"]
    assert [c.ok for c in outer.comparisons] == [False, True]
    assert outer.mismatches == 1 and not outer.ok


def test_public_names_are_exported():
    for name in ("run_legacy", "run_legacy_many", "LegacyRunError", "export_variables",
                 "assign_variables", "VariableMismatchError", "Comparison", "Report"):
        assert hasattr(equivalence, name), name
