"""NumPy 1.x idioms in a TF1-era script: each against its documented NumPy 1.x result."""
import json
import math
import sys

import numpy as np
from numpy import asscalar, product as prod_alias

import numpy_helper
import numpy_library

checks = {}
real = sys.modules["numpy"]
checks["view_not_real_module"] = np is not real and np.__name__ == "numpy"
checks["aliases_are_builtins"] = [np.int is int, np.float is float, np.bool is bool, np.object is object,
                                  np.str is str, np.long is int, np.unicode is str]
checks["dtype_names"] = numpy_helper.as_dtype_names()
checks["asscalar"] = [asscalar(np.array([5])), type(asscalar(np.array([2.5], dtype=np.float32))).__name__]
checks["constants"] = [math.isnan(np.NaN), np.Inf == math.inf, np.NINF == -math.inf, np.PINF == math.inf,
                       math.copysign(1.0, np.NZERO), np.infty == math.inf]
checks["functions"] = [int(np.product([1, 2, 3, 4])), prod_alias([2, 3]).item(),
                       np.cumproduct([1, 2, 3]).tolist(), bool(np.alltrue([True, False])),
                       bool(np.sometrue([False, True])), float(np.trapz([1, 2, 3]))]
checks["types"] = [np.float_ is real.float64, np.complex_ is real.complex128, np.asfarray([1, 2]).dtype.name,
                   np.asfarray([1], dtype=np.float32).dtype.name, np.asfarray([1], dtype=np.int32).dtype.name]
checks["in1d"] = np.in1d([[1, 2], [3, 4]], [2, 3]).tolist()
checks["reshape_newshape"] = [list(np.reshape(np.arange(6), newshape=(2, 3)).shape),
                              list(np.reshape(np.arange(6), (3, 2)).shape)]
ragged = np.array([[1, 2], [3]])
checks["ragged"] = [ragged.dtype.name, list(ragged.shape), ragged[0], ragged[1]]
pairs = np.array(list(zip([np.arange(5), np.arange(5, 10)], [np.array([0, 1]), np.array([1, 0])])))
checks["ragged_pairs"] = [pairs.dtype.name, list(pairs.shape), pairs[1, 0].tolist(), pairs[1, 1].tolist(),
                          type(pairs) is real.ndarray]
checks["asarray_ragged"] = list(np.asarray([np.zeros(3), np.zeros(2)]).shape)
try:
    np.array([[1, 2], [3]], dtype=float)  # NumPy 1.x raised here too
    checks["ragged_with_dtype"] = "no error"
except ValueError:
    checks["ragged_with_dtype"] = "ValueError"
checks["regular_array"] = [np.array([[1, 2], [3, 4]]).dtype.name, type(np.zeros(2)) is real.ndarray]
checks["size1_conversions"] = [int(np.array([3])), float(np.array([[2.5]])), float(np.array([0.1], dtype=np.float32)),
                               complex(np.array([1 + 2j])).imag, numpy_helper.best_class(np.array([[0.1, 0.7, 0.2]]))]
try:
    int(np.array([1, 2]))  # NumPy 1.x: only size-1 arrays convert
    checks["size2_conversion"] = "no error"
except TypeError:
    checks["size2_conversion"] = "TypeError"
checks["submodules"] = [round(float(np.linalg.norm([3.0, 4.0])), 6), np.random.RandomState(0).randint(100)]
checks["library"] = numpy_library.describe()
print("RESULT " + json.dumps(checks))
