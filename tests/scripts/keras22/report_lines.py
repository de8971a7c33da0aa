"""A few Keras 2.2 spellings (star-imported, as many 2018 scripts did), then the lines --report prints for them."""
import warnings

from keras.layers import *  # noqa: F401,F403
from keras.models import Sequential
from keras.optimizers import Adam

import tf1compat.views.keras

warnings.simplefilter('ignore')
model = Sequential([Convolution2D(2, 3, 3, border_mode='same', input_shape=(4, 4, 1)), Dense(output_dim=1)])
model.compile(Adam(lr=0.01), 'mse')
model.compile('adadelta', 'mse')
for line in tf1compat.views.keras.report_lines():
    print(line)
