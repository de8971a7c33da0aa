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
    if "train_input.migrated_bfloat16" in results and "train_input.migrated" in results:
        report["mixed_precision"] = {precision: {key: report["variants"][name][key]["median"]
                                                 for key in ("images_per_second", "test_accuracy")}
                                     for precision, name in (("float32", "train_input.migrated"),
                                                             ("bfloat16", "train_input.migrated_bfloat16"))}
    return report


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
    if "mixed_precision" in report:
        lines.append(mixed_precision_line(report))
    return "\n".join(lines)


def mixed_precision_line(report):
    return "mixed precision (migrated trainer): " + "; ".join(
        f"{precision} {number(values['images_per_second'])} images/s, test accuracy {values['test_accuracy']:.3f}"
        for precision, values in report["mixed_precision"].items())


def _variant_line(summary):
    main = summary[summary["metric"]]
    line = f"{summary['label']:42} {number(main['median']):>9}  ({number(main['min'])}-{number(main['max'])})"
    extras = {"median_step_images_per_second": "median step {:.0f}", "images_per_cpu_second": "{:.0f}/CPU-s",
              "first_epoch_images_per_second": "first epoch {:.0f}", "share_of_peak": "{:.1%} of peak",
              "test_accuracy": "test acc {:.3f}", "megabytes_per_second": "{:.1f} MB/s"}
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
    if "mixed_precision" in report:
        lines += ["", mixed_precision_line(report)]
    return "\n".join(lines)
