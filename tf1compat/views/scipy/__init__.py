"""The SciPy a legacy script sees: SciPy <= 1.1's image functions, misc re-exports and old module paths.

Parts: ``table`` (the data), ``images`` (``imread``/``imsave``/``imresize``/``imshow``/... as old SciPy
did them, on Pillow), ``integration`` (``simps``, ``cumtrapz``), ``sample_data`` (``face``, ``ascent``,
``electrocardiogram`` from ``scipy.datasets``), ``finite_differences`` (``misc.derivative``),
``sparse_matrices`` (``m.A``, ``m.H``). The views come from the legacy-stack engine
(``tf1compat.views.legacy_package``).
"""

from tf1compat.views.legacy_package import LegacyPackage
from tf1compat.views.scipy.table import TABLE

PACKAGE = LegacyPackage("scipy", "SciPy", TABLE)
legacy_import = PACKAGE.legacy_import
report_lines = PACKAGE.report_lines
uninstall = PACKAGE.uninstall_attributes

__all__ = ["TABLE", "PACKAGE", "legacy_import", "report_lines", "uninstall"]
