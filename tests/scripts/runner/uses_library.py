"""TF1 script importing a library from outside its folder tree: the library sees TF2."""
import json

import tensorflow as tf
import tf2_library

print("RESULT " + json.dumps({"script_has_placeholder": hasattr(tf, "placeholder"),
                              "script_has_contrib": "contrib" in dir(tf),
                              "library": tf2_library.describe()}))
