"""The MNIST tutorial reader (``tensorflow.examples.tutorials.mnist.input_data``) and its parts."""
