"""The matplotlib a legacy script sees: matplotlib 2.x's ``plt.hold``, ``ax.set_axis_bgcolor``, ``cm.get_cmap`` and
``hist(normed=)`` on today's matplotlib.

Parts: ``table`` (the data), ``old_api`` (the old functions). ``Axes`` gets the old methods when the
view is first used (only the legacy scope sees them) and its ``hist`` is wrapped: a call without
``normed=``, or from outside the scope, goes to the real ``hist`` unchanged. The pyplot view is live
(every look-up asks the real pyplot), so the runner's headless ``plt.show`` patch reaches the script.
"""

from tf1compat.views.legacy_package import LegacyPackage
from tf1compat.views.matplotlib.table import TABLE

# matplotlib reads every set_/get_ name of dir(artist) (setp, ArtistInspector): its added methods are plain ones.
PACKAGE = LegacyPackage("matplotlib", "matplotlib", TABLE, live={"matplotlib.pyplot": ("show",)}, scoped_attributes=False)
legacy_import = PACKAGE.legacy_import
report_lines = PACKAGE.report_lines
uninstall = PACKAGE.uninstall_attributes

__all__ = ["TABLE", "PACKAGE", "legacy_import", "report_lines", "uninstall"]
