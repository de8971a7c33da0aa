"""The matplotlib 2.x knowledge: each name matplotlib removed that TF1-era code uses, what it did, its replacement.

Keys are dotted paths under ``matplotlib`` for module names, ``Class.method`` for what the view adds to
matplotlib's own classes, ``Class.method(keyword=)`` for keywords (``style.use('seaborn')``: an argument value,
served the same way: the function is wrapped). Data only.
"""
from tf1compat.views.legacy_name import KEYWORD, METHOD, LegacyName

_VIEW = "tf1compat.views.matplotlib"
_OLD = f"{_VIEW}.old_api"
_AXES = ("matplotlib.axes:Axes",)
_AGG = ("matplotlib.backends.backend_agg:FigureCanvasAgg", "matplotlib.backends.backend_agg:RendererAgg")

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
    "FigureCanvasAgg.tostring_rgb": LegacyName(
        f"{_OLD}:tostring_rgb", "the drawn figure as RGB bytes, width * height * 3, row by row",
        "np.asarray(canvas.buffer_rgba())[..., :3] (after canvas.draw())", "3.10", METHOD, _AGG),
    "pyplot.gca(projection=)": LegacyName(
        f"{_VIEW}.current_axes:pyplot_gca_with_kwargs", "the current axes if it matches the keywords, else a new "
        "subplot(111, **kwargs)", "plt.subplot(projection='3d') (or plt.axes(projection=...))", "3.6", KEYWORD,
        ("matplotlib.pyplot",)),
    "Figure.gca(projection=)": LegacyName(
        f"{_VIEW}.current_axes:figure_gca_with_kwargs", "the current axes if it matches the keywords, else a new "
        "add_subplot(111, **kwargs)", "fig.add_subplot(projection='3d')", "3.6", KEYWORD,
        ("matplotlib.figure:FigureBase",)),
    "style.use('seaborn')": LegacyName(
        f"{_VIEW}.style_names:use_with_seaborn_names", "the 'seaborn' and 'seaborn-<name>' style sheets",
        "plt.style.use('seaborn-v0_8-<name>')", "3.8", KEYWORD, ("matplotlib.style",)),
    "mlab.normpdf": LegacyName(f"{_VIEW}.mlab_densities:normpdf", "the normal density at x for (mu, sigma)",
                               "scipy.stats.norm.pdf(x, mu, sigma)", "3.1"),
    "mlab.bivariate_normal": LegacyName(
        f"{_VIEW}.mlab_densities:bivariate_normal", "the bivariate normal density (sigmaxy: the covariance)",
        "scipy.stats.multivariate_normal([mux, muy], [[sx**2, sxy], [sxy, sy**2]]).pdf(np.dstack([X, Y]))", "3.1"),
    "matplotlib.use(warn=)": LegacyName(f"{_OLD}:use_with_warn", "use(backend, warn=False): no warning when pyplot "
                                        "was imported first", "matplotlib.use(backend)", "3.3", KEYWORD,
                                        ("matplotlib",)),
    "Axes.__init__(axisbg=)": LegacyName(
        f"{_OLD}:axes_init_with_axisbg", "subplot/add_subplot/axes/add_axes(..., axisbg=c): the axes background",
        "facecolor=c", "2.2", KEYWORD, ("matplotlib.axes._base:_AxesBase",)),
}

# Keywords migration.scan finds where scripts spell them (the table's axisbg entry is the constructor they reach).
SCAN_KEYWORDS = {f"{function}(axisbg=)": TABLE["Axes.__init__(axisbg=)"] for function in (
    "pyplot.subplot", "pyplot.axes", "figure.Figure.add_subplot", "figure.Figure.add_axes")}
