"""Standalone Keras 2.2 features a 2018 script relied on, each checked with assert (prints one `ok` line per check)."""
from __future__ import print_function

import os
import sys
import tempfile
import warnings

import numpy as np
import tensorflow as tf
import keras
from keras import backend as K
from keras.engine.topology import Layer
from keras.layers import Input, Dense, Dropout, Flatten, LSTM, Embedding, BatchNormalization, concatenate
from keras.layers.convolutional import Convolution2D, MaxPooling2D
from keras.layers.merge import Concatenate
from keras.models import Sequential, Model, load_model
from keras.optimizers import SGD, RMSprop
from keras.callbacks import LambdaCallback
from keras.preprocessing.image import ImageDataGenerator

assert keras.__version__.startswith('2.2.4'), keras.__version__
tmp = tempfile.mkdtemp()

# --- K.set_session: Keras builds in the script's graph and runs in its session -----------------------------
graph = tf.Graph()
with graph.as_default():
    sess = tf.Session(graph=graph)
    K.set_session(sess)
    probe = Sequential([Dense(2, input_shape=(3,))])
    assert K.get_session() is sess
    assert probe.layers[0].kernel.graph is graph
    assert sess.run(tf.shape(probe.layers[0].kernel)).tolist() == [3, 2]
print('ok set_session: model variables in the script session graph')


# --- a custom layer (keras.engine.topology.Layer), HDF5 save / load_model(custom_objects) ------------------
class Scale(Layer):
    def __init__(self, output_dim, **kwargs):
        self.output_dim = output_dim
        super(Scale, self).__init__(**kwargs)

    def build(self, input_shape):
        self.kernel = self.add_weight(name='kernel', shape=(input_shape[1], self.output_dim),
                                      initializer='uniform', trainable=True)
        self.gain = self.add_weight((1,), 'gain', initializer='ones')  # Keras 2.0's order: shape, name
        super(Scale, self).build(input_shape)

    def call(self, x):
        return K.dot(x, self.kernel) * self.gain

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.output_dim)

    def get_config(self):
        config = super(Scale, self).get_config()
        config['output_dim'] = self.output_dim
        return config


np.random.seed(0)
x = np.random.rand(64, 4).astype('float32')
y = keras.utils.to_categorical((x.sum(axis=1) > 2).astype('int32'), 2)
model = Sequential([Scale(8, input_shape=(4,)), Dense(2, activation='softmax')])
model.compile(optimizer=SGD(lr=0.05, decay=1e-3, momentum=0.9), loss='categorical_crossentropy', metrics=['acc'])
model.fit(x, y, batch_size=16, epochs=2, verbose=0)
assert abs(K.get_value(model.optimizer.lr) - 0.05) < 1e-7 and abs(K.get_value(model.optimizer.decay) - 1e-3) < 1e-9
path = os.path.join(tmp, 'scale_model')  # no extension: Keras 2.2 wrote HDF5 anyway
model.save(path)
with open(path, 'rb') as f:
    assert f.read(8) == b'\x89HDF\r\n\x1a\n'
restored = load_model(path, custom_objects={'Scale': Scale})
assert isinstance(restored.layers[0], Scale) and isinstance(restored, Sequential)
assert [weight.name.split('/')[-1] for weight in restored.layers[0].weights] == ['kernel:0', 'gain:0']
assert isinstance(restored.layers[0], Layer) and isinstance(restored.layers[1], Layer)
assert np.allclose(restored.predict(x), model.predict(x), atol=1e-6)
assert abs(K.get_value(restored.optimizer.lr) - 0.05) < 1e-7
print('ok custom layer + HDF5 save/load: predictions equal, lr 0.05 decay 0.001 restored')


# --- optimizers: lr and decay as Keras 2.2 applied them (lr / (1 + decay * iterations)) -------------------
def two_sgd_steps(optimizer):
    net = Sequential([Dense(1, use_bias=False, kernel_initializer='zeros', input_shape=(1,))])
    net.compile(optimizer=optimizer, loss='mse')
    for _ in range(2):
        net.train_on_batch(np.ones((1, 1)), np.ones((1, 1)))
    return float(net.get_weights()[0][0, 0]), net


