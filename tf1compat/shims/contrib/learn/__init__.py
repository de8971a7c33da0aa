"""The parts of ``tf.contrib.learn`` that work without Estimators: text preprocessing and CSV dataset loaders."""
