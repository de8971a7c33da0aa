"""Equivalence of distributed_ps: TF1 ps/worker between-graph replication vs ParameterServerStrategy / MWMS."""
from migration import distributed_ps as migrated
from migration import equivalence
from migration.checks.cluster_runs import run_clusters
from migration.pairs import PAIRS

BATCH_SIZE = 50
LEARNING_RATE = 0.1
HIDDEN_UNITS = 16
SEED = 0
# Two workers: SyncReplicasOptimizer aggregates the first two gradients of a step, whoever sent them (one
# worker may send both), and asynchronous steps read parameters others are updating: compared by their
# test loss, within this relative band of the single process (measured: 0.08 % sync, 0.24 % async at 10 steps).
LOSS_BAND = 0.05


def check(steps=10):
    """Stages: one worker (exact losses), two workers synchronous (combined batch), two workers asynchronous."""
    steps = max(steps, 10)
    pair = PAIRS["distributed_ps"]
    flags = ["--train_steps", str(steps), "--batch_size", str(BATCH_SIZE), "--learning_rate", str(LEARNING_RATE),
             "--hidden_units", str(HIDDEN_UNITS), "--seed", str(SEED), "--display_step", "0"]
    legacy, twin = pair.legacy_path, pair.migration_path
    (legacy_one, twin_one, legacy_sync, twin_sync, legacy_async, twin_async) = run_clusters([
        (legacy, "ps=1,worker=1", flags, False), (twin, "chief=1,ps=1,worker=1", flags, True),
        (legacy, "ps=1,worker=2", flags + ["--sync_replicas"], False),
        (twin, "worker=2", flags + ["--sync_replicas"], True),
        (legacy, "ps=1,worker=2", flags, False), (twin, "chief=1,ps=1,worker=2", flags, True)])
    report = equivalence.Report()
    one, two = (reference(steps, workers) for workers in (1, 2))
    compare_one_worker(report, steps, one, legacy_one["worker_0"], twin_one["chief_0"])
    compare_sync(report, steps, two, legacy_sync, twin_sync)
    compare_async(report, steps, one, legacy_async, twin_async["chief_0"])
    return report


def reference(steps, num_workers):
    """The single process: plain eager SGD over the combined batches of num_workers shards."""
    train_set, test_set = migrated.load_mnist("")
    weights = migrated.initial_weights(SEED, HIDDEN_UNITS)
    model, losses, _ = migrated.train_single_process(train_set, weights, steps, BATCH_SIZE, LEARNING_RATE, num_workers)
    return {"losses": losses, "test_loss": float(migrated.loss_and_accuracy(model, *test_set)[0])}


def compare_one_worker(report, steps, single, legacy, twin):
    for side, history in (("TF1 ps=1,worker=1", legacy), ("TF2 ParameterServerStrategy, 1 worker", twin)):
        report.compare(f"one worker, {side}: losses of {steps} steps vs single process", single["losses"],
                       history["losses"])
        report.compare(f"one worker, {side}: test loss vs single process", single["test_loss"], history["test_loss"])


def compare_sync(report, steps, combined, legacy, twin):
    for task in ("worker_0", "worker_1"):
        report.compare(f"two workers, TF2 MultiWorkerMirroredStrategy {task}: losses vs single process over the "
                       "combined batch", combined["losses"], twin[task]["losses"])
    report.compare("two workers, TF1 SyncReplicasOptimizer: global step reached", steps,
                   legacy["worker_0"]["final_global_step"], rtol=0, atol=0)
    report.compare("two workers, TF1 SyncReplicasOptimizer: test loss vs combined batch (band)",
                   combined["test_loss"], legacy["worker_0"]["test_loss"], rtol=LOSS_BAND, atol=0)


def compare_async(report, steps, single, legacy, twin):
    # A TF1 worker checks the step before it trains, and the step it reads races with the other worker's
    # update: each worker may pass the last step once before it sees it (12 of 10 seen once in CI under load).
    report.compare("two workers async, TF1: global step reached (one step of overshoot per worker allowed)", steps,
                   legacy["worker_0"]["final_global_step"], rtol=0, atol=2)
    report.compare("two workers async, TF2 ClusterCoordinator: global step reached", steps,
                   twin["final_global_step"], rtol=0, atol=0)
    for side, loss in (("TF1", legacy["worker_0"]["test_loss"]), ("TF2", twin["test_loss"])):
        report.compare(f"two workers async, {side}: test loss vs single process (band)", single["test_loss"], loss,
                       rtol=LOSS_BAND, atol=0)
