"""``python -m tf1compat -m numpy_package`` (or the folder): NumPy 1.x idioms in a package's __main__."""
import json

import numpy as np

print("RESULT " + json.dumps({"int": int(np.array([[4]])), "np_int": np.int is int,
                              "shape": list(np.reshape(np.arange(4), newshape=(2, 2)).shape)}))
