"""Keras 2.2.4's ``keras.utils`` names that tf_keras keeps elsewhere."""
from tf_keras.src.utils.layer_utils import print_summary

__all__ = ["print_summary"]
