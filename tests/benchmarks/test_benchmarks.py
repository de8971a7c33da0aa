"""benchmarks: the step-time arithmetic, the round plan, the FLOP count, the CLI, and one --quick run's JSON."""
import json
import math
import subprocess
import sys

import pytest

from benchmarks import __main__ as cli
from benchmarks.flops import model_flops
from benchmarks.report import _target, bfloat16_accuracy, summarise
from benchmarks.rounds import BenchmarkError, plan_round, ratio_per_round, run_process
from benchmarks.step_timing import throughput
from benchmarks.suites import RATIOS, SUITES, selected_variants
from tf1compat.session import bfloat16
from tests import paths

ROOT = paths.ROOT
REQUIRED_RATIOS = ("train_vs_feed_dict", "train_vs_fixed_step", "input_vs_queues", "copy_vs_wholefilereader",
                   "copy_vs_python", "startup_vs_hand_edited", "keras_vs_estimator")
BF16_RATIOS = ("legacy_bf16_vs_legacy", "migrated_bf16_vs_legacy_bf16")  # on CPUs with native bfloat16


def test_throughput_splits_first_epoch_from_steady_state():
    # 2 steps per epoch: the first epoch (0.5 s + 0.3 s) is the warm-up, the rest is steady.
    result = throughput([0.5, 0.3, 0.1, 0.1, 0.2], batch_size=10, steps_per_epoch=2)
    assert result["images_per_second"] == pytest.approx(30 / 0.4)
    assert result["first_epoch_images_per_second"] == pytest.approx(20 / 0.8)
    assert (result["steps"], result["seconds"]) == (5, pytest.approx(1.2))


def test_throughput_within_one_epoch_drops_only_the_first_step():
    result = throughput([1.0, 0.25, 0.25], batch_size=4, steps_per_epoch=40)
    assert result["images_per_second"] == pytest.approx(8 / 0.5)
    assert result["first_epoch_images_per_second"] == pytest.approx(12 / 1.5)


def test_rounds_keep_suites_together_alternate_order_and_group_by_tf_mode_when_asked():
    variants = selected_variants(["train_input", "startup"])
    names = [variant.qualified for variant in variants]
    assert names == ["train_input.queues", "train_input.feed_dict", "train_input.migrated", "train_input.fixed_step",
                     "train_input.legacy_fixed_step", "flops.peak", "interleaved.tf2_pipeline_vs_fixed_step",
                     "interleaved.tf1_feed_dict_vs_fixed_step", "startup.runner", "startup.hand_edited"]
    first, second = ([group[0].qualified for group in plan_round(variants, index)] for index in (0, 1))
    assert first == names
    assert second == names[4::-1] + names[5:6] + names[7:5:-1] + names[:7:-1]
    grouped = plan_round(variants, 0, group_by_mode=True)
    assert [[variant.mode for variant in group] for group in grouped] == [["tf1"] * 4, ["tf2"] * 4, ["plain"] * 2]


def test_bf16_variants_only_when_asked_and_their_ratios_have_the_issues_targets():
    bf16 = ["train_input.feed_dict_bf16", "train_input.migrated_bf16", "interleaved.tf1_bf16_vs_float32"]
    assert not set(bf16) & {variant.qualified for variant in selected_variants()}
    assert [variant.qualified for variant in selected_variants(bf16=True) if variant.bf16] == bf16
    assert (RATIOS["legacy_bf16_vs_legacy"].target, RATIOS["migrated_bf16_vs_legacy_bf16"].target) == (1.4, 1.0)


def test_the_twins_ratios_have_the_issues_targets():
    targets = {key: RATIOS[key].target for key in ("keras_vs_estimator", "distributed_async_1_vs_legacy",
                                                   "distributed_async_2_vs_legacy", "distributed_sync_2_vs_legacy")}
    assert targets == {"keras_vs_estimator": 1.0, "distributed_async_1_vs_legacy": 0.9,
                       "distributed_async_2_vs_legacy": 0.9, "distributed_sync_2_vs_legacy": 0.9}
    assert "trace_seconds" in SUITES["distributed"].extra_metrics


