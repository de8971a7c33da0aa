"""The model_checkpoint pair's staged check: variables, Adam steps, and predictions after loading the TF1 Saver checkpoint."""
import tempfile


from migration import equivalence
from migration import model_checkpoint as migrated
from migration.checkpoints import infer_mapping, model_variables, restore_tf1_checkpoint
from migration.checkpoints.mapping import VariableSpec
from migration.pairs import PAIRS

SEED = 3
BATCH_SIZE = 50
PROBE_IMAGES = 200
# Predictions of the same float32 weights through the same ops: identical up to rounding.
PREDICTION_ATOL = 1e-6
# Adam divides by sqrt(v): where v is tiny, last-bit differences in a gradient (TF1's fused
# ApplyAdam vs Keras' element-wise update) move a weight by up to ~1e-5 over 10 steps at lr 0.01.
WEIGHTS_ATOL = 5e-5


def check(steps=10):
    """Run the stages against ONE legacy process; return the ``equivalence.Report``.

    The legacy side initialises, trains ``steps`` Adam steps on fixed batches and
    ``save``s with its Saver; then rebuilds the model in a new graph, ``load``s and predicts.
    """
    batches, probe = _data(steps)
    with tempfile.TemporaryDirectory(prefix="model_checkpoint_") as folder:
        trained, restored = equivalence.run_legacy_many(PAIRS["model_checkpoint"].legacy_path, [
            ("train_and_save", (batches, folder), {"seed": SEED}),
            ("restore_and_predict", (folder, probe)),
        ])
        report = equivalence.Report()
        name_map = _compare_variables(report, trained["initial"])
        _compare_training(report, trained, batches, name_map)
        _compare_restored(report, trained["path"], restored, probe)
    return report


def _data(steps):
    # The twin's own reader: the legacy side is fed exactly the arrays the TF2 program reads.
    count = steps * BATCH_SIZE
    images, labels = (array[:count] for array in migrated.load_mnist(migrated.EMBEDDED_MNIST, "train"))
    batches = [(images[i:i + BATCH_SIZE], labels[i:i + BATCH_SIZE]) for i in range(0, count, BATCH_SIZE)]
    return batches, migrated.load_mnist(migrated.EMBEDDED_MNIST, "t10k")[0][:PROBE_IMAGES]


def _compare_variables(report, legacy_values):
    """Stage 1: every legacy variable has one TF2 variable of the same shape; returns the name map."""
    legacy = [VariableSpec(name, value.shape, value.dtype.name) for name, value in legacy_values.items()]
    specs, _, _ = model_variables(migrated.build_model())
    mapping = infer_mapping(legacy, specs)
    report.compare_exact("variable mapping problems (missing, unexpected, mis-shaped)",
                         [], [str(problem) for problem in mapping.problems])
    report.compare_exact("variables: legacy name -> shape (mapped by name)",
                         sorted((spec.name, spec.shape) for spec in legacy),
                         sorted((m.source.name, m.target.shape) for m in mapping.matches))
    return {m.source.name: m.target.name for m in mapping.matches}


def _compare_training(report, trained, batches, name_map):
    """Stage 3: the same initial weights and batches give the same Adam losses and final weights."""
    model = migrated.build_model()
    equivalence.assign_variables(model, trained["initial"], name_map)
    losses = migrated.train(model, migrated.make_optimizer(0.01), batches, len(batches), len(batches) + 1)
    report.compare(f"training losses ({len(batches)} Adam steps, same batches)", trained["losses"], losses)
    variables = {v.name.split(":")[0]: v for v in model.trainable_variables}
    for legacy_name, tf2_name in sorted(name_map.items()):
        report.compare(f"weights after training: {tf2_name}", trained["final"][legacy_name], variables[tf2_name],
                       atol=WEIGHTS_ATOL)


def _compare_restored(report, checkpoint_path, restored, probe):
    """Stage 2: the legacy Saver checkpoint, loaded into a fresh TF2 model, predicts what TF1 predicted."""
    model = migrated.build_model(seed=SEED + 1)
    restore_tf1_checkpoint(model, checkpoint_path)
    report.compare("logits after loading the TF1 checkpoint", restored["logits"], model(probe),
                   atol=PREDICTION_ATOL)
    report.compare("softmax after loading the TF1 checkpoint", restored["probabilities"], model.predict(probe),
                   atol=PREDICTION_ATOL)
