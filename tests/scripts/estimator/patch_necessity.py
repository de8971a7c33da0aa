"""Import tensorflow-estimator's TF1 API with one tf1compat.estimator patch left out (run with plain python).

Usage: patch_necessity.py PATCH_NAME   prints RESULT {"missing_before", "applied", "import": "ok"|error,
"then": the import once the left-out patch is applied too, "again": what a second apply_all changes}
"""
import importlib.util
import json
import sys

from tensorflow.python.util import tf_export

from tf1compat.estimator import patches

left_out = sys.argv[1]
missing_before = {
    "add_estimator_api_name": not hasattr(tf_export, "ESTIMATOR_API_NAME"),
    "add_estimator_training_module": importlib.util.find_spec("tensorflow.python.distribute.estimator_training") is None,
    "add_tpu_modules": all(importlib.util.find_spec(f"tensorflow.python.tpu.{name}") is None
                           for name in ("tpu_embedding", "session_support", "tpu_embedding_gradient")),
}
applied = [patch.__name__ for patch in patches.PATCHES if patch.__name__ != left_out and patch()]


def import_outcome():
    try:
        importlib.import_module("tensorflow_estimator.python.estimator.api._v1.estimator")
        return "ok"
    except Exception as error:  # noqa: BLE001  (the test reads the outcome)
        return f"{type(error).__name__}: {error}"


outcome = import_outcome()
for name in [name for name in sys.modules if name.startswith("tensorflow_estimator")]:
    del sys.modules[name]  # a failed import leaves half-initialised modules behind
then = [patch.__name__ for patch in patches.PATCHES if patch()]
print("RESULT " + json.dumps({"missing_before": missing_before, "applied": applied, "import": outcome,
                              "then": [then, import_outcome()], "again": patches.apply_all()}))
