"""matplotlib 2.x's ``gca(**kwargs)``: the current axes if it matches the keywords, else a new ``subplot(111)``.

2018 3D plots wrote ``ax = fig.gca(projection='3d')`` (or ``plt.gca(projection='3d')``); matplotlib 3.4
deprecated keywords to ``gca`` and 3.6 removed them. As 2.2 did: with no keywords, the current axes (made if
there is none); with keywords, the current axes when it is of the requested projection class and was made with
the same other keywords, else (with 2.2's warning when there was a current axes) a new ``add_subplot(1, 1, 1,
**kwargs)``. matplotlib keeps what each axes was made with as ``ax._projection_init`` and reads it the same way
for ``plt.subplot``'s reuse; the view reads it too.
"""
import functools
import warnings

from tf1compat.views.matplotlib.old_api import MPL_TOOLKITS_CODE

_DIFFERENT_PROJECTION = ("Requested projection is different from current axis projection, creating new axis with "
                         "requested projection.")


def current_or_new_axes(figure, kwargs):
    """What matplotlib 2.2's ``figure.gca(**kwargs)`` returned (``kwargs`` not empty)."""
    current = figure.gca() if figure.axes else None
    if current is not None:
        # pylint: disable-next=protected-access
        projection_class, other_kwargs = figure._process_projection_requirements(**kwargs)
        made_with = getattr(current, "_projection_init", (type(current), {}))[1]
        if isinstance(current, projection_class) and made_with == other_kwargs:
            return current
        warnings.warn(_DIFFERENT_PROJECTION, stacklevel=3)  # at the script's line (script -> gca -> here)
    return figure.add_subplot(1, 1, 1, **kwargs)


def figure_gca_with_kwargs(original, served):
    """``Figure.gca`` that takes 2.x's keywords (``projection='3d'``, ``polar=True``, ...) from legacy-scope callers."""

    @functools.wraps(original)
    def gca(self, **kwargs):
        if kwargs and served(skip_dirs=MPL_TOOLKITS_CODE):
            return current_or_new_axes(self, kwargs)
        return original(self, **kwargs)

    return gca


def pyplot_gca_with_kwargs(original, served):
    """``pyplot.gca`` likewise: 2.x's was ``gcf().gca(**kwargs)``."""

    @functools.wraps(original)
    def gca(**kwargs):
        if kwargs and served(skip_dirs=MPL_TOOLKITS_CODE):
            from matplotlib import pyplot

            return current_or_new_axes(pyplot.gcf(), kwargs)
        return original(**kwargs)

    return gca
