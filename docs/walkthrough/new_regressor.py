"""The same regressor ported to TF2: a Keras model and a tf.function training step."""
import tensorflow as tf


def build_model():
    # Named like the TF1 scopes, so variable paths match the TF1 names: regressor/hidden/kernel, ...
    return tf.keras.Sequential([
        tf.keras.Input(shape=(3,)),
        tf.keras.layers.Dense(16, activation="tanh", name="hidden"),
        tf.keras.layers.Dense(1, name="output"),
    ], name="regressor")


def train(model, x, y, steps=50, learning_rate=0.1):
    """Full-batch SGD, as the TF1 program did; return the loss before each step."""
    optimizer = tf.keras.optimizers.SGD(learning_rate)

    @tf.function
    def step():
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(model(x) - y))
        optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
        return loss

    return [float(step()) for _ in range(steps)]
