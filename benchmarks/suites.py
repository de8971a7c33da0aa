"""What ``python -m benchmarks`` measures: suites, their variants and TF modes, the ratios and their targets."""
import dataclasses


@dataclasses.dataclass(frozen=True)
class Variant:
    """One way of doing a suite's job, run in its own process."""

    suite: str
    name: str
    mode: str  # "tf1" (legacy scope: graph mode), "tf2" (eager) or "plain" (no TensorFlow in the child)
    label: str
    bf16: bool = False  # needs native bfloat16: skipped elsewhere unless --mixed-precision forces it

    @property
    def qualified(self):
        return f"{self.suite}.{self.name}"


@dataclasses.dataclass(frozen=True)
class Suite:
    name: str
    metric: str  # the result key ratios are taken of
    unit: str
    lower_is_better: bool
    extra_metrics: tuple  # further result keys summarised over rounds
    variants: tuple
    on_request: bool = False  # run only when named with --only (the distributed suite starts clusters)


@dataclasses.dataclass(frozen=True)
class Ratio:
    """``numerator / denominator`` of the suite's metric within each round; a target if the issue sets one.

    Without a denominator the numerator variant measured a ratio itself (``interleaved``).
    """

    suite: str
    numerator: str
    denominator: str = None
    target: float = None
    at_most: bool = False  # the target is an upper bound (start-up time)
    aim: float = None
    metric: str = None  # default: the suite's metric


PER_CPU_SECOND = "images_per_cpu_second"
TRAIN_METRICS = ("median_step_images_per_second", PER_CPU_SECOND, "first_epoch_images_per_second", "test_accuracy",
                 "process_seconds")
LEGACY_PACKAGES = ("scipy", "pillow", "sklearn", "pandas", "matplotlib")  # benchmarks.legacy_lookup.CASES
LEGACY_METRICS = tuple(f"{package}_ns_per_{kind}" for package in LEGACY_PACKAGES for kind in ("lookup", "call")) + (
    "pandas_ns_per_method",)
