"""``tf.estimator`` for TF1 scripts: tensorflow-estimator 2.15 made to import and run on TensorFlow 2.21.

Nothing here runs until a script touches ``tf.estimator`` (``api_table`` points at
``tf1compat.estimator.api``). ``patches`` puts back the three pieces of TensorFlow the
package imports (``local_training``, ``tpu_stand_ins``); ``api`` then imports its TF1 API
and adds three guards: ``tpu_guard`` (use_tpu=True without a TPU), ``checkpoint_guard``
(another model's checkpoint in model_dir) and ``pandas_strings`` (pandas 3 text columns).
"""
