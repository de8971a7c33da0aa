"""The matplotlib a legacy script sees: matplotlib 2.x's ``plt.hold``, ``ax.set_axis_bgcolor``, ``cm.get_cmap``,
``fig.canvas.tostring_rgb()``, ``gca(projection=)``, the ``'seaborn'`` styles, ``mlab.normpdf`` and the keywords
``hist(normed=)``, ``use(warn=)`` and ``axisbg=`` on today's matplotlib.

Parts: ``table`` (the data), ``old_api`` (the old functions and keywords), ``current_axes`` (``gca`` with
keywords), ``style_names`` (the renamed style sheets), ``mlab_densities`` (the Gaussian densities). Classes get
the old methods when the view is first used; wrapped functions (``Axes.hist``, ``gca``, ``style.use``,
``matplotlib.use``, the Axes constructor) serve the old keyword to legacy-scope callers only: a call without it,
or from outside the scope, goes to the real function unchanged. The pyplot view is live for ``show`` (every
look-up asks the real pyplot), so the runner's headless ``plt.show`` patch reaches the script.
"""

from tf1compat.views.legacy_package import LegacyPackage
from tf1compat.views.matplotlib.table import TABLE

# matplotlib reads every set_/get_ name of dir(artist) (setp, ArtistInspector): its added methods are plain ones.
PACKAGE = LegacyPackage("matplotlib", "matplotlib", TABLE, live={"matplotlib.pyplot": ("show",)}, scoped_attributes=False)
legacy_import = PACKAGE.legacy_import
report_lines = PACKAGE.report_lines
uninstall = PACKAGE.uninstall_attributes

__all__ = ["TABLE", "PACKAGE", "legacy_import", "report_lines", "uninstall"]
