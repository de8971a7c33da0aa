"""Train an MNIST classifier on a cluster with tf.distribute (TF2 twin of legacy_examples/distributed_ps.py).

Between-graph replication becomes a strategy: asynchronous training is
`ParameterServerStrategy` driven by a `ClusterCoordinator` (a `chief` task schedules each step
on whichever worker is free; ps and worker tasks are plain `tf.distribute.Server`s), and
`--sync_replicas` is `MultiWorkerMirroredStrategy` (every worker keeps a copy of the
variables and the gradients are all-reduced each step). The cluster comes from TF_CONFIG,
which the launcher sets for every task. Without TF_CONFIG it trains in one process.

    python -m tf1compat --plain --cluster-flags none --cluster chief=1,ps=1,worker=2 migration/distributed_ps.py
    python -m tf1compat --plain --cluster-flags none --cluster worker=2 migration/distributed_ps.py --sync_replicas
    python -m migration.distributed_ps                                  # one process, no cluster
"""
import argparse
import gzip
import json
import os
import sys
import time

import numpy as np
import tensorflow as tf

# Setup
IMAGE_PIXELS = 28 * 28
NUM_CLASSES = 10
# Steps per traced function: TF1 ran one Session.run per step with no Python in between; here one function call
# (a coordinator RPC for ParameterServerStrategy) runs this many steps, so the per-call cost is spread over them.
STEPS_PER_FUNCTION = 20
EMBEDDED_DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tf1compat", "data")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Train on a cluster with tf.distribute (TF2 twin of distributed_ps).")
    parser.add_argument("--data_dir", default="/tmp/mnist_data", help="where the MNIST .gz files are")
    parser.add_argument("--train_steps", type=int, default=200, help="train until the global step reaches this")
    parser.add_argument("--batch_size", type=int, default=100, help="examples per worker step")
    parser.add_argument("--learning_rate", type=float, default=0.1, help="SGD step size")
    parser.add_argument("--hidden_units", type=int, default=32, help="units of the hidden layer")
    parser.add_argument("--sync_replicas", action="store_true",
                        help="all-reduce one gradient per worker per step (MultiWorkerMirroredStrategy)")
    parser.add_argument("--display_step", type=int, default=50, help="print the loss every N steps (0: never)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the initial weights")
    parser.add_argument("--history_dir", default="", help="write the losses and results to DIR/TASK_N.json")
    return parser.parse_args(argv)


# Data
def read_idx(path):
    """An IDX file (gzip): uint8 images [n, 784] or labels [n]."""
    with gzip.open(path, "rb") as handle:
        data = handle.read()
    dimensions = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dimensions)]
    values = np.frombuffer(data, np.uint8, offset=4 + 4 * dimensions)
    return values.reshape(shape[0], -1) if dimensions > 1 else values


def load_mnist(data_dir):
    """(train, test) as float32 images in [0, 1] and one-hot labels, from data_dir or the embedded subset."""
    folder = data_dir if os.path.exists(os.path.join(data_dir, "train-images-idx3-ubyte.gz")) else EMBEDDED_DATA
    sets = []
    for prefix in ("train", "t10k"):
        images = read_idx(os.path.join(folder, f"{prefix}-images-idx3-ubyte.gz"))
        labels = read_idx(os.path.join(folder, f"{prefix}-labels-idx1-ubyte.gz"))
        sets.append((np.multiply(images.astype(np.float32), 1.0 / 255.0),
                     np.eye(NUM_CLASSES, dtype=np.float32)[labels]))
    return sets[0], sets[1]


def shard(train_set, task_index, num_workers):
    """Every num_workers-th example, starting at task_index."""
    return tuple(array[task_index::num_workers] for array in train_set)


def make_dataset(images, labels, batch_size):
    """Consecutive batches in the data's order, wrapping around at the end (repeat before batch)."""
    return tf.data.Dataset.from_tensor_slices((images, labels)).repeat().batch(batch_size)


def combined_batches(train_set, num_workers, batch_size, steps):
    """What a synchronous step sees: the step's batch of every worker's shard, concatenated."""
    streams = [iter(make_dataset(*shard(train_set, task, num_workers), batch_size)) for task in range(num_workers)]
    for _ in range(steps):
        parts = [next(stream) for stream in streams]
        yield tf.concat([x for x, _ in parts], 0), tf.concat([y for _, y in parts], 0)