def test_bfloat16_accuracy_is_in_points_against_the_bound():
    variants = {name: {"test_accuracy": {"median": value}} for name, value in (
        ("train_input.feed_dict", 0.952), ("train_input.feed_dict_bf16", 0.944),
        ("train_input.migrated", 0.950), ("train_input.migrated_bf16", 0.930))}
    accuracy = bfloat16_accuracy(variants)
    assert accuracy["legacy"]["points"] == pytest.approx(-0.8) and accuracy["legacy"]["met"] is True
    assert accuracy["migrated"]["points"] == pytest.approx(-2.0) and accuracy["migrated"]["met"] is False
    assert bfloat16_accuracy({"train_input.feed_dict": variants["train_input.feed_dict"]}) == {}


def test_model_flops_count_the_cnn_layers():
    flops = model_flops()
    assert flops["conv"] == 2 * 28 * 28 * 32 * 25 == 1_254_400
    assert flops["dense_hidden"] == 2 * 6272 * 500 + 500
    assert flops["training_per_image"] == 3 * flops["forward_per_image"] == 22_685_994


def test_ratios_are_per_round_and_targets_know_their_direction():
    assert ratio_per_round([{"x": 6.0}, {"x": 9.0}], [{"x": 3.0}, {"x": 3.0}], "x") == [2.0, 3.0]
    assert summarise([3.0, 1.0, 2.0]) == {"median": 2.0, "min": 1.0, "max": 3.0, "rounds": [3.0, 1.0, 2.0]}
    assert _target(RATIOS["startup_vs_hand_edited"], 1.04)["met"] is True
    assert _target(RATIOS["startup_vs_hand_edited"], 1.06)["met"] is False
    assert _target(RATIOS["input_vs_queues"], 2.9)["met"] is False


def test_unknown_suite_is_a_one_line_usage_error(capsys):
    assert cli.main(["--only", "nope"]) == 2
    message = capsys.readouterr().err.strip()
    assert message.startswith("ERROR argument --only: invalid choice: 'nope'") and "; available: " in message
    assert "\n" not in message


@pytest.fixture(scope="module")
def quick_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "out.json"
    completed = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--json", str(out)],
                               cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(out.read_text()), completed.stdout


def test_quick_run_reports_every_ratio_with_its_target(quick_report):
    report, table = quick_report
    assert set(REQUIRED_RATIOS) <= set(report["ratios"])
    required = REQUIRED_RATIOS + (BF16_RATIOS if bfloat16.native_flags()[0] else ())
    assert set(report["targets"]) == set(required)
    for key in required:
        assert math.isfinite(report["ratios"][key]) and report["ratios"][key] > 0
        assert report["targets"][key]["value"] == report["ratios"][key]
        assert key in table


def test_quick_run_ratio_is_the_ratio_of_its_variants(quick_report):
    report, _ = quick_report
    variants = report["variants"]
    migrated, legacy = (variants[f"train_input.{name}"]["images_per_second"]["median"]
                        for name in ("migrated", "feed_dict"))
    assert report["ratios"]["train_vs_feed_dict"] == pytest.approx(migrated / legacy, rel=1e-12)
    runner, edited = (variants[f"startup.{name}"]["seconds"]["median"] for name in ("runner", "hand_edited"))
    assert report["ratios"]["startup_vs_hand_edited"] == pytest.approx(runner / edited, rel=1e-12)


def test_quick_run_json_structure(quick_report):
    report, _ = quick_report
    assert report["settings"] == {"rounds": 1, "quick": True, "only": sorted(SUITES), "mixed_precision": False}
    assert set(report["machine"]) >= {"cpu_model", "cores", "tensorflow", "load_average_at_start"}
    assert report["date"][:2] == "20" and report["model_flops"]["training_per_image"] == 22_685_994
    native = bool(bfloat16.native_flags()[0])
    expected = {variant.qualified for variant in selected_variants(bf16=native)}
    assert ("skipped" in report) is not native and (report.get("bfloat16_accuracy", {}).keys() == (
        {"legacy", "migrated"} if native else set()))
    assert set(report["variants"]) == expected
    for name, summary in report["variants"].items():
        main = summary[summary["metric"]]
        assert main["min"] <= main["median"] <= main["max"] and len(main["rounds"]) == 1, name
    for name in ("feed_dict", "queues", "migrated", "fixed_step"):
        train = report["variants"][f"train_input.{name}"]
        assert 0 < train["share_of_peak"]["median"] and 0 <= train["test_accuracy"]["median"] <= 1
        assert train["images_per_cpu_second"]["median"] > 0


