"""Model checkpoint (TF1): the "Model base class" pattern, an MLP on MNIST saved and reloaded with tf.train.Saver.

The structure many 2017-2019 research repositories shared (GCN-style code): a ``Model``
base class whose ``**kwargs`` may only be ``name`` and ``logging``, layers built inside
``tf.variable_scope(self.name)``, a ``layers`` list applied in sequence into
``activations``, ``vars`` gathered from the GLOBAL_VARIABLES collection, ``_loss`` /
``_accuracy`` / ``opt_op``, and ``save`` / ``load`` with ``tf.train.Saver(self.vars)`` to
``tmp/NAME.ckpt``. Trains briefly, saves, rebuilds the model in a new graph, restores
the checkpoint and evaluates.

    python -m tf1compat legacy_examples/model_checkpoint.py --steps 200
"""
import argparse
import collections
import os
import sys
import time

import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data


# Setup
def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Train an MLP (Model base class), save it, reload it.")
    parser.add_argument("--steps", type=int, default=200, help="training iterations (default 200)")
    parser.add_argument("--batch-size", type=int, default=100, help="images per iteration (default 100)")
    parser.add_argument("--display-step", type=int, default=50, help="print metrics every N steps (default 50)")
    parser.add_argument("--hidden", type=int, default=64, help="hidden units (default 64)")
    parser.add_argument("--learning-rate", type=float, default=0.01, help="Adam learning rate (default 0.01)")
    parser.add_argument("--weight-decay", type=float, default=5e-4, help="L2 on the first layer (default 5e-4)")
    parser.add_argument("--data-dir", default="MNIST_data/", help="where the MNIST .gz files are (default MNIST_data/)")
    parser.add_argument("--checkpoint-dir", default="tmp", help="folder for NAME.ckpt (default tmp/)")
    parser.add_argument("--seed", type=int, default=0, help="graph-level random seed (default 0)")
    return parser.parse_args(argv)


# Model
_LAYER_UIDS = collections.defaultdict(lambda: collections.defaultdict(int))


def get_layer_uid(layer_name=""):
    """Numbers layers of one kind: dense_1, dense_2, ... (per graph, so a rebuilt model gets the same names)."""
    uids = _LAYER_UIDS[tf.get_default_graph()]
    uids[layer_name] += 1
    return uids[layer_name]


class Layer(object):
    """Base layer: a name, a ``vars`` dict, ``__call__`` wraps ``_call`` in a name scope."""

    def __init__(self, **kwargs):
        allowed_kwargs = {"name", "logging"}
        for kwarg in kwargs.keys():
            assert kwarg in allowed_kwargs, "Invalid keyword argument: " + kwarg
        name = kwargs.get("name")
        if not name:
            layer = self.__class__.__name__.lower()
            name = layer + "_" + str(get_layer_uid(layer))
        self.name = name
        self.vars = {}
        self.logging = kwargs.get("logging", False)

    def _call(self, inputs):
        return inputs

    def __call__(self, inputs):
        with tf.name_scope(self.name):
            if self.logging:
                tf.summary.histogram(self.name + "/inputs", inputs)
            outputs = self._call(inputs)
            if self.logging:
                tf.summary.histogram(self.name + "/outputs", outputs)
            return outputs


class Dense(Layer):
    """Fully connected layer: act(inputs . weights + bias)."""

    def __init__(self, input_dim, output_dim, act=tf.nn.relu, bias=True, **kwargs):
        super(Dense, self).__init__(**kwargs)
        self.act = act
        self.bias = bias
        with tf.variable_scope(self.name + "_vars"):
            self.vars["weights"] = tf.get_variable("weights", [input_dim, output_dim],
                                                   initializer=tf.glorot_uniform_initializer())
            if self.bias:
                self.vars["bias"] = tf.get_variable("bias", [output_dim], initializer=tf.zeros_initializer())

    def _call(self, inputs):
        output = tf.matmul(inputs, self.vars["weights"])
        if self.bias:
            output += self.vars["bias"]
        return self.act(output)