sgd_weight, net = two_sgd_steps(SGD(lr=0.1, decay=1.0))
assert abs(sgd_weight - 0.28) < 1e-6, sgd_weight  # step 1: 0 + 0.1 * 2 = 0.2; step 2: 0.2 + 0.05 * 1.6 = 0.28
w, net = two_sgd_steps(RMSprop(0.002, 0.9, None, 0.0))  # Keras 2.2.4 positional order (lr, rho, epsilon, decay)
assert abs(K.get_value(net.optimizer.lr) - 0.002) < 1e-9 and abs(K.get_value(net.optimizer.rho) - 0.9) < 1e-7
net.compile(optimizer='adadelta', loss='mse')
assert K.get_value(net.optimizer.lr) == 1.0  # Keras 2.2.4's Adadelta default
print('ok optimizers: SGD(lr=0.1, decay=1.0) w after 2 steps %.4f; RMSprop lr 0.002; adadelta lr 1.0' % sgd_weight)


# --- generators: fit_generator with steps_per_epoch, and Keras 1's samples_per_epoch / nb_epoch ------------
def batches(batch_size=8):
    while True:
        index = np.random.randint(0, len(x), batch_size)
        yield x[index], y[index]


steps = []
counter = LambdaCallback(on_batch_end=lambda batch, logs: steps.append(batch))
history = model.fit_generator(batches(), steps_per_epoch=5, epochs=2, verbose=0, callbacks=[counter])
assert len(history.history['loss']) == 2 and len(steps) == 10
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    del steps[:]
    history = model.fit_generator(batches(), samples_per_epoch=4, nb_epoch=3, verbose=0, callbacks=[counter])
assert len(history.history['loss']) == 3 and len(steps) == 12  # a plain generator: 4 "samples" -> 4 steps
messages = [str(warning.message) for warning in caught]
assert any('Update your `fit_generator` call to the Keras 2 API' in m and 'epochs=3' in m for m in messages), messages
flat = Sequential([Flatten(input_shape=(2, 2, 1)), Dense(2, activation='softmax')])
flat.compile('sgd', 'categorical_crossentropy')
del steps[:]
flat.fit_generator(ImageDataGenerator().flow(x[:40].reshape(40, 2, 2, 1), y[:40], batch_size=8),
                   samples_per_epoch=40, nb_epoch=2, verbose=0, callbacks=[counter])
assert len(steps) == 10  # an iterator with batch_size 8: 40 samples -> 5 steps per epoch
loss, accuracy = model.evaluate_generator(batches(), steps=3)
predictions = model.predict_generator(batches(), steps=2)
assert predictions.shape == (16, 2) and 0 <= accuracy <= 1
print('ok generators: steps 10, 12 (samples_per_epoch=4, plain generator), 10 (40 samples, batch 8)')


# --- a functional two-input model: keras.layers.concatenate and merge.Concatenate ---------------------------
left, right = Input(shape=(3,)), Input(shape=(2,))
joined = concatenate([left, right])
both = Concatenate(axis=-1)([Dense(4)(left), Dense(4)(right)])
output = Dense(1, activation='sigmoid')(concatenate([joined, both]))
functional = Model(inputs=[left, right], outputs=output)
assert isinstance(functional, Model) and functional.output_shape == (None, 1)
functional.compile(optimizer='adam', loss='binary_crossentropy')
xa, xb = np.random.rand(32, 3), np.random.rand(32, 2)
functional.fit([xa, xb], (xa.sum(1) > xb.sum(1)).astype('float32'), epochs=1, verbose=0)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    old_style = Model(input=[left, right], output=output)
assert old_style.input_shape == [(None, 3), (None, 2)]
assert 'Update your `Model` call to the Keras 2 API' in str(caught[0].message)
print('ok functional two-input model: output shape', functional.output_shape)


# --- the Keras 1 spellings Keras 2.2 converted, with its warning ---------------------------------------------
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    conv = Convolution2D(32, 3, 3, border_mode='same', subsample=(2, 2), input_shape=(8, 8, 1))
    dense = Dense(output_dim=10, init='glorot_normal')
    drop = Dropout(p=0.3)
    pool = MaxPooling2D(pool_size=(2, 2), border_mode='same', dim_ordering='tf')
    lstm = LSTM(output_dim=8, consume_less='gpu', dropout_W=0.1, dropout_U=0.2)
    norm = BatchNormalization(mode=0, gamma_init='ones')
    embedding = Embedding(10, 4, dropout=0.2)
messages = [str(warning.message) for warning in caught]
config = conv.get_config()
assert config['kernel_size'] == (3, 3) and config['padding'] == 'same' and config['strides'] == (2, 2), config
assert messages[0] == ('Update your `Conv2D` call to the Keras 2 API: '
                       '`Conv2D(32, (3, 3), input_shape=(8, 8, 1), strides=(2, 2), padding="same")`'), messages[0]
assert dense.units == 10 and messages[1] == ('Update your `Dense` call to the Keras 2 API: '
                                             '`Dense(units=10, kernel_initializer="glorot_normal")`')
