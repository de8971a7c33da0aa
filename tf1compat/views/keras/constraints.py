"""Keras 2.2.4's legacy constraint aliases (``keras/constraints.py``: ``maxnorm``, ``nonneg``, ``unitnorm``).

Keras 2.2.4 kept them as aliases of ``max_norm``, ``non_neg`` and ``unit_norm`` (the classes ``MaxNorm``,
``NonNeg``, ``UnitNorm``); tf_keras accepts the strings but no longer exports the names.
"""
from tf_keras.constraints import MaxNorm, NonNeg, UnitNorm

maxnorm = MaxNorm
nonneg = NonNeg
unitnorm = UnitNorm

__all__ = ["maxnorm", "nonneg", "unitnorm"]
