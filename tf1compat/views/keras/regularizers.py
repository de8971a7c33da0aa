"""Keras 2.2.4's regularizer functions, whose argument was ``l`` (``l1(l=0.01)``, ``l2(l=0.01)``).

In Keras 2.2.4 all three returned an ``L1L2``; tf_keras's ``l1``/``l2`` are the classes ``L1``/``L2``
with the arguments named ``l1``/``l2``, so ``l2(l=0.001)`` raises ``TypeError`` there. Positional calls
and the penalties are the same either way (``l2(w) = l * sum(w ** 2)``).
"""
from tf_keras.regularizers import L1L2


def l1(l=0.01):  # noqa: E741 (Keras 2.2.4's argument name)
    """The L1 penalty ``l * sum(|w|)``, as an ``L1L2``."""
    return L1L2(l1=l)


def l2(l=0.01):  # noqa: E741
    """The L2 penalty ``l * sum(w ** 2)``, as an ``L1L2``."""
    return L1L2(l2=l)


def l1_l2(l1=0.01, l2=0.01):  # pylint: disable=redefined-outer-name
    """Both penalties, ``l1 * sum(|w|) + l2 * sum(w ** 2)``."""
    return L1L2(l1=l1, l2=l2)


__all__ = ["l1", "l2", "l1_l2"]
