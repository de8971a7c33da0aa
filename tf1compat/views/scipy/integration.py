"""SciPy <= 1.13's ``scipy.integrate.simps`` and ``cumtrapz``, with their old semantics, on today's integrators.

``simps`` of an even number of samples used the ``even='avg'`` rule (the mean of Simpson on the
first N-1 samples plus a trapezoid on the last interval, and a trapezoid on the first interval
plus Simpson on the last N-1); today's ``simpson`` uses Cartwright's correction instead, so the
results differ. ``cumtrapz(initial=c)`` took any scalar; ``cumulative_trapezoid`` takes only 0.
"""
import numpy
from scipy import integrate


def simps(y, x=None, dx=1, axis=-1, even="avg"):
    """Simpson's rule as SciPy <= 1.10 computed it (``even``: 'avg', 'first' or 'last' for even sample counts)."""
    y = numpy.asarray(y)
    count = y.shape[axis]
    if x is not None:
        x = numpy.asarray(x)
        if x.shape[0 if x.ndim == 1 else axis] != count:
            raise ValueError("If given, length of x along axis must be the same as y.")
    if count % 2 == 1:
        return integrate.simpson(y, x=x, dx=dx, axis=axis)
    if even not in ("avg", "last", "first"):
        raise ValueError("Parameter 'even' must be 'first', 'last', or 'avg'.")
    trapezoids, simpsons = 0.0, 0.0
    if even in ("avg", "first"):
        trapezoids += _trapezoid_piece(y, x, dx, axis, count - 2)
        simpsons = _simpson_part(y, x, dx, axis, slice(0, count - 1))
    if even in ("avg", "last"):
        trapezoids += _trapezoid_piece(y, x, dx, axis, 0)
        simpsons = simpsons + _simpson_part(y, x, dx, axis, slice(1, count))
    if even == "avg":
        trapezoids /= 2.0
        simpsons /= 2.0
    return simpsons + trapezoids


def _along(array, axis, index):
    if array.ndim == 1:
        return array[index]
    return array[(slice(None),) * (axis % array.ndim) + (index,)]


def _simpson_part(y, x, dx, axis, part):
    return integrate.simpson(_along(y, axis, part), x=None if x is None else _along(x, axis, part), dx=dx, axis=axis)


def _trapezoid_piece(y, x, dx, axis, start):
    width = dx if x is None else _along(x, axis, start + 1) - _along(x, axis, start)
    return 0.5 * width * (_along(y, axis, start + 1) + _along(y, axis, start))


def cumtrapz(y, x=None, dx=1.0, axis=-1, initial=None):
    """``cumulative_trapezoid``, with ``initial`` (any scalar) prepended along ``axis`` as SciPy <= 1.11 did."""
    result = integrate.cumulative_trapezoid(y, x=x, dx=dx, axis=axis)
    if initial is None:
        return result
    if not numpy.isscalar(initial):
        raise ValueError("`initial` parameter should be a scalar.")
    shape = list(result.shape)
    shape[axis] = 1
    return numpy.concatenate([numpy.full(shape, initial, dtype=result.dtype), result], axis=axis)
