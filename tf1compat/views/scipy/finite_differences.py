"""SciPy <= 1.14's ``scipy.misc.derivative`` and ``central_diff_weights`` (removed in 1.15).

``central_diff_weights(Np, ndiv)``: the weights of the ``Np``-point central difference for the
``ndiv``-th derivative on unit spacing: row ``ndiv`` of the inverse of the Vandermonde matrix of the
offsets ``-(Np // 2) .. Np // 2``, times ``ndiv!``. ``derivative(func, x0, dx, n, args, order)``: that
weighted sum of ``func`` at ``x0 + k * dx``, divided by ``dx ** n``.
"""
import math

import numpy


def central_diff_weights(Np, ndiv=1):  # pylint: disable=invalid-name (SciPy's argument names)
    """The ``Np``-point central difference weights for the ``ndiv``-th derivative (``Np`` odd, > ``ndiv``)."""
    if Np < ndiv + 1:
        raise ValueError("Number of points must be at least the derivative order + 1.")
    if Np % 2 == 0:
        raise ValueError("The number of points must be odd.")
    half = Np >> 1
    offsets = numpy.arange(-half, half + 1.0)
    vandermonde = offsets[:, None] ** numpy.arange(Np)[None, :]
    return math.factorial(ndiv) * numpy.linalg.inv(vandermonde)[ndiv]


def derivative(func, x0, dx=1.0, n=1, args=(), order=3):
    """The ``n``-th derivative of ``func`` at ``x0`` by an ``order``-point central difference of spacing ``dx``."""
    if order < n + 1:
        raise ValueError("'order' (the number of points used to compute the derivative), must be at least the "
                         "derivative order 'n' + 1.")
    if order % 2 == 0:
        raise ValueError("'order' (the number of points used to compute the derivative) must be odd.")
    weights = central_diff_weights(order, n)
    half = order >> 1
    total = 0.0
    for k in range(order):
        total += weights[k] * func(x0 + (k - half) * dx, *args)
    return total / numpy.prod((dx,) * n, axis=0)