SUITES = {suite.name: suite for suite in (
    Suite("train_input", "images_per_second", "images/s", False, TRAIN_METRICS, (
        # In run order: the variants a ratio compares sit next to each other.
        Variant("train_input", "queues", "tf1", "TF1 queue runners + Coordinator"),
        Variant("train_input", "feed_dict_bf16", "tf1", "TF1 feed_dict under tf1compat --bf16", bf16=True),
        Variant("train_input", "feed_dict", "tf1", "TF1 Session + next_batch + feed_dict"),
        Variant("train_input", "migrated", "tf2", "TF2 migration/cnn_mnist.py as shipped"),
        Variant("train_input", "migrated_bf16", "tf2", "TF2 --mixed-precision bfloat16", bf16=True),
        Variant("train_input", "fixed_step", "tf2", "TF2 as shipped, one batch repeated"),
        Variant("train_input", "legacy_fixed_step", "tf1", "TF1 graph, fixed in-memory batch"))),
    Suite("flops", "peak_gflops", "GFLOP/s", False, ("matmul_gflops", "conv_gflops"), (
        Variant("flops", "peak", "tf2", "float32 peak (best of matmul, 3x3 conv)"),)),
    Suite("interleaved", "ratio", "x", False, ("numerator_images_per_second", "denominator_images_per_second"), (
        Variant("interleaved", "tf2_pipeline_vs_fixed_step", "tf2", "TF2 as shipped / its fixed-batch step"),
        Variant("interleaved", "tf1_feed_dict_vs_fixed_step", "tf1", "TF1 feed_dict / its fixed-batch step"),
        Variant("interleaved", "tf1_bf16_vs_float32", "tf1", "TF1 feed_dict, --bf16 / float32", bf16=True))),
    Suite("input_only", "images_per_second", "images/s", False, ("first_epoch_images_per_second",), (
        Variant("input_only", "feed_dict", "tf1", "TF1 next_batch + feed_dict"),
        Variant("input_only", "tf_data", "tf2", "TF2 make_dataset (tf.data)"),
        Variant("input_only", "queues", "tf1", "TF1 queue runners + Coordinator"))),
    Suite("file_copy", "files_per_second", "files/s", False, ("megabytes_per_second", "process_seconds"), (
        Variant("file_copy", "legacy", "tf1", "TF1 WholeFileReader + queue"),
        Variant("file_copy", "migrated", "tf2", "TF2 migration/wholefile_copy.py"),
        Variant("file_copy", "python", "plain", "plain Python shutil.copyfile"))),
    Suite("distributed", "examples_per_second", "examples/s", False,
          ("train_seconds", "trace_seconds", "test_accuracy"), tuple(
        Variant("distributed", name, "plain", label) for name, label in (  # each starts a local cluster
            ("legacy_async_1", "TF1 ps=1,worker=1 (runner)"), ("twin_async_1", "TF2 ParameterServerStrategy, 1 worker"),
            ("legacy_async_2", "TF1 ps=1,worker=2 async"), ("twin_async_2", "TF2 ParameterServerStrategy, 2 workers"),
            ("legacy_sync_2", "TF1 SyncReplicasOptimizer, 2 workers"),
            ("twin_sync_2", "TF2 MultiWorkerMirroredStrategy, 2 workers"))), on_request=True),
    Suite("estimator_train", "images_per_second", "images/s", False, TRAIN_METRICS, (
        Variant("estimator_train", "session", "tf1", "TF1 estimator_mnist model_fn in a Session loop + feed_dict"),
        Variant("estimator_train", "estimator", "tf1", "TF1 legacy_examples/estimator_mnist.py Estimator.train"),
        Variant("estimator_train", "keras", "tf2", "TF2 migration/estimator_mnist.py Model.fit"))),
    Suite("numpy_lookup", "ns_per_lookup", "ns", True, ("ns_per_array_call",), (
        Variant("numpy_lookup", "real", "plain", "np.X look-up, the real numpy module"),
        Variant("numpy_lookup", "legacy_view", "plain", "np.X look-up, the legacy NumPy 1.x view"))),
    Suite("legacy_lookup", "ns_per_lookup", "ns", True, LEGACY_METRICS, (
        Variant("legacy_lookup", "real", "plain", "look-ups and calls on the real SciPy/Pillow/sklearn/pandas/pyplot"),
        Variant("legacy_lookup", "views", "plain", "the same through the legacy views of the 2018 stack"))),
    Suite("startup", "seconds", "s", True, (), (
        Variant("startup", "runner", "plain", "python -m tf1compat trivial.py"),
        Variant("startup", "hand_edited", "plain", "python trivial.py (compat.v1 by hand)"))),
)}
VARIANTS = {variant.qualified: variant for suite in SUITES.values() for variant in suite.variants}
PEAK_VARIANT = "flops.peak"  # measured in every round: the train variants' share of peak uses its round's value