def test_output_in_a_missing_folder_is_refused_before_measuring(capsys, tmp_path):
    assert cli.main(["--only", "startup", "--json", str(tmp_path / "missing" / "out.json")]) == 2
    message = capsys.readouterr().err.strip()
    assert message.startswith(f"ERROR `--json {tmp_path / 'missing' / 'out.json'}`: its folder does not exist")


def test_failed_child_is_one_line_naming_the_variant(capsys, tmp_path):
    # A workdir without the prepared inputs: the file-copy child fails to list its JPEGs.
    error = pytest.raises(BenchmarkError, run_process, ["file_copy.python"], str(tmp_path), quick=True).value
    assert str(error).startswith("`file_copy.python`: the benchmark process failed (exit 1): FileNotFoundError")
    assert "\n" not in str(error) and "Traceback" in error.details


def test_cpu_stamps_give_images_per_cpu_second_over_steady_steps_but_the_last():
    # Stamps at each step's start; steady = steps 2.. (epoch of 2); the last interval is 3 -> 5 s.
    result = throughput([1.0] * 5, batch_size=10, steps_per_epoch=2, cpu_stamps=[0.0, 4.0, 5.0, 6.0, 8.0])
    assert result["images_per_cpu_second"] == pytest.approx(10 * 2 / (8.0 - 5.0))
    assert "images_per_cpu_second" not in throughput([1.0, 1.0], 10, 2, cpu_stamps=[0.0, 1.0])


def test_step_profile_sorts_ops_into_kinds_and_counts_overlaps_once():
    from benchmarks import step_profile

    kinds = [step_profile.kind_of(op) for op in ("_MklNativeFusedConv2D", "_MklNativeConv2DBackpropFilter",
                                                  "_MklMatMul", "ResourceApplyAdam", "ApplyAdam",
                                                  "_MklNativeMaxPoolGrad", "ReluGrad")]
    assert kinds == ["conv", "conv", "dense", "adam", "adam", "pool", "other"]
    assert step_profile.OP_EVENT.match("gradients/MatMul_grad/MatMul_1:_MklMatMul").group(1) == "_MklMatMul"
    assert not step_profile.OP_EVENT.match("EagerLocalExecute: __inference_train_step_578")
    assert step_profile.union_length([(0, 4), (2, 6), (8, 9), (8, 8)]) == 7  # [0, 6] and [8, 9]
    flops = step_profile.step_flops(100)
    assert flops["conv"] == 2 * 125_440_000 and flops["dense"] == 3 * 2 * (6272 * 500 + 5000) * 100


@pytest.mark.slow
def test_legacy_lookup_quick_run_measures_every_view_against_its_real_module(tmp_path):
    from benchmarks.legacy_lookup import CASES
    from benchmarks.suites import LEGACY_METRICS

    completed = subprocess.run([sys.executable, "-m", "benchmarks.legacy_lookup", "--variant", "real", "--variant",
                                "views", "--workdir", str(tmp_path), "--quick"],
                               cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    results = {row["variant"]: row["result"] for row in map(json.loads, completed.stdout.splitlines())}
    assert set(results) == {"real", "views"}
    assert set(LEGACY_METRICS) == {f"{package}_ns_per_{kind}" for package in CASES
                                   for kind in ("lookup", "call")} | {"pandas_ns_per_method"}
    for result in results.values():
        assert set(result) == set(LEGACY_METRICS) | {"ns_per_lookup"}
        assert all(math.isfinite(value) and value > 0 for value in result.values())
    for package in CASES:
        ratio = RATIOS[f"legacy_{package}_lookup_vs_real"]
        assert (ratio.suite, ratio.numerator, ratio.denominator) == ("legacy_lookup", "views", "real")
