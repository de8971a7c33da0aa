"""TF1 contrib.opt's NadamOptimizer: Adam with Nesterov momentum (Dozat, 2016), Adam's slots and kernels."""
import tensorflow

_v1 = tensorflow.compat.v1


class NadamOptimizer(_v1.train.AdamOptimizer):
    """Nesterov Adam: the step uses ``(1 - beta1) * g + beta1 * m_t`` in place of ``m_t``.

    Slots ``m``/``v`` and ``beta1_power``/``beta2_power`` are Adam's; TF1's default name is ``"Adam"``.
    """

    def __init__(self, learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8, use_locking=False, name="Adam"):
        super().__init__(learning_rate=learning_rate, beta1=beta1, beta2=beta2, epsilon=epsilon,
                         use_locking=use_locking, name=name)

    def _kernel_inputs(self, var, dtype):
        beta1_power, beta2_power = self._get_beta_accumulators()
        scalars = (beta1_power, beta2_power, self._lr_t, self._beta1_t, self._beta2_t, self._epsilon_t)
        return [_v1.cast(value, dtype) for value in scalars]

    def _kernel_arguments(self, var, grad):
        names = ("beta1_power", "beta2_power", "lr", "beta1", "beta2", "epsilon")
        arguments = dict(zip(names, self._kernel_inputs(var, grad.dtype.base_dtype)))
        return dict(arguments, grad=grad, use_locking=self._use_locking, use_nesterov=True)

    def _apply_dense(self, grad, var):
        m, v = self.get_slot(var, "m"), self.get_slot(var, "v")
        return _v1.raw_ops.ApplyAdam(var=var, m=m, v=v, **self._kernel_arguments(var, grad)).op

    def _resource_apply_dense(self, grad, var):
        m, v = self.get_slot(var, "m"), self.get_slot(var, "v")
        return _v1.raw_ops.ResourceApplyAdam(var=var.handle, m=m.handle, v=v.handle,
                                             **self._kernel_arguments(var, grad))

    def _apply_sparse_shared(self, grad, var, indices, scatter_add):
        beta1_power, beta2_power, lr_t, beta1_t, beta2_t, epsilon_t = self._kernel_inputs(var, var.dtype.base_dtype)
        lr = lr_t * _v1.sqrt(1 - beta2_power) / (1 - beta1_power)
        m, v = self.get_slot(var, "m"), self.get_slot(var, "v")
        scaled_grad = grad * (1 - beta1_t)
        with _v1.control_dependencies([_v1.assign(m, m * beta1_t, use_locking=self._use_locking)]):
            m_t = scatter_add(m, indices, scaled_grad)
        m_bar = scaled_grad + beta1_t * _v1.gather(m_t, indices)  # the Nesterov look-ahead, rows only
        with _v1.control_dependencies([_v1.assign(v, v * beta2_t, use_locking=self._use_locking)]):
            v_t = scatter_add(v, indices, grad * grad * (1 - beta2_t))
        step = -lr * m_bar / (_v1.sqrt(_v1.gather(v_t, indices)) + epsilon_t)
        return _v1.group(scatter_add(var, indices, step), m_bar, v_t)
