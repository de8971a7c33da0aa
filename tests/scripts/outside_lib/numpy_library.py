"""A library outside the legacy script's folder: it must keep seeing the real NumPy 2."""
import sys

import numpy as np


def describe():
    try:
        np.array([[1, 2], [3]])
        ragged = "object array"
    except ValueError:
        ragged = "ValueError"
    try:
        converted = int(np.array([3]))
    except TypeError:
        converted = "TypeError"
    return {"is_real_module": np is sys.modules["numpy"], "has_int": hasattr(np, "int"),
            "has_product": hasattr(np, "product"), "bool_is_numpy_bool": np.bool is np.bool_,
            "ragged": ragged, "int_of_size1": converted}
