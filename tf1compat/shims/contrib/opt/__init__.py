"""``tf.contrib.opt`` for TF1 scripts: the TF1 optimizers real code used, as ``tf.compat.v1.train.Optimizer`` subclasses."""
import tensorflow

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks
from tf1compat.shims.contrib.opt.lazy_adam import LazyAdamOptimizer
from tf1compat.shims.contrib.opt.moving_average import MovingAverageOptimizer
from tf1compat.shims.contrib.opt.nadam import NadamOptimizer
from tf1compat.shims.contrib.opt.scipy_interface import ScipyOptimizerInterface
from tf1compat.shims.contrib.opt.weight_decay import (AdamWOptimizer, DecoupledWeightDecayExtension,
                                                      MomentumWOptimizer, extend_with_decoupled_weight_decay)


def clip_gradients_by_global_norm(gradients_variables, clip_norm=20.0):
    """``[(gradient, variable)]`` with the gradients rescaled to a global norm of at most ``clip_norm``."""
    gradients, variables = zip(*gradients_variables)
    clipped, _ = tensorflow.compat.v1.clip_by_global_norm(gradients, clip_norm)
    return list(zip(clipped, variables))


__all__ = ["AdamWOptimizer", "DecoupledWeightDecayExtension", "LazyAdamOptimizer", "MomentumWOptimizer",
           "MovingAverageOptimizer", "NadamOptimizer", "ScipyOptimizerInterface",
           "clip_gradients_by_global_norm", "extend_with_decoupled_weight_decay"]

__getattr__, __dir__ = contrib_module_hooks("contrib.opt", __name__, __all__)
