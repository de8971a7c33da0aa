"""keras.datasets.mnist.load_data() on a machine without network and without the cached file."""
from __future__ import print_function

from keras.datasets import mnist

try:
    (x_train, y_train), (x_test, y_test) = mnist.load_data()
except IOError as error:
    print('load_data failed:', error)
else:
    print('loaded', x_train.shape)
