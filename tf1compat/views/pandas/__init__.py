"""The pandas a legacy script sees: pandas 0.23's ``.ix``, ``as_matrix``, ``append``, ``iteritems``, ``pd.datetime``,
``pd.np``, the ``read_csv``/``to_csv``/``fillna`` keywords since removed and the defaults since changed
(reductions over text columns, ``str.replace`` patterns), on today's pandas.

Parts: ``table`` (the data), ``frame_methods``, ``ix_indexer``, ``old_keywords``, ``old_defaults`` and
``numpy_alias`` (the old behaviours). The methods
are added to pandas' own ``DataFrame`` and ``Series`` classes when the view is first used; only
code in the legacy scope sees them (``tf1compat.views.legacy_package.ScopedAttribute``).
"""

from tf1compat.views.legacy_package import LegacyPackage
from tf1compat.views.pandas.table import TABLE

PACKAGE = LegacyPackage("pandas", "pandas", TABLE)
legacy_import = PACKAGE.legacy_import
report_lines = PACKAGE.report_lines
uninstall = PACKAGE.uninstall_attributes

__all__ = ["TABLE", "PACKAGE", "legacy_import", "report_lines", "uninstall"]
