"""TF1 contrib.opt's MovingAverageOptimizer: train with any optimizer, keep exponential moving averages of the weights.

``swapping_saver()`` saves each average under its variable's name (and the variable under the
average's), so a checkpoint restored by a plain Saver gives the averaged weights, as in TF1.
"""
import tensorflow

_v1 = tensorflow.compat.v1


class MovingAverageOptimizer(_v1.train.Optimizer):
    """Wraps ``opt``; after each update, ``ExponentialMovingAverage(average_decay, num_updates)`` is applied."""

    def __init__(self, opt, average_decay=0.9999, num_updates=None, sequential_update=True):
        super().__init__(use_locking=False, name="MovingAverage")
        self._optimizer = opt
        self._ema = _v1.train.ExponentialMovingAverage(average_decay, num_updates=num_updates)
        self._variable_map = None
        self._sequential_update = sequential_update

    def compute_gradients(self, *args, **kwargs):
        """The wrapped optimizer's gradients."""
        return self._optimizer.compute_gradients(*args, **kwargs)

    def apply_gradients(self, grads_and_vars, global_step=None, name=None):
        """The wrapped optimizer's update, then (after it, if ``sequential_update``) the moving averages'."""
        grads_and_vars = list(grads_and_vars)
        train_op = self._optimizer.apply_gradients(grads_and_vars, global_step=global_step, name=name)
        var_list = [var for grad, var in grads_and_vars if grad is not None]
        if self._sequential_update:
            with _v1.control_dependencies([train_op]):
                average_op = self._ema.apply(var_list)
        else:
            average_op = self._ema.apply(var_list)
        self._variable_map = {}
        for var in var_list:
            average = self._ema.average(var)
            self._variable_map[var.op.name] = average
            self._variable_map[average.op.name] = var
        return _v1.group(train_op, average_op, name="train_with_avg")

    def swapping_saver(self, var_list=None, name="swapping_saver", **kwargs):
        """A Saver writing each moving average under its variable's name and the other way round.

        Raises:
            RuntimeError: called before ``minimize`` / ``apply_gradients``.
        """
        if self._variable_map is None:
            raise RuntimeError("Must call apply_gradients or minimize before creating the swapping_saver")
        if var_list is None:
            var_list = _v1.global_variables()
        if not isinstance(var_list, dict):
            var_list = {var.op.name: var for var in var_list}
        swapped = {key: self._variable_map.get(var.op.name, var) for key, var in var_list.items()}
        return _v1.train.Saver(swapped, name=name, **kwargs)
