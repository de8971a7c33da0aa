"""Keras 2.2.4's short initializer aliases (``keras/initializers.py``) that tf_keras no longer exports as names.

The same classes as ``zeros``/``ones``/``random_uniform``/``random_normal``: Keras 2.2.4 bound
``zero = zeros = Zeros``, ``one = ones = Ones``, ``uniform = random_uniform = RandomUniform`` and
``normal = random_normal = RandomNormal`` (tf_keras still accepts the strings ``'zero'``, ``'normal'``, ...).
"""
from tf_keras.initializers import Ones, RandomNormal, RandomUniform, Zeros

zero = Zeros
one = Ones
uniform = RandomUniform
normal = RandomNormal

__all__ = ["zero", "one", "uniform", "normal"]
