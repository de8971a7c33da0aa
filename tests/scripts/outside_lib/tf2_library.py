"""A library outside the legacy script's folder: it must keep seeing the real TensorFlow 2 API."""
import tensorflow as tf


def describe():
    return {"is_real_module": type(tf).__name__ == "module" and tf.__name__ == "tensorflow",
            "has_function": hasattr(tf, "function"), "has_data": hasattr(tf, "data"),
            "has_top_level_placeholder": hasattr(tf, "placeholder"),
            "has_contrib": hasattr(tf, "contrib")}
