"""``tf.contrib.distributions`` for TF1 scripts: the distributions ``tf.compat.v1.distributions`` still has.

Normal, Bernoulli, Categorical, Beta, Gamma, Dirichlet, ... and ``kl_divergence`` keep TF1's
behaviour; the rest (MultivariateNormalDiag, bijectors, ...) moved to TensorFlow Probability and
raise UnsupportedTF1APIError naming it.
"""
import tensorflow

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks

_distributions = tensorflow.compat.v1.distributions
__all__ = sorted(name for name in dir(_distributions) if not name.startswith("_"))
globals().update({name: getattr(_distributions, name) for name in __all__})

__getattr__, __dir__ = contrib_module_hooks("contrib.distributions", __name__, __all__)
