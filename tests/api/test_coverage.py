"""The tf.contrib coverage page: every TF 1.15 contrib module has an api_table entry, and the page is current."""
import os

from tf1compat.api import table as api_table
from tf1compat.api import coverage_page as coverage
from tests import paths

ROOT = paths.ROOT


def test_every_tf115_contrib_module_has_an_entry():
    assert coverage.uncovered_modules() == []
    assert len(api_table.CONTRIB_MODULES) == len(set(api_table.CONTRIB_MODULES)) >= 75


def test_coverage_page_is_current():
    page = os.path.join(ROOT, "docs", "contrib_coverage.md")
    with open(page, encoding="utf-8") as handle:
        assert handle.read() == coverage.render(), "docs/contrib_coverage.md is stale: python -m tf1compat.api.coverage_page"
    assert coverage.main(["--check", "--output", page]) == 0


def test_coverage_statuses():
    assert coverage.module_status("keras")[:2] == ("aliased", "the module `tf.compat.v1.keras`")
    assert coverage.module_status("lookup")[0] == "provided"
    status, detail, _ = coverage.module_status("learn")
    assert status == "partly provided" and "`datasets.base`" in detail and "`preprocessing`" in detail
    assert coverage.module_status("bayesflow")[0] == "removed"


def test_coverage_check_flags_a_stale_page(tmp_path, capsys):
    stale = tmp_path / "contrib_coverage.md"
    stale.write_text("old\n")
    assert coverage.main(["--check", "--output", str(stale)]) == 1
    assert "is stale; regenerate it: python -m tf1compat.api.coverage_page" in capsys.readouterr().err
