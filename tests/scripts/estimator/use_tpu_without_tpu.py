"""BERT's run_classifier.py shape with --use_tpu=True on a machine without a TPU: must stop at once, exit 1."""
import tensorflow as tf

config = tf.contrib.tpu.RunConfig(model_dir=None, tpu_config=tf.contrib.tpu.TPUConfig(iterations_per_loop=10))
estimator = tf.contrib.tpu.TPUEstimator(model_fn=lambda features, labels, mode, params: None, config=config,
                                        use_tpu=True, train_batch_size=32)
print("RESULT {}")  # never reached
