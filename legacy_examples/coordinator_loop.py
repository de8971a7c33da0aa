"""Train an MNIST classifier from an input queue until it runs dry: the TF1 Coordinator loop.

The 2017-era queue pipeline: `tf.train.slice_input_producer` slices the in-memory
images and labels (shuffled every epoch, `num_epochs` times), `tf.train.batch`
assembles batches in background threads started by `tf.train.start_queue_runners`,
and the training loop runs until the queue raises `OutOfRangeError`; a
`tf.train.Coordinator` stops and joins the threads.

    python -m tf1compat legacy_examples/coordinator_loop.py
    python -m tf1compat legacy_examples/coordinator_loop.py --num-epochs 1 --no-shuffle --num-threads 1
"""
import argparse
import sys

import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

# Setup
IMAGE_PIXELS = 784
NUM_CLASSES = 10


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Train on MNIST from a TF1 input queue with a Coordinator.")
    parser.add_argument("--data-dir", default="MNIST_data/", help="where the MNIST .gz files are (default MNIST_data/)")
    parser.add_argument("--batch-size", type=int, default=128, help="examples per batch (default 128)")
    parser.add_argument("--num-epochs", type=int, default=2, help="passes over the training set (default 2)")
    parser.add_argument("--num-threads", type=int, default=2, help="threads filling the batch queue (default 2)")
    parser.add_argument("--hidden-units", type=int, default=64, help="width of the hidden layer (default 64)")
    parser.add_argument("--learning-rate", type=float, default=0.5, help="SGD step size (default 0.5)")
    parser.add_argument("--no-shuffle", dest="shuffle", action="store_false", help="keep the data order")
    parser.add_argument("--display-step", type=int, default=10, help="print the loss every N steps")
    parser.add_argument("--seed", type=int, default=0, help="seed of the shuffle and the weights")
    return parser.parse_args(argv)


# Data
def input_pipeline(images, labels, batch_size, num_epochs, shuffle=True, num_threads=2, seed=None):
    """Queue-fed (image_batch, label_batch); the final batch of the last epoch may be smaller."""
    image, label = tf.train.slice_input_producer([images, labels], num_epochs=num_epochs, shuffle=shuffle,
                                                 seed=seed, capacity=4 * batch_size)
    return tf.train.batch([image, label], batch_size, num_threads=num_threads, capacity=4 * batch_size,
                          allow_smaller_final_batch=True)


def run_queue_loop(sess, step):
    """Call step() until the input queue is exhausted or step() returns False; always stop the threads."""
    coord = tf.train.Coordinator()
    threads = tf.train.start_queue_runners(sess=sess, coord=coord)
    try:
        while not coord.should_stop():
            if step() is False:
                break
    except tf.errors.OutOfRangeError:
        pass  # the queue is closed and empty: num_epochs are done
    finally:
        coord.request_stop()
    coord.join(threads)  # re-raises an error a queue-runner thread met


def read_batches(images, labels, batch_size, num_epochs, shuffle=True, num_threads=2, seed=None):
    """Every (images, labels) batch the queue yields, in order."""
    tf.reset_default_graph()
    image_batch, label_batch = input_pipeline(images, labels, batch_size, num_epochs, shuffle, num_threads, seed)
    batches = []
    with tf.Session() as sess:
        sess.run(tf.local_variables_initializer())  # num_epochs counts in a local variable
        run_queue_loop(sess, lambda: batches.append(sess.run([image_batch, label_batch])))
    return batches


# Model
def dense(inputs, units, scope, activation=None):
    with tf.variable_scope(scope):
        fan_in = int(inputs.shape[1])
        weights = tf.Variable(tf.truncated_normal([fan_in, units], stddev=0.1), name="weights")
        biases = tf.Variable(tf.zeros([units]), name="biases")
        outputs = tf.matmul(inputs, weights) + biases
    return activation(outputs) if activation else outputs


def build_model(images, labels, hidden_units, learning_rate):
    """A one-hidden-layer MLP on the batch tensors; returns the graph's handles in a dict."""
    hidden = dense(images, hidden_units, "hidden", tf.nn.relu)
    logits = dense(hidden, NUM_CLASSES, "softmax")
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=labels, logits=logits))
    correct = tf.equal(tf.argmax(logits, 1), tf.argmax(labels, 1))
    accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))
    train_op = tf.train.GradientDescentOptimizer(learning_rate).minimize(loss)
    return {"logits": logits, "loss": loss, "accuracy": accuracy, "train_op": train_op}


# Train
def train(train_set, test_set, batch_size=128, num_epochs=2, shuffle=True, num_threads=2, hidden_units=64,
          learning_rate=0.5, seed=0, display_step=0, max_steps=None):
    """Train until the queue runs dry; return initial weights and logits, losses, batch sizes, test accuracy."""
    tf.reset_default_graph()
    tf.set_random_seed(seed)
    image_batch, label_batch = input_pipeline(*train_set, batch_size, num_epochs, shuffle, num_threads, seed)
    model = build_model(image_batch, label_batch, hidden_units, learning_rate)
    # A dequeued tensor can be fed like a placeholder: that is how the test set bypasses the queue.
    test_feed = {image_batch: test_set[0], label_batch: test_set[1]}
    history = {"losses": [], "batch_sizes": []}
    with tf.Session() as sess:
        sess.run([tf.global_variables_initializer(), tf.local_variables_initializer()])
        history["initial_variables"] = export_weights(sess)
        history["initial_logits"] = sess.run(model["logits"], {image_batch: test_set[0]})

        def step():
            _, loss, accuracy, batch = sess.run([model["train_op"], model["loss"], model["accuracy"], label_batch])
            history["losses"].append(loss)
            history["batch_sizes"].append(len(batch))
            count = len(history["losses"])
            if display_step and count % display_step == 0:
                print(f"step {count}: minibatch loss {loss:.4f}, training accuracy {accuracy:.3f}")
            return not (max_steps and count >= max_steps)

        run_queue_loop(sess, step)
        # Evaluate
        history["test_accuracy"] = sess.run(model["accuracy"], test_feed)
    return history


def export_weights(sess):
    """The trainable variables by name (without ':0')."""
    variables = tf.trainable_variables()
    return {variable.op.name: value for variable, value in zip(variables, sess.run(variables))}


def main(argv=None):
    args = parse_args(argv)
    mnist = input_data.read_data_sets(args.data_dir, one_hot=True, validation_size=0)
    train_set = (mnist.train.images, mnist.train.labels)
    test_set = (mnist.test.images, mnist.test.labels)
    print(f"{len(train_set[0])} training and {len(test_set[0])} test images, batches of {args.batch_size}, "
          f"{args.num_epochs} epochs, {args.num_threads} queue threads")
    history = train(train_set, test_set, args.batch_size, args.num_epochs, args.shuffle, args.num_threads,
                    args.hidden_units, args.learning_rate, args.seed, args.display_step)
    print(f"trained {len(history['losses'])} steps, final batch of {history['batch_sizes'][-1]} examples, "
          f"final minibatch loss {history['losses'][-1]:.4f}")
    print(f"test accuracy {history['test_accuracy']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
