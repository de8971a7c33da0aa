"""The benchmark's result: per-variant median/min/max, per-round ratios vs the issue's targets, as JSON and tables."""
import statistics

from benchmarks.flops import model_flops
from benchmarks.rounds import ratio_per_round
from benchmarks.suites import PEAK_VARIANT, RATIOS, SUITES, VARIANTS


def number(value):
    """Thousands as whole numbers with separators, small values with 3 significant digits."""
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"


def summarise(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "rounds": values}


def build_report(results, header):
    """The JSON document: ``header`` (date, machine, settings) + variants + ratios + targets."""
    report = dict(header, model_flops=model_flops(), variants={}, ratios={}, ratio_rounds={}, targets={})
    peaks = results.get(PEAK_VARIANT)
    for name, rounds in results.items():
        report["variants"][name] = _variant_summary(VARIANTS[name], rounds, peaks)
    for key, ratio in RATIOS.items():
        per_round = _ratio_rounds(ratio, results)
        if per_round:
            report["ratio_rounds"][key] = summarise(per_round)
            report["ratios"][key] = report["ratio_rounds"][key]["median"]
            if ratio.target is not None:
                report["targets"][key] = _target(ratio, report["ratios"][key])
    accuracy = bfloat16_accuracy(report["variants"])
    if accuracy:
        report["bfloat16_accuracy"] = accuracy
    return report


BF16_PAIRS = {"legacy": ("train_input.feed_dict", "train_input.feed_dict_bf16"),
              "migrated": ("train_input.migrated", "train_input.migrated_bf16")}
BF16_ACCURACY_POINTS = 1.5  # the bound on |bfloat16 - float32| test accuracy, in points


def bfloat16_accuracy(variants):
    """Per side, the median test accuracy in float32 and in bfloat16 at the benchmark's step count."""
    result = {}
    for side, (float32, bf16) in BF16_PAIRS.items():
        if float32 in variants and bf16 in variants:
            values = [variants[name]["test_accuracy"]["median"] for name in (float32, bf16)]
            points = 100 * (values[1] - values[0])
            result[side] = {"float32": values[0], "bfloat16": values[1], "points": points,
                            "met": abs(points) <= BF16_ACCURACY_POINTS}
    return result


def _ratio_rounds(ratio, results):
    """The ratio in each round, or ``[]`` when a side was not measured."""
    numerator = results.get(f"{ratio.suite}.{ratio.numerator}")
    metric = ratio.metric or SUITES[ratio.suite].metric
    if ratio.denominator is None:
        return [result[metric] for result in numerator or []]
    denominator = results.get(f"{ratio.suite}.{ratio.denominator}")
    return ratio_per_round(numerator, denominator, metric) if numerator and denominator else []


def _variant_summary(variant, rounds, peaks):
    suite = SUITES[variant.suite]
    summary = {"label": variant.label, "mode": variant.mode, "metric": suite.metric, "unit": suite.unit}
    for metric in (suite.metric,) + suite.extra_metrics:
        values = [result[metric] for result in rounds if metric in result]
        if values:
            summary[metric] = summarise(values)
    if variant.suite == "train_input" and peaks:
        # Each round's throughput against the peak measured in the same round (the load varies).
        flops = model_flops()["training_per_image"]
        summary["share_of_peak"] = summarise([result["images_per_second"] * flops / (peak["peak_gflops"] * 1e9)
                                              for result, peak in zip(rounds, peaks)])
    return summary


def _target(ratio, value):
    met = value <= ratio.target if ratio.at_most else value >= ratio.target
    return {"value": value, "target": ratio.target, "comparison": "<=" if ratio.at_most else ">=",
            "aim": ratio.aim, "met": met}


def format_table(report):
    """The terminal view: one block per suite, then the ratios with their targets."""
    lines = []
    for suite in SUITES.values():
        names = [name for name in report["variants"] if name.startswith(suite.name + ".")]
        if not names:
            continue
        lines.append(f"{suite.name} ({suite.unit}; median, min-max over {report['settings']['rounds']} rounds)")
        for name in names:
            lines.append("  " + _variant_line(report["variants"][name]))
    lines.append("ratios (median of per-round ratios; min-max)")
    for key, value in report["ratios"].items():
        spread = report["ratio_rounds"][key]
        target = report["targets"].get(key)
        verdict = (f"target {target['comparison']} {target['target']:.2f}: {'met' if target['met'] else 'MISSED'}"
                   if target else "")
        lines.append(f"  {key:44} {value:6.2f}  ({spread['min']:.2f}-{spread['max']:.2f})  {verdict}")
    lines += bfloat16_lines(report)
    return "\n".join(lines)


def bfloat16_lines(report):
    """Test accuracy float32 vs bfloat16 per side against the 1.5-point bound, or why bfloat16 was skipped."""
    lines = [f"bfloat16 test accuracy, {side}: float32 {values['float32']:.3f}, bfloat16 {values['bfloat16']:.3f} "
             f"({values['points']:+.1f} points; within {BF16_ACCURACY_POINTS}: {'met' if values['met'] else 'MISSED'})"
             for side, values in report.get("bfloat16_accuracy", {}).items()]
    if "skipped" in report:
        lines.append(f"skipped {', '.join(report['skipped']['variants'])}: {report['skipped']['reason']}")
    return lines


def _variant_line(summary):
    main = summary[summary["metric"]]
    line = f"{summary['label']:42} {number(main['median']):>9}  ({number(main['min'])}-{number(main['max'])})"
    extras = {"median_step_images_per_second": "median step {:.0f}", "images_per_cpu_second": "{:.0f}/CPU-s",
              "first_epoch_images_per_second": "first epoch {:.0f}", "share_of_peak": "{:.1%} of peak",
              "test_accuracy": "test acc {:.3f}", "megabytes_per_second": "{:.1f} MB/s",
              "trace_seconds": "traced before the loop in {:.2f} s"}
    for key, pattern in extras.items():
        if key in summary:
            line += "  " + pattern.format(summary[key]["median"])
    return line


def format_markdown(report):
    """The README table: every variant's median and the ratios against their targets."""
    lines = ["| suite | variant | median | min-max |", "|---|---|---|---|"]
    for name, summary in report["variants"].items():
        main = summary[summary["metric"]]
        lines.append(f"| {name.split('.')[0]} | {summary['label']} | {number(main['median'])} {summary['unit']} "
                     f"| {number(main['min'])}-{number(main['max'])} |")
    lines += ["", "| ratio | median | min-max | target | met |", "|---|---|---|---|---|"]
    for key, value in report["ratios"].items():
        spread, target = report["ratio_rounds"][key], report["targets"].get(key)
        goal = f"{target['comparison']} {target['target']:.2f}" if target else "—"
        met = ("yes" if target["met"] else "**no**") if target else "—"
        lines.append(f"| `{key}` | {value:.2f} | {spread['min']:.2f}-{spread['max']:.2f} | {goal} | {met} |")
    extra = bfloat16_lines(report)
    lines += [""] + extra if extra else []
    return "\n".join(lines)
