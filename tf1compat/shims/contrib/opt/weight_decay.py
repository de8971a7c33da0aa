"""TF1 contrib.opt's decoupled weight decay (Loshchilov & Hutter): AdamW, MomentumW and the class factory.

Each step first decays every variable in place, ``var -= weight_decay * var`` (not scaled by the
learning rate), then applies the base optimizer's update, as TF 1.15 did. Slot names and
variable names are the base optimizer's (``m``/``v`` and ``beta1_power`` for Adam, ``momentum``).
"""
import tensorflow

_v1 = tensorflow.compat.v1


class DecoupledWeightDecayExtension:
    """Mixin placed before a ``tf.compat.v1.train.Optimizer`` subclass; adds ``decay_var_list`` to minimize."""

    def __init__(self, weight_decay, **kwargs):
        self._decay_var_list = None  # set by minimize / apply_gradients; falsy -> decay everything
        self._weight_decay = weight_decay
        self._weight_decay_tensor = None
        super().__init__(**kwargs)

    def minimize(self, loss, global_step=None, var_list=None, gate_gradients=_v1.train.Optimizer.GATE_OP,
                 aggregation_method=None, colocate_gradients_with_ops=False, name=None, grad_loss=None,
                 decay_var_list=None):
        """``Optimizer.minimize``; only the variables in ``decay_var_list`` are decayed when it is given."""
        # Through apply_gradients directly: Optimizer.minimize would call it without decay_var_list.
        grads_and_vars = self.compute_gradients(loss, var_list=var_list, gate_gradients=gate_gradients,
                                                aggregation_method=aggregation_method,
                                                colocate_gradients_with_ops=colocate_gradients_with_ops,
                                                grad_loss=grad_loss)
        if all(grad is None for grad, _ in grads_and_vars):
            raise ValueError("No gradients provided for any variable, check your graph for ops that do not "
                             f"support gradients, between variables {[str(v) for _, v in grads_and_vars]} and "
                             f"loss {loss}.")
        return self.apply_gradients(grads_and_vars, global_step=global_step, name=name,
                                    decay_var_list=decay_var_list)

    def apply_gradients(self, grads_and_vars, global_step=None, name=None, decay_var_list=None):
        """``Optimizer.apply_gradients``; only the variables in ``decay_var_list`` are decayed when it is given."""
        self._decay_var_list = {id(var) for var in decay_var_list} if decay_var_list else False
        return super().apply_gradients(grads_and_vars, global_step=global_step, name=name)

    def _prepare(self):
        weight_decay = self._weight_decay() if callable(self._weight_decay) else self._weight_decay
        self._weight_decay_tensor = _v1.convert_to_tensor(weight_decay, name="weight_decay")
        super()._prepare()

    def _decays(self, var):
        return not self._decay_var_list or id(var) in self._decay_var_list

    def _decay_factor(self, var):
        return _v1.cast(self._weight_decay_tensor, var.dtype.base_dtype)

    def _decay_weights_op(self, var):
        if self._decays(var):
            return var.assign_sub(self._decay_factor(var) * var, self._use_locking)
        return _v1.no_op()

    def _decay_rows_op(self, var, indices, resource):
        if not self._decays(var):
            return _v1.no_op()
        update = -self._decay_factor(var) * _v1.gather(var, indices)
        if resource:
            return var.scatter_add(_v1.IndexedSlices(update, indices), use_locking=self._use_locking)
        return _v1.scatter_add(var, indices, update, use_locking=self._use_locking)

    def _apply_dense(self, grad, var):
        with _v1.control_dependencies([self._decay_weights_op(var)]):
            return super()._apply_dense(grad, var)

    def _resource_apply_dense(self, grad, var):
        with _v1.control_dependencies([self._decay_weights_op(var)]):
            return super()._resource_apply_dense(grad, var)

    def _apply_sparse(self, grad, var):
        with _v1.control_dependencies([self._decay_rows_op(var, grad.indices, resource=False)]):
            return super()._apply_sparse(grad, var)

    def _resource_apply_sparse(self, grad, var, indices):
        with _v1.control_dependencies([self._decay_rows_op(var, indices, resource=True)]):
            return super()._resource_apply_sparse(grad, var, indices)


def extend_with_decoupled_weight_decay(base_optimizer):
    """A subclass of optimizer class ``base_optimizer`` whose constructor takes ``weight_decay`` first."""

    class OptimizerWithDecoupledWeightDecay(DecoupledWeightDecayExtension, base_optimizer):
        """``base_optimizer`` with decoupled weight decay."""

        def __init__(self, weight_decay, *args, **kwargs):
            super().__init__(weight_decay, *args, **kwargs)

    return OptimizerWithDecoupledWeightDecay


class AdamWOptimizer(DecoupledWeightDecayExtension, _v1.train.AdamOptimizer):
    """Adam with decoupled weight decay (TF1's ``tf.contrib.opt.AdamWOptimizer``)."""

    def __init__(self, weight_decay, learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8,
                 use_locking=False, name="AdamW"):
        super().__init__(weight_decay, learning_rate=learning_rate, beta1=beta1, beta2=beta2, epsilon=epsilon,
                         use_locking=use_locking, name=name)


class MomentumWOptimizer(DecoupledWeightDecayExtension, _v1.train.MomentumOptimizer):
    """Momentum SGD with decoupled weight decay (TF1's ``tf.contrib.opt.MomentumWOptimizer``)."""

    def __init__(self, weight_decay, learning_rate, momentum, use_locking=False, name="MomentumW",
                 use_nesterov=False):
        super().__init__(weight_decay, learning_rate=learning_rate, momentum=momentum, use_locking=use_locking,
                         name=name, use_nesterov=use_nesterov)
