"""A stateful Keras 2.2 LSTM (one sample per batch, state carried across batches, reset after each epoch).

Learns to echo the input it saw `lag` steps earlier; prints the state norms before and after reset_states().
"""
from __future__ import print_function

import numpy as np
import tensorflow as tf
from keras.models import Sequential
from keras.layers import Dense, LSTM
from keras.optimizers import Adam
from keras import backend as K

np.random.seed(7)
tf.set_random_seed(7)  # the graph-level seed: the same initial weights each run
lag, length = 1, 400
model = Sequential()
model.add(LSTM(16, batch_size=1, input_shape=(1, 1), stateful=True))
model.add(Dense(1))
model.compile(loss='mse', optimizer=Adam(lr=0.005, clipnorm=1.0))

x = np.random.randint(0, 2, size=length).astype('float32')
y = np.concatenate([np.zeros(lag, 'float32'), x[:-lag]])
x, y = x.reshape(length, 1, 1), y.reshape(length, 1)
for epoch in range(6):
    model.fit(x, y, batch_size=1, epochs=1, verbose=0, shuffle=False)
    model.reset_states()

predictions = model.predict(x, batch_size=1)[:, 0]
mse = float(np.mean((predictions[lag:] - y[lag:, 0]) ** 2))
print('echo mse after training:', mse, 'baseline (predict the mean):', float(np.var(y[lag:, 0])))

lstm = model.layers[0]
model.predict(x[:5])
states_before = [float(np.abs(K.get_value(state)).sum()) for state in lstm.states]
model.reset_states()
states_after = [float(np.abs(K.get_value(state)).sum()) for state in lstm.states]
print('recurrent_activation:', lstm.get_config()['recurrent_activation'])
print('state abs sums before reset:', states_before)
print('state abs sums after reset:', states_after)