RATIOS = {
    "train_vs_feed_dict": Ratio("train_input", "migrated", "feed_dict", target=1.00, aim=1.10),
    "train_vs_fixed_step": Ratio("train_input", "migrated", "fixed_step", target=0.90),
    "input_vs_queues": Ratio("input_only", "tf_data", "queues", target=3.0),
    "copy_vs_wholefilereader": Ratio("file_copy", "migrated", "legacy", target=1.0),
    "copy_vs_python": Ratio("file_copy", "migrated", "python", target=0.8),
    "startup_vs_hand_edited": Ratio("startup", "runner", "hand_edited", target=1.05, at_most=True),
    # The Estimator path (estimator_mnist): the Keras twin over the legacy Estimator, the Estimator over
    # its own model_fn in a plain Session loop; wall clock and CPU time per image.
    "keras_vs_estimator": Ratio("estimator_train", "keras", "estimator", target=1.0),
    "estimator_vs_session": Ratio("estimator_train", "estimator", "session"),
    "keras_vs_estimator_cpu": Ratio("estimator_train", "keras", "estimator", metric=PER_CPU_SECOND),
    "estimator_vs_session_cpu": Ratio("estimator_train", "estimator", "session", metric=PER_CPU_SECOND),
    # No targets: where the time goes.
    "queues_vs_feed_dict": Ratio("train_input", "queues", "feed_dict"),
    "feed_dict_vs_legacy_fixed_step": Ratio("train_input", "feed_dict", "legacy_fixed_step"),
    "fixed_step_vs_legacy_fixed_step": Ratio("train_input", "fixed_step", "legacy_fixed_step"),
    # bfloat16 (native CPUs only): the legacy program under --bf16, the twin under mixed_bfloat16.
    "legacy_bf16_vs_legacy": Ratio("train_input", "feed_dict_bf16", "feed_dict", target=1.4),
    "migrated_bf16_vs_legacy_bf16": Ratio("train_input", "migrated_bf16", "feed_dict_bf16", target=1.0),
    "migrated_bf16_vs_migrated": Ratio("train_input", "migrated_bf16", "migrated"),
    "legacy_bf16_vs_legacy_interleaved": Ratio("interleaved", "tf1_bf16_vs_float32"),
    "input_vs_feed_dict": Ratio("input_only", "tf_data", "feed_dict"),
    "legacy_numpy_lookup_vs_real": Ratio("numpy_lookup", "legacy_view", "real"),
    "legacy_numpy_array_call_vs_real": Ratio("numpy_lookup", "legacy_view", "real", metric="ns_per_array_call"),
    # Each 2018-stack view against its real module: name look-ups, a call through it, pandas' added method.
    **{f"legacy_{package}_{kind}_vs_real": Ratio("legacy_lookup", "views", "real", metric=f"{package}_ns_per_{kind}")
       for package in LEGACY_PACKAGES for kind in ("lookup", "call")},
    "legacy_pandas_as_matrix_vs_to_numpy": Ratio("legacy_lookup", "views", "real", metric="pandas_ns_per_method"),
    # The same on CPU time per image (all threads): what each side costs, barely moved by other programs.
    "train_vs_feed_dict_cpu": Ratio("train_input", "migrated", "feed_dict", metric=PER_CPU_SECOND),
    "train_vs_fixed_step_cpu": Ratio("train_input", "migrated", "fixed_step", metric=PER_CPU_SECOND),
    "fixed_step_vs_legacy_fixed_step_cpu": Ratio("train_input", "fixed_step", "legacy_fixed_step",
                                                 metric=PER_CPU_SECOND),
    # A local cluster on 2 cores: the runtime's overhead per example, not a speed-up. Each side's training loop
    # (TF1 builds its graph before it, the twin traces its function before it: trace_seconds, reported apart).
    "distributed_async_1_vs_legacy": Ratio("distributed", "twin_async_1", "legacy_async_1", target=0.9),
    "distributed_async_2_vs_legacy": Ratio("distributed", "twin_async_2", "legacy_async_2", target=0.9),
    "distributed_sync_2_vs_legacy": Ratio("distributed", "twin_sync_2", "legacy_sync_2", target=0.9),
    "distributed_legacy_2_vs_1": Ratio("distributed", "legacy_async_2", "legacy_async_1"),
    "legacy_bf16_vs_legacy_cpu": Ratio("train_input", "feed_dict_bf16", "feed_dict", metric=PER_CPU_SECOND),
    "migrated_bf16_vs_legacy_bf16_cpu": Ratio("train_input", "migrated_bf16", "feed_dict_bf16", metric=PER_CPU_SECOND),
    # Both sides alternating inside one process: what the input pipeline costs, unblurred by the load.
    "train_vs_fixed_step_interleaved": Ratio("interleaved", "tf2_pipeline_vs_fixed_step"),
    "feed_dict_vs_legacy_fixed_step_interleaved": Ratio("interleaved", "tf1_feed_dict_vs_fixed_step"),
}


def selected_variants(only=(), bf16=False):
    """The variants of the suites in ``only`` (if empty: all but the on-request ones; train_input brings flops and
    interleaved), in order. The bfloat16 variants come only with ``bf16`` (the caller checks the CPU).
    """
    only = set(only) | ({"flops", "interleaved"} if "train_input" in only else set())
    return [variant for name, suite in SUITES.items() if (name in only if only else not suite.on_request)
            for variant in suite.variants if bf16 or not variant.bf16]