# Model
def initial_weights(seed, hidden_units):
    """The starting weights, drawn by NumPy so any program can start from the same ones."""
    rng = np.random.RandomState(seed)
    return {"hidden/weights": rng.normal(0.0, 0.1, (IMAGE_PIXELS, hidden_units)).astype(np.float32),
            "hidden/biases": np.zeros(hidden_units, np.float32),
            "softmax/weights": rng.normal(0.0, 0.1, (hidden_units, NUM_CLASSES)).astype(np.float32),
            "softmax/biases": np.zeros(NUM_CLASSES, np.float32)}


class Classifier(tf.Module):
    """ReLU hidden layer -> softmax logits; variables named as in the TF1 graph."""

    def __init__(self, weights, aggregation=tf.VariableAggregation.NONE):
        super().__init__(name=None)
        self.weights = {name: tf.Variable(value, name=name.replace("/", "_"), aggregation=aggregation)
                        for name, value in weights.items()}

    def __call__(self, x):
        w = self.weights
        hidden = tf.nn.relu(tf.matmul(x, w["hidden/weights"]) + w["hidden/biases"])
        return tf.matmul(hidden, w["softmax/weights"]) + w["softmax/biases"]


def loss_and_accuracy(model, x, y):
    logits = model(x)
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=logits))
    accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1), tf.argmax(y, 1)), tf.float32))
    return loss, accuracy


def sgd_step(model, x, y, learning_rate):
    """One gradient-descent step on the batch (TF1's GradientDescentOptimizer: var -= lr * grad)."""
    variables = list(model.weights.values())
    with tf.GradientTape() as tape:
        loss, _ = loss_and_accuracy(model, x, y)
    for variable, gradient in zip(variables, tape.gradient(loss, variables)):
        variable.assign_sub(learning_rate * gradient)
    return loss


# Train
def train_single_process(train_set, weights, steps, batch_size, learning_rate, num_workers=1):
    """Plain eager training over the combined batches of num_workers shards; the model, losses and seconds."""
    model = Classifier(weights)
    step = tf.function(lambda x, y: sgd_step(model, x, y, learning_rate))
    started = time.perf_counter()
    losses = [float(step(x, y)) for x, y in combined_batches(train_set, num_workers, batch_size, steps)]
    return model, losses, time.perf_counter() - started


def chunks(steps, size=STEPS_PER_FUNCTION):
    """Step counts of the scheduled functions: ``size`` each, the remainder last (20, 20, 5 for 45 steps)."""
    return [min(size, steps - start) for start in range(0, steps, size)]


def repeat_steps(step, iterator, count):
    """Run ``step`` on ``count`` batches of ``iterator`` inside one function; the stacked losses (traced)."""
    losses = tf.TensorArray(tf.float32, size=count)
    for index in tf.range(count):
        losses = losses.write(index, step(*next(iterator)))
    return losses.stack()


def trace(train_steps, iterator):
    """Trace ``train_steps`` for ``iterator`` and any chunk size now; the seconds it took.

    TF1 built its graph before its training loop began; tracing is TF2's graph building, so it
    happens here, before the loop's clock starts (it is reported separately as ``trace_seconds``).
    """
    started = time.perf_counter()
    train_steps.get_concrete_function(iterator, tf.TensorSpec([], tf.int32))
    return time.perf_counter() - started


def train_async(resolver, args, train_set):
    """The coordinator (chief) of ParameterServerStrategy: schedule chunks of steps on whichever worker is free."""
    strategy = tf.distribute.experimental.ParameterServerStrategy(resolver)
    coordinator = tf.distribute.coordinator.ClusterCoordinator(strategy)
    with strategy.scope():
        model = Classifier(initial_weights(args.seed, args.hidden_units))
        global_step = tf.Variable(0, dtype=tf.int64, name="global_step")
    iterator = iter(coordinator.create_per_worker_dataset(lambda: make_dataset(*train_set, args.batch_size)))

    @tf.function
    def train_steps(iterator, count):
        # Several steps per scheduled function (as Keras' steps_per_execution does): one round trip from the
        # coordinator per chunk; each step still reads the parameters the ps holds now and updates them there.
        def step(x, y):
            return strategy.run(lambda x, y: sgd_step(model, x, y, args.learning_rate), args=(x, y))
        losses = repeat_steps(step, iterator, count)
        global_step.assign_add(tf.cast(count, tf.int64))
        return losses

    trace_seconds = trace(train_steps, iterator)
    started = time.perf_counter()
    scheduled = [coordinator.schedule(train_steps, args=(iterator, tf.constant(count)))
                 for count in chunks(args.train_steps)]
    coordinator.join()
    seconds = time.perf_counter() - started
    losses = [float(loss) for value in scheduled for loss in value.fetch()]
    return model, {"losses": losses, "final_global_step": int(global_step.numpy()), "train_seconds": seconds,
                   "trace_seconds": trace_seconds}


