"""Mixed precision for the migrated ConvNet: bfloat16 compute, float32 weights, loss and optimizer state."""
import types

import tensorflow as tf

from migration import cnn_mnist

WEIGHT_NAMES = ("wc1", "bc1", "wd1", "bd1", "wout", "bout")


class Bfloat16Compute:
    """Wraps a ``cnn_mnist.ConvNet``: its own forward pass run on bfloat16 casts of its float32 variables.

    The gradients flow back through the casts to the float32 variables, so
    ``make_train_step`` and Adam work unchanged; logits come back as float32 so the
    softmax cross-entropy and the accuracy are computed as in the float32 model.
    """

    def __init__(self, model):
        self.model = model
        self.trainable_variables = model.trainable_variables

    def _bfloat16_view(self):
        view = types.SimpleNamespace(**{name: tf.cast(getattr(self.model, name), tf.bfloat16)
                                        for name in WEIGHT_NAMES})
        view.hidden = lambda images: cnn_mnist.ConvNet.hidden(view, images)
        return view

    def __call__(self, images, rate=0.0):
        logits = cnn_mnist.ConvNet.__call__(self._bfloat16_view(), tf.cast(images, tf.bfloat16), rate)
        return tf.cast(logits, tf.float32)

    @tf.function(input_signature=cnn_mnist.BATCH_SIGNATURE)
    def evaluate(self, images, labels):
        """Mean cross-entropy and accuracy without dropout, computed in bfloat16 like training."""
        logits = self(images)
        return cnn_mnist.cross_entropy(logits, labels), cnn_mnist.accuracy(logits, labels)