class Model(object):
    """Base model: subclasses fill ``layers`` in ``_build`` and define ``_loss`` and ``_accuracy``."""

    def __init__(self, **kwargs):
        allowed_kwargs = {"name", "logging"}
        for kwarg in kwargs.keys():
            assert kwarg in allowed_kwargs, "Invalid keyword argument: " + kwarg
        name = kwargs.get("name")
        if not name:
            name = self.__class__.__name__.lower()
        self.name = name
        self.logging = kwargs.get("logging", False)
        self.vars = {}
        self.layers = []
        self.activations = []
        self.inputs = None
        self.outputs = None
        self.loss = 0
        self.accuracy = 0
        self.optimizer = None
        self.opt_op = None

    def _build(self):
        raise NotImplementedError

    def build(self):
        """Wrapper for _build()"""
        with tf.variable_scope(self.name):
            self._build()

        # Build sequential layer model
        self.activations.append(self.inputs)
        for layer in self.layers:
            hidden = layer(self.activations[-1])
            self.activations.append(hidden)
        self.outputs = self.activations[-1]

        # Store model variables for easy access
        variables = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope=self.name)
        self.vars = {var.name: var for var in variables}

        # Build metrics
        self._loss()
        self._accuracy()

        self.opt_op = self.optimizer.minimize(self.loss)

    def predict(self):
        return tf.nn.softmax(self.outputs)

    def _loss(self):
        raise NotImplementedError

    def _accuracy(self):
        raise NotImplementedError

    def save(self, sess=None, folder="tmp"):
        if not sess:
            raise AttributeError("TensorFlow session not provided.")
        if not os.path.exists(folder):
            os.makedirs(folder)
        saver = tf.train.Saver(self.vars)
        save_path = saver.save(sess, "%s/%s.ckpt" % (folder, self.name))
        print("Model saved in file: %s" % save_path)
        return save_path

    def load(self, sess=None, folder="tmp"):
        if not sess:
            raise AttributeError("TensorFlow session not provided.")
        saver = tf.train.Saver(self.vars)
        save_path = "%s/%s.ckpt" % (folder, self.name)
        saver.restore(sess, save_path)
        print("Model restored from file: %s" % save_path)


class MLP(Model):
    """784 -> hidden ReLU -> 10, softmax cross-entropy plus weight decay on the first layer, Adam."""

    def __init__(self, placeholders, input_dim, hidden_dim, learning_rate, weight_decay, **kwargs):
        super(MLP, self).__init__(**kwargs)
        self.inputs = placeholders["features"]
        self.input_dim = input_dim
        self.hidden_dim = hidden_dim
        self.output_dim = placeholders["labels"].get_shape().as_list()[1]
        self.placeholders = placeholders
        self.weight_decay = weight_decay
        self.optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate)
        self.build()

    def _loss(self):
        # Weight decay loss
        for var in self.layers[0].vars.values():
            self.loss += self.weight_decay * tf.nn.l2_loss(var)
        # Cross entropy error
        self.loss += tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(
            labels=self.placeholders["labels"], logits=self.outputs))

    def _accuracy(self):
        correct_prediction = tf.equal(tf.argmax(self.outputs, 1), tf.argmax(self.placeholders["labels"], 1))
        self.accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))

    def _build(self):
        self.layers.append(Dense(input_dim=self.input_dim, output_dim=self.hidden_dim, act=tf.nn.relu,
                                 logging=self.logging))
        self.layers.append(Dense(input_dim=self.hidden_dim, output_dim=self.output_dim, act=lambda x: x,
                                 logging=self.logging))