assert drop.rate == 0.3 and pool.padding == 'same' and pool.data_format == 'channels_last'
assert lstm.units == 8 and lstm.dropout == 0.1 and lstm.recurrent_dropout == 0.2
assert messages[4].endswith('`LSTM(units=8, dropout=0.1, recurrent_dropout=0.2, implementation=2)`'), messages[4]
assert lstm.get_config()['recurrent_activation'] == 'hard_sigmoid'  # Keras 2.2.4's default
assert isinstance(conv, keras.layers.Conv2D) and isinstance(dense, keras.layers.core.Dense)
assert isinstance(norm, BatchNormalization) and embedding.output_dim == 4
assert messages[-1].startswith('The `dropout` argument is no longer support in `Embedding`.'), messages[-1]
assert caught[-1].filename == __file__  # Keras 2.2's warnings point at the script's own line
print('ok Keras 1 spellings:', messages[0])

try:
    from keras.layers import Merge  # noqa: F401
except ImportError as error:
    assert 'keras.layers.concatenate' in str(error), error
    print('ok Merge:', error)
else:
    sys.exit('Merge imported')

# --- predict_classes / predict_proba (Sequential, Keras 2.2.4 semantics) -------------------------------------
softmax = Sequential([Dense(3, activation='softmax', input_shape=(3,))])
softmax.set_weights([np.eye(3, dtype='float32') * 10, np.zeros(3, 'float32')])
samples = np.array([[1, 0, 0], [0, 0, 1], [0, 1, 0], [0.2, 0.1, 0.9]], 'float32')
assert softmax.predict_classes(samples).tolist() == [0, 2, 1, 2]
assert np.allclose(softmax.predict_proba(samples).sum(axis=1), 1, atol=1e-5)
sigmoid = Sequential([Dense(1, activation='sigmoid', input_shape=(1,))])
sigmoid.set_weights([np.ones((1, 1), 'float32') * 5, np.zeros(1, 'float32')])
classes = sigmoid.predict_classes(np.array([[-1.0], [0.3], [2.0], [-0.1]], 'float32'))
assert classes.tolist() == [[0], [1], [1], [0]] and classes.dtype == np.int32
print('ok predict_classes:', [0, 2, 1, 2], classes.ravel().tolist())

# --- Keras 2.2.4's aliases: l2(l=), maxnorm, zero/one/uniform/normal -------------------------------------------
from keras import backend as K, regularizers  # noqa: E402
from keras.constraints import maxnorm, nonneg  # noqa: E402
from keras.initializers import normal, one, uniform, zero  # noqa: E402

w = np.array([[1.0, -2.0], [3.0, 0.5]], 'float32')
penalties = [float(K.eval(regularizers.l2(l=0.1)(w))), float(K.eval(regularizers.l1(0.5)(w))),
             float(K.eval(regularizers.l1_l2(l1=0.5, l2=0.1)(w)))]
assert np.allclose(penalties, [0.1 * 14.25, 0.5 * 6.5, 0.5 * 6.5 + 0.1 * 14.25], atol=1e-6), penalties
capped = K.eval(maxnorm(2.0)(w))  # columns scaled to norm 2: column 0 has norm sqrt(10)
assert np.allclose(capped[:, 0], w[:, 0] * 2 / np.sqrt(10), atol=1e-6)
assert np.allclose(capped[:, 1], w[:, 1] * 2 / np.sqrt(4.25), atol=1e-6)
assert K.eval(nonneg()(w)).tolist() == [[1.0, 0.0], [3.0, 0.5]]
regularized = Sequential([Dense(2, input_dim=2, kernel_initializer=one(), bias_initializer=zero(),
                                kernel_regularizer=regularizers.l2(l=0.1))])
assert regularized.get_weights()[0].tolist() == [[1.0, 1.0], [1.0, 1.0]]
assert abs(float(K.eval(regularized.losses[0])) - 0.4) < 1e-6
assert (uniform().minval, uniform().maxval, normal().stddev) == (-0.05, 0.05, 0.05)
print('ok aliases: l2(l=) l1 l1_l2 maxnorm nonneg zero one uniform normal')

import importlib
import keras.layers.core as core_module
real_keras = importlib.import_module('keras')  # what library code outside the legacy scope gets
assert real_keras.__version__.startswith('3.') and real_keras is not keras and core_module.Dense is Dense
tf_dense = tf.keras.layers.Dense(3)  # the script's tf.keras (TF1's, i.e. tf_keras) works beside the view
assert isinstance(tf_dense, keras.layers.Dense) and tf_dense(tf.zeros([2, 4])).shape.as_list() == [2, 3]
print('ok library code keeps Keras', real_keras.__version__)
print('all keras 2.2 checks passed')
