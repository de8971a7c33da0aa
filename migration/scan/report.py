"""The scan's output: per-file verdicts, the text report and the JSON document (schema in migration.scan)."""
import collections
import json
from dataclasses import dataclass

from tf1compat.api.table import SEVERITIES

SCHEMA_VERSION = 1
RUNS_AS_IS, BLOCKED, NO_TF1, UNPARSABLE = "runs_as_is", "blocked", "no_tf1_idioms", "unparsable"


@dataclass(frozen=True)
class Verdict:
    """Whether ``python -m tf1compat`` can run a file unchanged, and why not."""

    status: str  # RUNS_AS_IS | BLOCKED | NO_TF1 | UNPARSABLE
    blockers: tuple  # findings naming what tf1compat cannot provide (or the syntax error)

    @property
    def runs_under_tf1compat(self):
        return None if self.status == UNPARSABLE else self.status != BLOCKED

    def explain(self):
        if self.status == UNPARSABLE:
            return f"not checked: it does not parse ({_where(self.blockers[0])})"
        if self.status == NO_TF1:
            return "no TF1 idioms found"
        if self.status == RUNS_AS_IS:
            return "runs under tf1compat as is"
        names = ", ".join(f"{finding.symbol} ({_where(finding)})" for finding in self.blockers)
        return f"does not run under tf1compat as is: tf1compat cannot provide {names}"


def _where(finding):
    cell = f"cell {finding.cell} " if finding.cell else ""
    return f"{cell}line {finding.line}"


def verdict(result):
    """The ``Verdict`` of one ``scan_engine.FileResult``."""
    syntax = tuple(finding for finding in result.findings if finding.kind == "syntax")
    if syntax:
        return Verdict(UNPARSABLE, syntax)
    blockers, seen = [], set()
    for finding in result.findings:
        if finding.kind == "removed" and finding.symbol not in seen:
            seen.add(finding.symbol)
            blockers.append(finding)
    if blockers:
        return Verdict(BLOCKED, tuple(blockers))
    return Verdict(RUNS_AS_IS if result.findings else NO_TF1, ())


def run_with(path):
    """How to run ``path`` unchanged: the runner, and for a notebook the two ways inside Jupyter too."""
    command = f"python -m tf1compat {path}"
    if path.lower().endswith(".ipynb"):
        return (f"{command} (or, in Jupyter, `%load_ext tf1compat` as its first cell or the `tf1compat` kernel: "
                "python -m tf1compat.kernel install)")
    return command


def _verdict_line(result):
    decided = verdict(result)
    line = f"  {result.path}: {decided.explain()}"
    if decided.runs_under_tf1compat and result.path.lower().endswith(".ipynb"):
        line += f"; run it with {run_with(result.path)}"
    return line


def location(path, finding):
    """``path:line:col`` (``path:cell_N:line:col`` in a notebook, as nbQA writes it)."""
    cell = f":cell_{finding.cell}" if finding.cell else ""
    return f"{path}{cell}:{finding.line}:{finding.col}"


def summary(results, target):
    """The counts both outputs start with."""
    by_severity = collections.Counter()
    by_category = collections.defaultdict(collections.Counter)
    verdicts = collections.Counter()
    for result in results:
        verdicts[verdict(result).status] += 1
        for finding in result.findings:
            by_severity[finding.severity] += 1
            by_category[finding.category][finding.severity] += 1
    return {
        "target_tf": target,
        "files_scanned": len(results),
        "findings": sum(by_severity.values()),
        "by_severity": {severity: by_severity[severity] for severity in SEVERITIES},
        "by_category": {
            category: {**{severity: counts[severity] for severity in SEVERITIES}, "total": sum(counts.values())}
            for category, counts in sorted(by_category.items(), key=lambda item: (-sum(item[1].values()), item[0]))},
        "verdicts": {status: verdicts[status] for status in (RUNS_AS_IS, BLOCKED, NO_TF1, UNPARSABLE)},
    }


def format_text(results, target):
    """The text report: summary, one ``path:line:col: SEVERITY: message`` line per finding, verdicts."""
    counts = summary(results, target)
    severities = ", ".join(f"{number} {severity}" for severity, number in counts["by_severity"].items())
    verdicts = counts["verdicts"]
    lines = [f"migration.scan: {counts['files_scanned']} files scanned for TF1 idioms (target TF {target}): "
             f"{counts['findings']} findings ({severities})"]
    for category, by_severity in counts["by_category"].items():
        detail = ", ".join(f"{by_severity[severity]} {severity}" for severity in SEVERITIES if by_severity[severity])
        lines.append(f"  {category:<12} {by_severity['total']:>4}  ({detail})")
    lines.append(f"  verdicts: {verdicts[RUNS_AS_IS]} run under tf1compat as is, {verdicts[BLOCKED]} do not, "
                 f"{verdicts[NO_TF1]} without TF1 idioms, {verdicts[UNPARSABLE]} do not parse")
    lines.append("")
    for result in results:
        for finding in result.findings:
            lines.append(f"{location(result.path, finding)}: {finding.severity}: [{finding.category}] {finding.message}")
    lines.append("")
    lines.append("Verdicts (python -m tf1compat FILE):")
    lines.extend(_verdict_line(result) for result in results)
    return "\n".join(lines) + "\n"


def _finding_json(path, finding):
    return {"path": path, "cell": finding.cell, "line": finding.line, "col": finding.col,
            "severity": finding.severity, "category": finding.category, "symbol": finding.symbol,
            "kind": finding.kind, "message": finding.message, "tf2": finding.tf2, "example": finding.example}


def _file_json(result):
    decided = verdict(result)
    return {"path": result.path, "findings": len(result.findings), "verdict": decided.status,
            "runs_under_tf1compat": decided.runs_under_tf1compat, "explanation": decided.explain(),
            "run_with": run_with(result.path),
            "blockers": [{"symbol": finding.symbol, "line": finding.line, "cell": finding.cell}
                         for finding in decided.blockers]}


def as_json(results, target):
    """The JSON document (a dict) described in ``migration.scan``'s docstring."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": "migration.scan",
        "summary": summary(results, target),
        "findings": [_finding_json(result.path, finding) for result in results for finding in result.findings],
        "files": [_file_json(result) for result in results],
    }


def format_json(results, target):
    return json.dumps(as_json(results, target), indent=2) + "\n"
