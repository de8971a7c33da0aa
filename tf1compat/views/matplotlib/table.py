"""The matplotlib 2.x knowledge: each name matplotlib removed that TF1-era code uses, what it did, its replacement.

Keys are dotted paths under ``matplotlib`` for module names, ``Class.method`` for what the view adds to
matplotlib's own ``Axes`` (inside the legacy scope only), ``Class.method(keyword=)`` for keywords. Data only.
"""
from tf1compat.views.legacy_name import KEYWORD, METHOD, LegacyName

_OLD = "tf1compat.views.matplotlib.old_api"
_AXES = ("matplotlib.axes:Axes",)

TABLE = {
    "pyplot.hold": LegacyName(f"{_OLD}:hold", "hold(True): plots add to the axes (the only mode now)",
                              "nothing (or plt.cla() where hold was off)", "3.0"),
    "pyplot.ishold": LegacyName(f"{_OLD}:ishold", "whether plots add to the axes", "True", "3.0"),
    "Axes.hold": LegacyName(f"{_OLD}:axes_hold", "ax.hold(True): plots add to the axes", "nothing", "3.0",
                            METHOD, _AXES),
    "Axes.set_axis_bgcolor": LegacyName(f"{_OLD}:set_axis_bgcolor", "set the axes background colour",
                                        "ax.set_facecolor(color)", "2.2", METHOD, _AXES),
    "Axes.get_axis_bgcolor": LegacyName(f"{_OLD}:get_axis_bgcolor", "the axes background colour",
                                        "ax.get_facecolor()", "2.2", METHOD, _AXES),
    "cm.get_cmap": LegacyName(f"{_OLD}:get_cmap", "a registered colormap by name, resampled to lut entries",
                              "matplotlib.colormaps[name] (.resampled(lut))", "3.9"),
    "Axes.hist(normed=)": LegacyName(f"{_OLD}:hist_with_normed", "hist(normed=True): a density histogram",
                                     "hist(density=True)", "3.1", KEYWORD, _AXES),
}
