"""Equivalence of coordinator_loop: slice_input_producer + batch + Coordinator (TF1) vs tf.data + for loop (TF2)."""
from migration import coordinator_loop as migrated
from migration import equivalence
from migration.checks import batch_streams, model_stages
from migration.pairs import PAIRS
from tf1compat.shims.mnist.input_data import EMBEDDED_DIR, read_data_sets

NUM_EXAMPLES = 300
NUM_TEST = 100
BATCH_SIZE = 64  # 2 epochs x 300 = 9 x 64 + 24: the final batch is short
NUM_EPOCHS = 2
HIDDEN_UNITS = 16
SHUFFLE_SEED = 3


def check(steps=10):
    """Stages: batches (shuffle off, exact), shuffled epochs, variables, inference logits, training losses."""
    pair = PAIRS["coordinator_loop"]
    mnist = read_data_sets(EMBEDDED_DIR, one_hot=True, validation_size=0)
    train_set = (mnist.train.images[:NUM_EXAMPLES], mnist.train.labels[:NUM_EXAMPLES])
    test_set = (mnist.test.images[:NUM_TEST], mnist.test.labels[:NUM_TEST])
    train_epochs = max(NUM_EPOCHS, -(-steps * BATCH_SIZE // NUM_EXAMPLES))
    pipeline = (*train_set, BATCH_SIZE, NUM_EPOCHS)
    ordered, shuffled, threaded, history = equivalence.run_legacy_many(pair.legacy_path, [
        ("read_batches", pipeline, {"shuffle": False, "num_threads": 1}),
        ("read_batches", pipeline, {"shuffle": True, "num_threads": 1, "seed": SHUFFLE_SEED}),
        ("read_batches", pipeline, {"shuffle": True, "num_threads": 2, "seed": SHUFFLE_SEED}),
        ("train", (train_set, test_set), dict(batch_size=BATCH_SIZE, num_epochs=train_epochs, shuffle=False,
                                              num_threads=1, hidden_units=HIDDEN_UNITS, max_steps=steps)),
    ])
    report = equivalence.Report()
    twin_images, twin_labels = (tensor.numpy() for tensor in migrated.mnist_split(EMBEDDED_DIR, "train"))
    for name, legacy, twin in (("images", mnist.train.images, twin_images), ("labels", mnist.train.labels, twin_labels)):
        report.compare(f"MNIST train {name}: the twin's tf.data IDX reader vs TF1's read_data_sets", legacy, twin,
                       rtol=0, atol=0)
    compare_pipelines(report, train_set, ordered, shuffled, threaded)
    compare_model(report, train_set, test_set, history, train_epochs, steps)
    return report


def compare_pipelines(report, train_set, legacy_ordered, legacy_shuffled, legacy_threaded):
    pipeline = (*train_set, BATCH_SIZE, NUM_EPOCHS)
    ordered = [[x.numpy(), y.numpy()] for x, y in migrated.make_dataset(*pipeline, shuffle=False)]
    report.compare_exact("batches, shuffle off (images, labels; short final batch)", legacy_ordered, ordered)
    shuffled = [x.numpy() for x, _ in migrated.make_dataset(*pipeline, shuffle=True, seed=SHUFFLE_SEED)]
    full, rest = divmod(NUM_EXAMPLES * NUM_EPOCHS, BATCH_SIZE)
    expected_sizes = [BATCH_SIZE] * full + [rest] * (rest > 0)
    for side, batches in (("legacy", [x for x, _ in legacy_shuffled]), ("migrated", shuffled)):
        report.compare_exact(f"{side} shuffled: batch sizes", expected_sizes, batch_streams.batch_sizes(batches))
        ids = batch_streams.row_ids(batches, train_set[0])
        batch_streams.compare_shuffled(report, side, ids, NUM_EXAMPLES, NUM_EPOCHS)
    # Two batching threads may swap neighbours across an epoch end: only the totals are exact.
    ids = batch_streams.row_ids([x for x, _ in legacy_threaded], train_set[0])
    report.compare_exact("legacy shuffled, 2 threads: (count, distinct) over all epochs",
                         [(NUM_EXAMPLES * NUM_EPOCHS, NUM_EXAMPLES)],
                         batch_streams.epoch_coverage(ids, NUM_EXAMPLES * NUM_EPOCHS))


def compare_model(report, train_set, test_set, history, train_epochs, steps):
    model = migrated.MLP(HIDDEN_UNITS)
    model_stages.compare_variables_and_logits(report, model, history, test_set[0])
    result = migrated.train(model, train_set, test_set, batch_size=BATCH_SIZE, num_epochs=train_epochs,
                            shuffle=False, max_steps=steps)
    model_stages.compare_training(report, history, result, steps)