def build_model(hidden=64, learning_rate=0.01, weight_decay=5e-4):
    """Placeholders and the MLP in the default graph."""
    placeholders = {
        "features": tf.placeholder(tf.float32, shape=(None, 784)),
        "labels": tf.placeholder(tf.float32, shape=(None, 10)),
    }
    model = MLP(placeholders, input_dim=784, hidden_dim=hidden, learning_rate=learning_rate,
                weight_decay=weight_decay, name="mlp")
    return model, placeholders


# Train
def train(sess, model, placeholders, next_batch, steps, display_step):
    """Run ``steps`` Adam steps on ``next_batch()``; return the loss of each step."""
    losses = []
    for step in range(steps):
        features, labels = next_batch()
        feed_dict = {placeholders["features"]: features, placeholders["labels"]: labels}
        outs = sess.run([model.opt_op, model.loss, model.accuracy], feed_dict=feed_dict)
        losses.append(outs[1])
        if (step + 1) % display_step == 0 or step == 0:
            print("Step:", "%04d" % (step + 1), "train_loss=", "{:.5f}".format(outs[1]),
                  "train_acc=", "{:.5f}".format(outs[2]))
    return losses


# Evaluate
def evaluate(sess, model, placeholders, features, labels):
    feed_dict = {placeholders["features"]: features, placeholders["labels"]: labels}
    return sess.run([model.loss, model.accuracy], feed_dict=feed_dict)


def main(argv=None):
    flags = parse_args(argv)
    mnist = input_data.read_data_sets(flags.data_dir, one_hot=True, validation_size=0, seed=flags.seed)
    t = time.time()
    with tf.Graph().as_default():
        tf.set_random_seed(flags.seed)
        model, placeholders = build_model(flags.hidden, flags.learning_rate, flags.weight_decay)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            train(sess, model, placeholders, lambda: mnist.train.next_batch(flags.batch_size),
                  flags.steps, flags.display_step)
            print("Optimization Finished!")
            model.save(sess, flags.checkpoint_dir)

    # A new graph and session: the weights come only from the checkpoint.
    with tf.Graph().as_default():
        model, placeholders = build_model(flags.hidden, flags.learning_rate, flags.weight_decay)
        with tf.Session() as sess:
            model.load(sess, flags.checkpoint_dir)
            cost, acc = evaluate(sess, model, placeholders, mnist.test.images, mnist.test.labels)
    print("Test set results:", "cost=", "{:.5f}".format(cost), "accuracy=", "{:.5f}".format(acc),
          "time=", "{:.5f}".format(time.time() - t))
    return 0


# Reuse: the equivalence check (migration/checks/model_checkpoint.py) calls these.
def train_and_save(batches, folder, seed=0, hidden=64, learning_rate=0.01, weight_decay=5e-4):
    """Initialise with graph seed ``seed``, train on ``[(features, labels), ...]``, ``save`` to ``folder``.

    Returns ``{"initial": {name: array}, "losses": array, "path": checkpoint path, "final": {name: array}}``.
    """
    with tf.Graph().as_default():
        tf.set_random_seed(seed)
        model, placeholders = build_model(hidden, learning_rate, weight_decay)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            initial = sess.run(model.vars)
            batch_iter = iter(batches)
            losses = train(sess, model, placeholders, lambda: next(batch_iter), len(batches), len(batches))
            return {"initial": initial, "losses": np.array(losses, dtype=np.float32),
                    "path": model.save(sess, folder), "final": sess.run(model.vars)}


def restore_and_predict(folder, features, hidden=64):
    """Rebuild the model in a new graph, ``load`` it from ``folder``; its logits and softmax for ``features``."""
    with tf.Graph().as_default():
        model, placeholders = build_model(hidden)
        with tf.Session() as sess:
            model.load(sess, folder)
            logits, probabilities = sess.run([model.outputs, model.predict()],
                                             feed_dict={placeholders["features"]: features})
            return {"logits": logits, "probabilities": probabilities}


if __name__ == "__main__":
    sys.exit(main())
