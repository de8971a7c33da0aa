"""``pandas.np`` (removed in pandas 2.0): the NumPy that ``import numpy`` gives the same code.

pandas 0.23 re-exported its own ``import numpy as np``; in the legacy scope that is the NumPy 1.x
view unless ``--real numpy`` turned it off, so ``pd.np.float`` works wherever ``np.float`` does.
"""


def __getattr__(name):
    if name != "np":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from tf1compat.scope import import_hook

    if import_hook.viewed("numpy"):
        from tf1compat.views import numpy as numpy_view

        return numpy_view.view()
    import numpy

    return numpy
