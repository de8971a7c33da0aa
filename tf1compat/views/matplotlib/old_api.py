"""matplotlib 2.x's ``hold``, ``set_axis_bgcolor``, ``cm.get_cmap``, ``canvas.tostring_rgb``, ``hist(normed=)``,
``use(warn=)`` and ``axisbg=`` on today's matplotlib."""
import functools
import os

import matplotlib
import mpl_toolkits
import numpy as np
from matplotlib import colors

from tf1compat.errors import UnsupportedLegacyAPIError

# mplot3d's code, which calls matplotlib's on the script's behalf (the engine skips matplotlib's own code itself).
MPL_TOOLKITS_CODE = tuple(os.path.abspath(folder) + os.sep for folder in mpl_toolkits.__path__)


def hold(b=None):
    """``plt.hold(True)``: plots add to the axes, as they always do now. Turning hold off is not served."""
    if b is not True:
        raise UnsupportedLegacyAPIError(
            f"plt.hold({b!r})", "matplotlib 3 always adds to the current axes; hold off (clear before each plot) "
            "is gone", "plt.cla() (or ax.cla()) before each plot that should replace the last")


def axes_hold(self, b=None):  # pylint: disable=unused-argument
    """``ax.hold(True)``: as ``plt.hold``."""
    hold(b)


def ishold():
    """Whether plots add to the axes: always, in matplotlib 3."""
    return True


def set_axis_bgcolor(self, color):
    """The axes' background colour (``set_facecolor``)."""
    return self.set_facecolor(color)


def get_axis_bgcolor(self):
    """The axes' background colour (``get_facecolor``)."""
    return self.get_facecolor()


def get_cmap(name=None, lut=None):
    """The colormap called ``name`` (default ``rcParams['image.cmap']``; a Colormap is returned as is), resampled to
    ``lut`` entries if given."""
    if isinstance(name, colors.Colormap):
        return name
    cmap = matplotlib.colormaps.get_cmap(name if name is not None else matplotlib.rcParams["image.cmap"])
    return cmap if lut is None else cmap.resampled(lut)


def tostring_rgb(self):
    """The drawn figure as bytes, RGB per pixel, row by row (width * height * 3): the Agg buffer without its alpha,
    as matplotlib 2.2 gave it (call ``canvas.draw()`` first, as then)."""
    return np.asarray(self.buffer_rgba())[..., :3].tobytes()


def hist_with_normed(original, served):
    """``Axes.hist`` that takes matplotlib 2.x's ``normed=`` (= ``density=``) from legacy-scope callers."""

    @functools.wraps(original)
    def hist(self, *args, **kwargs):
        if "normed" in kwargs and served(skip_dirs=MPL_TOOLKITS_CODE):
            normed = kwargs.pop("normed")
            if normed is not None and kwargs.get("density"):  # pyplot.hist passes density=False by default
                raise ValueError("kwargs 'density' and 'normed' cannot be used simultaneously. "
                                 "Please only use 'density', since 'normed' is deprecated.")
            if normed is not None:
                kwargs["density"] = normed
        return original(self, *args, **kwargs)

    hist.__tf1compat_wraps__ = original
    return hist


def use_with_warn(original, served):
    """``matplotlib.use`` that takes matplotlib 2.2's ``warn`` (keyword or second argument) from legacy-scope callers.

    2.2 only used ``warn`` to choose whether a call after pyplot's import warned; it is dropped. A third positional
    argument was ``force``.
    """

    @functools.wraps(original)
    def use(backend, *old_positional, **kwargs):
        if (old_positional or "warn" in kwargs) and served(skip_dirs=MPL_TOOLKITS_CODE):
            kwargs.pop("warn", None)
            if len(old_positional) == 2:
                kwargs.setdefault("force", old_positional[1])
            old_positional = old_positional[2:]
        return original(backend, *old_positional, **kwargs)

    return use


def axes_init_with_axisbg(original, served):
    """The Axes constructor that takes matplotlib 2.0/2.1's ``axisbg=`` (= ``facecolor=``) from legacy-scope callers:
    ``plt.subplot(..., axisbg=c)``, ``fig.add_subplot``, ``plt.axes``, ``fig.add_axes`` all pass it here."""

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        if "axisbg" in kwargs and served(skip_dirs=MPL_TOOLKITS_CODE):
            axisbg = kwargs.pop("axisbg")
            if axisbg is not None and kwargs.get("facecolor") is not None:
                raise TypeError("Both axisbg and facecolor are not None. These keywords are aliases, only one may "
                                "be provided.")
            if axisbg is not None:
                kwargs["facecolor"] = axisbg
        original(self, *args, **kwargs)

    return __init__