def train_sync(resolver, args, train_set):
    """A worker of MultiWorkerMirroredStrategy: its shard, gradients all-reduced (mean) every step."""
    strategy = tf.distribute.MultiWorkerMirroredStrategy(cluster_resolver=resolver)
    num_workers = strategy.num_replicas_in_sync
    with strategy.scope():
        # MEAN: each worker's update is averaged across workers, as SyncReplicasOptimizer averaged gradients.
        model = Classifier(initial_weights(args.seed, args.hidden_units), tf.VariableAggregation.MEAN)
    own = shard(train_set, resolver.task_id, num_workers)
    dataset = strategy.distribute_datasets_from_function(lambda context: make_dataset(*own, args.batch_size))
    iterator = iter(dataset)

    @tf.function
    def train_steps(iterator, count):
        def step(x, y):
            loss = strategy.run(lambda x, y: sgd_step(model, x, y, args.learning_rate), args=(x, y))
            return strategy.reduce(tf.distribute.ReduceOp.MEAN, loss, axis=None)
        return repeat_steps(step, iterator, count)

    trace_seconds = trace(train_steps, iterator)
    started = time.perf_counter()
    outputs = [train_steps(iterator, tf.constant(count)) for count in chunks(args.train_steps)]
    losses = [float(loss) for chunk in outputs for loss in chunk.numpy()]  # waits for the last step
    return model, {"losses": losses, "final_global_step": args.train_steps,
                   "train_seconds": time.perf_counter() - started, "trace_seconds": trace_seconds}


def main(argv=None):
    args = parse_args(argv)
    resolver = tf.distribute.cluster_resolver.TFConfigClusterResolver()
    task = (resolver.task_type or "local", resolver.task_id or 0)
    if resolver.cluster_spec().jobs and task[0] in ("ps", "worker") and not args.sync_replicas:
        server = tf.distribute.Server(resolver.cluster_spec(), job_name=task[0], task_index=task[1], protocol="grpc")
        server.join()  # runs what the coordinator schedules until the process is stopped
        return 0
    train_set, test_set = load_mnist(args.data_dir)
    mode = "synchronous" if args.sync_replicas else "asynchronous"
    print(f"{task[0]} {task[1]}: {len(train_set[0])} training examples, {mode} updates")
    if not resolver.cluster_spec().jobs:
        weights = initial_weights(args.seed, args.hidden_units)
        model, losses, train_seconds = train_single_process(train_set, weights, args.train_steps, args.batch_size,
                                                            args.learning_rate)
        history = {"losses": losses, "final_global_step": args.train_steps, "train_seconds": train_seconds}
    elif args.sync_replicas:
        model, history = train_sync(resolver, args, train_set)
    else:
        model, history = train_async(resolver, args, train_set)
    losses = history["losses"]
    shown = range(args.display_step, len(losses) + 1, args.display_step) if args.display_step else ()
    for step in shown:
        print(f"step {step}: minibatch loss {losses[step - 1]:.4f}")
    # Evaluate
    test_loss, test_accuracy = (float(value) for value in loss_and_accuracy(model, *test_set))
    print(f"{task[0]} {task[1]}: {len(losses)} steps, global step {history['final_global_step']}, final minibatch "
          f"loss {losses[-1]:.4f}, {len(losses) * args.batch_size / history['train_seconds']:.0f} examples/s")
    print(f"test loss {test_loss:.4f}, test accuracy {test_accuracy:.4f}")
    history.update(test_loss=test_loss, test_accuracy=test_accuracy)
    if args.history_dir:
        os.makedirs(args.history_dir, exist_ok=True)
        with open(os.path.join(args.history_dir, f"{task[0]}_{task[1]}.json"), "w") as handle:
            json.dump(history, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
