"""Scan fixture: idiomatic TF2 code; nothing here may be flagged."""
import tensorflow as tf
from tensorflow import keras

tf.random.set_seed(0)
dataset = tf.data.Dataset.from_tensor_slices(tf.zeros([8, 4])).batch(2)
model = keras.Sequential([tf.keras.layers.Dense(2), tf.keras.layers.Dropout(0.5)])
optimizer = tf.keras.optimizers.Adam(1e-3)
checkpoint = tf.train.Checkpoint(model=model, optimizer=optimizer)
manager = tf.train.CheckpointManager(checkpoint, "/tmp/ckpt", max_to_keep=1)
writer = tf.summary.create_file_writer("/tmp/logs")


@tf.function
def train_step(x, step):
    with tf.GradientTape() as tape:
        y = tf.nn.dropout(model(x), rate=0.5)
        loss = tf.reduce_mean(y)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    with writer.as_default():
        tf.summary.scalar("loss", loss, step=step)
    tf.print("loss", loss)
    return loss


for step, batch in enumerate(dataset):
    train_step(batch, tf.constant(step, tf.int64))
manager.save()
print(tf.io.gfile.exists("/tmp/ckpt"))
