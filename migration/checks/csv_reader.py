"""Equivalence of csv_reader: TextLineReader + decode_csv + batch queues (TF1) vs a tf.data CSV pipeline (TF2)."""
import os
import tempfile

from migration import csv_reader as migrated
from migration import equivalence
from migration.checks import batch_streams, model_stages
from migration.pairs import PAIRS

NUM_ROWS = 100
NUM_TEST_ROWS = 40
BATCH_SIZE = 16  # 2 epochs x 100 rows = 12 x 16 + 8: the final batch is short
NUM_EPOCHS = 2
SHUFFLE_SEED = 3


def check(steps=10):
    """Stages: the CSV written, batches (shuffle off, exact), shuffled epochs, variables, logits, losses."""
    with tempfile.TemporaryDirectory(prefix="csv_reader_check_") as folder:
        return _check_in(folder, steps)


def _check_in(folder, steps):
    pair = PAIRS["csv_reader"]
    train_file, test_file, legacy_copy = (os.path.join(folder, name) for name in ("train.csv", "test.csv", "legacy.csv"))
    migrated.write_sample_csv(train_file, NUM_ROWS, seed=0)
    migrated.write_sample_csv(test_file, NUM_TEST_ROWS, seed=1)
    test_set = migrated.read_table(test_file)
    train_epochs = max(NUM_EPOCHS, -(-steps * BATCH_SIZE // NUM_ROWS))
    reading = ([train_file], BATCH_SIZE)
    _, ordered, shuffled_once, shuffled, legacy_test_set, history = equivalence.run_legacy_many(pair.legacy_path, [
        ("write_sample_csv", (legacy_copy, NUM_ROWS, 0)),
        ("read_batches", reading, {"num_epochs": NUM_EPOCHS, "shuffle": False}),
        ("read_batches", reading, {"num_epochs": 1, "shuffle": True, "seed": SHUFFLE_SEED}),
        ("read_batches", reading, {"num_epochs": NUM_EPOCHS, "shuffle": True, "seed": SHUFFLE_SEED}),
        ("read_table", (test_file,)),
        ("train", (train_file, test_set), dict(batch_size=BATCH_SIZE, num_epochs=train_epochs, shuffle=False,
                                              max_steps=steps)),
    ])
    report = equivalence.Report()
    with open(legacy_copy, "rb") as legacy_csv, open(train_file, "rb") as migrated_csv:
        report.compare_exact("sample CSV bytes", legacy_csv.read(), migrated_csv.read())
    report.compare_exact("decoded test table (features, labels)", list(legacy_test_set), list(test_set))
    train_features = migrated.read_table(train_file)[0]
    compare_pipelines(report, train_file, train_features, ordered, shuffled_once, shuffled)
    compare_model(report, train_file, test_set, history, train_epochs, steps)
    return report


def compare_pipelines(report, train_file, train_features, legacy_ordered, legacy_shuffled_once, legacy_shuffled):
    reading = ([train_file], BATCH_SIZE, NUM_EPOCHS)
    ordered = [[x, y] for x, y in migrated.make_dataset(*reading, shuffle=False).as_numpy_iterator()]
    report.compare_exact("batches, shuffle off (features, labels; short final batch)", legacy_ordered, ordered)
    full, rest = divmod(NUM_ROWS * NUM_EPOCHS, BATCH_SIZE)
    expected_sizes = [BATCH_SIZE] * full + [rest] * (rest > 0)
    shuffled = [x for x, _ in migrated.make_dataset(*reading, shuffle=True, seed=SHUFFLE_SEED).as_numpy_iterator()]
    report.compare_exact("migrated shuffled: batch sizes", expected_sizes, batch_streams.batch_sizes(shuffled))
    batch_streams.compare_shuffled(report, "migrated", batch_streams.row_ids(shuffled, train_features),
                                   NUM_ROWS, NUM_EPOCHS)
    # shuffle_batch draws from a buffer that spans epoch ends: per epoch is exact only for one epoch.
    once = batch_streams.row_ids([x for x, _ in legacy_shuffled_once], train_features)
    report.compare_exact("legacy shuffled, 1 epoch: (count, distinct)", [(NUM_ROWS, NUM_ROWS)],
                         batch_streams.epoch_coverage(once, NUM_ROWS))
    twice = batch_streams.row_ids([x for x, _ in legacy_shuffled], train_features)
    report.compare_exact(f"legacy shuffled, {NUM_EPOCHS} epochs: batch sizes", expected_sizes,
                         batch_streams.batch_sizes(twice))
    report.compare_exact(f"legacy shuffled, {NUM_EPOCHS} epochs: (count, distinct) over all epochs",
                         [(NUM_ROWS * NUM_EPOCHS, NUM_ROWS)], batch_streams.epoch_coverage(twice, NUM_ROWS * NUM_EPOCHS))


def compare_model(report, train_file, test_set, history, train_epochs, steps):
    model = migrated.SoftmaxRegression()
    model_stages.compare_variables_and_logits(report, model, history, test_set[0])
    result = migrated.train(model, train_file, test_set, batch_size=BATCH_SIZE, num_epochs=train_epochs,
                            shuffle=False, max_steps=steps)
    model_stages.compare_training(report, history, result, steps)
