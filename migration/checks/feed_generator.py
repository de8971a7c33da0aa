"""Equivalence of feed_generator: batch_iter + feed_dict (TF1) vs tf.data with drop_remainder (TF2)."""
from migration import equivalence
from migration import feed_generator as migrated
from migration.checks import batch_streams, model_stages
from migration.pairs import PAIRS

NUM_EXAMPLES = 100
BATCH_SIZE = 16  # 100 = 6 * 16 + 4: the 4-example tail is dropped every epoch
NUM_EPOCHS = 2
SHUFFLE_SEED = 3


def check(steps=10):
    """Stages: batches (shuffle off, exact), shuffled epochs, variables, inference logits, training losses."""
    pair = PAIRS["feed_generator"]
    train_set = migrated.make_blobs(NUM_EXAMPLES, seed=0)
    test_set = migrated.make_blobs(NUM_EXAMPLES // 5, seed=1)
    per_epoch = NUM_EXAMPLES // BATCH_SIZE
    train_epochs = max(NUM_EPOCHS, -(-steps // per_epoch))
    pipeline = (*train_set, BATCH_SIZE, NUM_EPOCHS)
    ordered, shuffled, history = equivalence.run_legacy_many(pair.legacy_path, [
        ("list_batches", pipeline, {"shuffle": False}),
        ("list_batches", pipeline, {"shuffle": True, "seed": SHUFFLE_SEED}),
        ("train", (train_set, test_set), dict(batch_size=BATCH_SIZE, num_epochs=train_epochs,
                                              shuffle=False, max_steps=steps)),
    ])
    report = equivalence.Report()
    compare_pipelines(report, train_set, ordered, shuffled)
    compare_model(report, train_set, test_set, history, train_epochs, steps)
    return report


def compare_pipelines(report, train_set, legacy_ordered, legacy_shuffled):
    pipeline = (*train_set, BATCH_SIZE, NUM_EPOCHS)
    ordered = [(x.numpy(), y.numpy()) for x, y in migrated.make_dataset(*pipeline, shuffle=False)]
    report.compare_exact("batches, shuffle off (features, labels)", legacy_ordered, ordered)
    shuffled = [x.numpy() for x, _ in migrated.make_dataset(*pipeline, shuffle=True, seed=SHUFFLE_SEED)]
    per_epoch = NUM_EXAMPLES // BATCH_SIZE
    kept = per_epoch * BATCH_SIZE
    for side, batches in (("legacy", [x for x, _ in legacy_shuffled]), ("migrated", shuffled)):
        report.compare_exact(f"{side} shuffled: batch sizes (tail dropped)",
                             [BATCH_SIZE] * (per_epoch * NUM_EPOCHS), batch_streams.batch_sizes(batches))
        ids = batch_streams.row_ids(batches, train_set[0])
        batch_streams.compare_shuffled(report, side, ids, kept, NUM_EPOCHS)


def compare_model(report, train_set, test_set, history, train_epochs, steps):
    model = migrated.SoftmaxRegression(seed=0)
    model_stages.compare_variables_and_logits(report, model, history, test_set[0])
    result = migrated.train(model, train_set, test_set, batch_size=BATCH_SIZE, num_epochs=train_epochs,
                            shuffle=False, max_steps=steps)
    model_stages.compare_training(report, history, result, steps)
