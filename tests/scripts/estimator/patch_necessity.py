"""Import tensorflow-estimator's TF1 API with one tf1compat.estimator patch left out (run with plain python).

Usage: patch_necessity.py PATCH_NAME|none   prints RESULT {"missing_before": {...}, "applied": [...], "import": "ok"|error}
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
try:
    importlib.import_module("tensorflow_estimator.python.estimator.api._v1.estimator")
    outcome = "ok"
except Exception as error:  # noqa: BLE001  (the test reads the outcome)
    outcome = f"{type(error).__name__}: {error}"
print("RESULT " + json.dumps({"missing_before": missing_before, "applied": applied, "import": outcome,
                              "again": patches.apply_all() if left_out == "none" else None}))
