"""Stand-ins for TF1 modules that TensorFlow 2 removed, loaded through ``api_table``."""
