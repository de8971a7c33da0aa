"""A Keras 2.2 LeNet on MNIST (standalone Keras on the TensorFlow 1 backend, as written in 2018).

Usage: python lenet.py MNIST_DIR LOG_DIR  (MNIST_DIR holds the four IDX .gz files)
"""
from __future__ import print_function

import gzip
import os
import sys

import numpy as np
import keras
from keras.models import Sequential
from keras.layers import Dense, Dropout, Flatten
from keras.layers import Conv2D, MaxPooling2D
from keras.callbacks import TensorBoard
from keras import backend as K
from tensorflow import set_random_seed

mnist_dir, log_dir = sys.argv[1], sys.argv[2]


def read_idx(name, offset):
    with gzip.open(os.path.join(mnist_dir, name)) as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


x_train = read_idx('train-images-idx3-ubyte.gz', 16).reshape(-1, 28, 28, 1).astype('float32') / 255
y_train = keras.utils.to_categorical(read_idx('train-labels-idx1-ubyte.gz', 8), 10)
x_test = read_idx('t10k-images-idx3-ubyte.gz', 16).reshape(-1, 28, 28, 1).astype('float32') / 255
y_test = keras.utils.to_categorical(read_idx('t10k-labels-idx1-ubyte.gz', 8), 10)
print('x_train shape:', x_train.shape, K.image_data_format())

np.random.seed(1337)
set_random_seed(2)  # the 2018 recipe for reproducible Keras runs on TensorFlow
model = Sequential()
model.add(Conv2D(6, kernel_size=(5, 5), activation='relu', padding='same', input_shape=(28, 28, 1)))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(16, (5, 5), activation='relu'))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(120, activation='relu'))
model.add(Dropout(0.25))
model.add(Dense(84, activation='relu'))
model.add(Dense(10, activation='softmax'))

model.compile(loss=keras.losses.categorical_crossentropy, optimizer=keras.optimizers.Adadelta(),
              metrics=['accuracy'])
history = model.fit(x_train, y_train, batch_size=128, epochs=4, verbose=2, validation_data=(x_test, y_test),
                    callbacks=[TensorBoard(log_dir=log_dir)])
score = model.evaluate(x_test, y_test, verbose=0)
print('Test loss:', score[0])
print('Test accuracy:', score[1])
print('history keys:', sorted(history.history))
print('event files:', len([name for name in os.listdir(log_dir) if name.startswith('events.out.tfevents')]))
