"""The h5py a legacy script sees: h5py 2.x's ``dataset.value`` and ``h5py.File(path)`` opening for writing.

Parts: ``table`` (the data), ``old_api`` (the old behaviours). ``Dataset.value`` is added to h5py's own
class when the view is first used (only code in the legacy scope sees it); ``File.__init__`` is wrapped,
and a call that names no mode from the legacy scope gets h5py 2.x's default.
"""

from tf1compat.views.legacy_package import LegacyPackage
from tf1compat.views.h5py.table import TABLE

PACKAGE = LegacyPackage("h5py", "h5py", TABLE)
legacy_import = PACKAGE.legacy_import
report_lines = PACKAGE.report_lines
uninstall = PACKAGE.uninstall_attributes

__all__ = ["TABLE", "PACKAGE", "legacy_import", "report_lines", "uninstall"]
