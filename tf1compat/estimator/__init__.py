"""``tf.estimator`` for TF1 scripts: tensorflow-estimator 2.15 made to import on TensorFlow 2.21.

Nothing here runs until a script touches ``tf.estimator`` (``api_table`` points at
``tf1compat.estimator.api``): ``patches`` adds the three pieces TF 2.21 lacks, then
``api`` imports the package's TF1 API module.
"""
