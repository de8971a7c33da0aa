"""TF1 contrib.opt's ScipyOptimizerInterface: minimise a graph's loss with ``scipy.optimize.minimize`` in a Session."""
import numpy as np
import tensorflow

_v1 = tensorflow.compat.v1


def _flat(tensors):
    return _v1.concat([_v1.reshape(tensor, [-1]) for tensor in tensors], axis=0)


class ScipyOptimizerInterface:
    """Packs ``var_list`` into one vector, lets SciPy drive it (``method``, default ``L-BFGS-B``), writes it back.

    ``equalities`` / ``inequalities`` are scalar tensors kept ``== 0`` / ``>= 0`` (pass a method that
    takes constraints, e.g. ``method="SLSQP"``); ``var_to_bounds`` maps a variable to ``(low, high)``
    (scalars or arrays, +-inf for none). ``optimizer_kwargs`` go to ``scipy.optimize.minimize``.
    """

    def __init__(self, loss, var_list=None, equalities=None, inequalities=None, var_to_bounds=None,
                 **optimizer_kwargs):
        self._loss = loss
        self._vars = list(var_list) if var_list is not None else _v1.trainable_variables()
        if not self._vars:
            raise ValueError("No variables to optimize.")
        self._equalities, self._inequalities = list(equalities or []), list(inequalities or [])
        self._kwargs = optimizer_kwargs
        self._bounds = self._packed_bounds(var_to_bounds or {})
        self._packed_vars = _flat(self._vars)
        gradients = [_v1.zeros_like(var) if grad is None else grad
                     for var, grad in zip(self._vars, _v1.gradients(loss, self._vars))]
        self._packed_grad = _flat(gradients)
        self._constraint_grads = [_flat([_v1.zeros_like(v) if g is None else g for v, g in
                                         zip(self._vars, _v1.gradients(c, self._vars))])
                                  for c in self._equalities + self._inequalities]
        self._placeholders = [_v1.placeholder(var.dtype.base_dtype, var.get_shape()) for var in self._vars]
        self._assign = _v1.group(*[var.assign(value) for var, value in zip(self._vars, self._placeholders)])
        self._sizes = [int(np.prod(var.get_shape().as_list())) for var in self._vars]

    def _packed_bounds(self, var_to_bounds):
        if not var_to_bounds:
            return None
        bounds = []
        for var in self._vars:
            shape = var.get_shape().as_list()
            low, high = var_to_bounds.get(var, (-np.inf, np.inf))
            lows, highs = (np.broadcast_to(np.asarray(edge, np.float64), shape).ravel() for edge in (low, high))
            bounds += [(None if np.isneginf(a) else a, None if np.isposinf(b) else b) for a, b in zip(lows, highs)]
        return bounds

    def _assign_packed(self, session, packed):
        values = np.split(np.asarray(packed), np.cumsum(self._sizes)[:-1])
        feed = {ph: value.reshape(var.get_shape().as_list())
                for ph, var, value in zip(self._placeholders, self._vars, values)}
        session.run(self._assign, feed_dict=feed)

    def _evaluator(self, session, tensors, feed_dict, callback=None, fetches=(), run_kwargs=None):
        def evaluate(packed):
            self._assign_packed(session, packed)
            results = session.run(list(tensors) + list(fetches), feed_dict=feed_dict, **(run_kwargs or {}))
            if callback is not None:
                callback(*results[len(tensors):])
            value, grad = results[0], results[1]
            return np.float64(value), np.asarray(grad, np.float64)
        return evaluate

    def _constraint(self, session, kind, tensor, grad, feed_dict):
        evaluate = self._evaluator(session, [tensor, grad], feed_dict)
        return {"type": kind, "fun": lambda x: evaluate(x)[0], "jac": lambda x: evaluate(x)[1]}

    def minimize(self, session=None, feed_dict=None, fetches=None, step_callback=None, loss_callback=None,
                 **run_kwargs):
        """Run the optimisation; the variables hold SciPy's solution afterwards. Returns SciPy's result."""
        try:
            import scipy.optimize
        except ImportError:
            raise ImportError("`ScipyOptimizerInterface` needs SciPy, which is not installed; install it: "
                              "pip install scipy") from None

        session = session or _v1.get_default_session()
        loss_grad = self._evaluator(session, [self._loss, self._packed_grad], feed_dict, loss_callback,
                                    fetches or [], run_kwargs)
        kinds = ["eq"] * len(self._equalities) + ["ineq"] * len(self._inequalities)
        constraints = [self._constraint(session, kind, tensor, grad, feed_dict) for kind, tensor, grad in
                       zip(kinds, self._equalities + self._inequalities, self._constraint_grads)]
        kwargs = dict(self._kwargs)
        method = kwargs.pop("method", "L-BFGS-B")  # TF1's default, constraints or not
        start = session.run(self._packed_vars, feed_dict=feed_dict).astype(np.float64)
        result = scipy.optimize.minimize(loss_grad, start, jac=True, method=method, callback=step_callback,
                                         bounds=self._bounds, constraints=constraints or (), **kwargs)
        self._assign_packed(session, result.x)
        return result
