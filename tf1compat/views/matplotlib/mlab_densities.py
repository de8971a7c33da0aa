"""matplotlib 2.x's ``mlab.normpdf`` and ``mlab.bivariate_normal``: Gaussian densities, by 2.2's own formulas.

Deprecated in 2.2 (for ``scipy.stats.norm.pdf`` / ``scipy.stats.multivariate_normal.pdf``) and removed in 3.1.
The arithmetic is written as 2.2 wrote it, so results match to the last bit and inputs it refused (a plain
list ``x``) are refused the same way.
"""
import numpy as np


def normpdf(x, *args):
    """The normal density at ``x``; ``args`` is ``(mu, sigma)``."""
    mu, sigma = args
    return 1. / (np.sqrt(2 * np.pi) * sigma) * np.exp(-0.5 * (1. / sigma * (x - mu)) ** 2)


def bivariate_normal(X, Y, sigmax=1.0, sigmay=1.0, mux=0.0, muy=0.0, sigmaxy=0.0):  # pylint: disable=invalid-name
    """The bivariate normal density at the points ``(X, Y)`` (same shape); ``sigmaxy`` is the covariance."""
    x_centred, y_centred = X - mux, Y - muy
    rho = sigmaxy / (sigmax * sigmay)
    z = (x_centred ** 2 / sigmax ** 2 + y_centred ** 2 / sigmay ** 2
         - 2 * rho * x_centred * y_centred / (sigmax * sigmay))
    denominator = 2 * np.pi * sigmax * sigmay * np.sqrt(1 - rho ** 2)
    return np.exp(-z / (2 * (1 - rho ** 2))) / denominator
