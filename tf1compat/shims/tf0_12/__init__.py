"""TF 0.12 names TensorFlow 1.0 renamed or reordered, with their 0.12 behaviour (tf1compat.api.tf0_12 lists them)."""
