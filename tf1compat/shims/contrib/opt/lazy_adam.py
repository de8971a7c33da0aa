"""TF1 contrib.opt's LazyAdamOptimizer: Adam whose sparse updates touch only the rows in the batch."""
import tensorflow

_v1 = tensorflow.compat.v1


class LazyAdamOptimizer(_v1.train.AdamOptimizer):
    """Adam, except that a sparse gradient (e.g. of an embedding) updates ``m``, ``v`` and the variable only
    at its rows; dense gradients get plain Adam. Slots ``m``, ``v`` and ``beta1_power``/``beta2_power``
    are Adam's, so checkpoints interchange with ``tf.train.AdamOptimizer``.
    """

    def __init__(self, learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8, use_locking=False,
                 name="LazyAdam"):
        super().__init__(learning_rate=learning_rate, beta1=beta1, beta2=beta2, epsilon=epsilon,
                         use_locking=use_locking, name=name)

    def _lazy_rows(self, values, var, indices):
        # The new m and v rows at `indices` and the step for those rows of `var` (indices are unique here:
        # Optimizer sums duplicate indices before calling _apply_sparse).
        dtype = var.dtype.base_dtype
        beta1_power, beta2_power = (_v1.cast(power, dtype) for power in self._get_beta_accumulators())
        lr_t, beta1_t, beta2_t, epsilon_t = (_v1.cast(value, dtype) for value in
                                             (self._lr_t, self._beta1_t, self._beta2_t, self._epsilon_t))
        lr = lr_t * _v1.sqrt(1 - beta2_power) / (1 - beta1_power)
        m_rows = beta1_t * _v1.gather(self.get_slot(var, "m"), indices) + (1 - beta1_t) * values
        v_rows = beta2_t * _v1.gather(self.get_slot(var, "v"), indices) + (1 - beta2_t) * _v1.square(values)
        return m_rows, v_rows, lr * m_rows / (_v1.sqrt(v_rows) + epsilon_t)

    def _apply_sparse(self, grad, var):
        m_rows, v_rows, step = self._lazy_rows(grad.values, var, grad.indices)
        locking = self._use_locking
        m_t = _v1.scatter_update(self.get_slot(var, "m"), grad.indices, m_rows, use_locking=locking)
        v_t = _v1.scatter_update(self.get_slot(var, "v"), grad.indices, v_rows, use_locking=locking)
        var_update = _v1.scatter_sub(var, grad.indices, step, use_locking=locking)
        return _v1.group(var_update, m_t, v_t)

    def _resource_apply_sparse(self, grad, var, indices):
        m_rows, v_rows, step = self._lazy_rows(grad, var, indices)
        m_t = self.get_slot(var, "m").scatter_update(_v1.IndexedSlices(m_rows, indices))
        v_t = self.get_slot(var, "v").scatter_update(_v1.IndexedSlices(v_rows, indices))
        var_update = var.scatter_sub(_v1.IndexedSlices(step, indices))
        return _v1.group(var_update, m_t, v_t)
