"""Scan TF1 code for the idioms a TF2 port must change: ``python -m migration.scan PATH...``.

    python -m migration.scan legacy_examples/ my_project/train.py notebooks/
    python -m migration.scan src/ --json --fail-on ERROR      # for CI
    python -m migration.scan src/ --target-tf 2.15            # estimator still exists there

Walks .py files and the code cells of .ipynb notebooks (IPython ``%magic``, ``!shell`` and
``obj?`` lines are skipped), parses them with ``ast``, resolves how TensorFlow is bound
(``import tensorflow.compat.v1 as tf``, ``from tensorflow.contrib import rnn``,
``layers = tf.contrib.layers``, ``from tfutil import tf`` of a sibling module, ...) and reports
each TF1 idiom with the TF2 replacement and the worked example ``migration/NAME.py`` to read.
The knowledge is data: ``tf1compat.api.table`` (shared with the runner) and
``migration.scan.rules`` (call shapes such as ``feed_dict=`` and ``tf.nn.dropout(x, 0.5)``);
The 2018 stack's removed names (NumPy 1.x, SciPy 1.1, Pillow 5, scikit-learn 0.19, pandas 0.23, matplotlib 2,
Keras 2.2, h5py 2, Python 3.6's standard library: categories ``numpy``, ``scipy``, ``pillow``, ``sklearn``,
``pandas``, ``matplotlib``, ``keras``, ``h5py``, ``python``) come from the legacy views' tables
(``tf1compat.views.registry``).

Text output: a summary (files, findings per severity and per category, verdict counts),
one line per finding ``path:line:col: SEVERITY: [category] message`` (notebooks:
``path:cell_N:line:col``, N counting code cells from 1; col is 1-based), then one verdict per
file: whether ``python -m tf1compat FILE`` runs it as is, or which names tf1compat cannot
provide. A file that does not parse is a finding of category ``syntax`` (ERROR).

JSON output (``--json``), schema_version 1, keys always present::

    {"schema_version": 1, "tool": "migration.scan",
     "summary": {"target_tf": "2.21", "files_scanned": int, "findings": int,
                 "by_severity": {"ERROR": int, "WARNING": int, "INFO": int},
                 "by_category": {CATEGORY: {"ERROR": int, "WARNING": int, "INFO": int, "total": int}},
                 "verdicts": {"runs_as_is": int, "blocked": int, "no_tf1_idioms": int, "unparsable": int}},
     "findings": [{"path": str, "cell": int|null, "line": int, "col": int, "severity": str,
                   "category": str, "symbol": str, "kind": "compat"|"provided"|"removed"|"syntax",
                   "message": str, "tf2": str|null, "example": str|null}],
     "files": [{"path": str, "findings": int,
                "verdict": "runs_as_is"|"blocked"|"no_tf1_idioms"|"unparsable",
                "runs_under_tf1compat": bool|null, "explanation": str,
                "run_with": str (the tf1compat command; notebooks: also %load_ext / the kernel),
                "blockers": [{"symbol": str, "line": int, "cell": int|null}]}]}

Findings are ordered by path, cell, line, column; categories by count. ``kind`` says what
tf1compat does with the name: ``compat`` runs through tf.compat.v1, ``provided`` by a shim,
``removed`` cannot run (a blocker).

Exit status: 0; 1 with ``--fail-on SEVERITY`` when a finding at or above SEVERITY exists
(ERROR > WARNING > INFO); 2 for usage errors and unusable paths (missing, not .py/.ipynb,
binary, unreadable, a folder without Python files), with one ``ERROR ...`` line on stderr.
"""
import re
import sys

from tf1compat.api.table import SEVERITIES
from tf1compat.cli.usage import UsageError, UsageParser, run_command
from migration.scan import report
from migration.scan.engine import DEFAULT_TARGET, scan_paths
from migration.scan.sources import ScanInputError

FAIL_EXIT = 1
_VERSION = re.compile(r"^2\.\d+$")


def parse_args(argv):
    parser = UsageParser(prog="python -m migration.scan", description="Find the TF1 idioms a TF2 port must change.",
                     allow_abbrev=False)
    parser.add_argument("paths", nargs="*", metavar="PATH", help=".py files, .ipynb notebooks or folders")
    parser.add_argument("--json", action="store_true", help="print the JSON document (schema in the module docs)")
    parser.add_argument("--fail-on", metavar="SEVERITY", help="exit 1 if a finding is at or above SEVERITY "
                        f"({', '.join(SEVERITIES)}); default: exit 0 whatever is found")
    parser.add_argument("--target-tf", default=DEFAULT_TARGET, metavar="VERSION",
                        help=f"the TensorFlow 2.x version to port to (default {DEFAULT_TARGET})")
    parser.add_argument("--verbose", action="store_true", help="show tracebacks of errors")
    options = parser.parse_args(argv)
    if not options.paths:
        raise UsageError("no PATH given; give .py files, .ipynb notebooks or folders, e.g. "
                         "python -m migration.scan legacy_examples/")
    if options.fail_on is not None:
        options.fail_on = options.fail_on.upper()
        if options.fail_on not in SEVERITIES:
            raise UsageError(f"`--fail-on {options.fail_on}`: unknown severity; available: {', '.join(SEVERITIES)}")
    if not _VERSION.match(options.target_tf):
        raise UsageError(f"`--target-tf {options.target_tf}`: not a TensorFlow 2.x version; give MAJOR.MINOR, "
                         f"e.g. {DEFAULT_TARGET}")
    return options


def exit_code(results, fail_on):
    """1 if any finding is at or above ``fail_on`` (a severity, or ``None`` for never), else 0."""
    if fail_on is None:
        return 0
    worst = SEVERITIES.index(fail_on)  # SEVERITIES runs from most to least severe
    failing = any(SEVERITIES.index(f.severity) <= worst for result in results for f in result.findings)
    return FAIL_EXIT if failing else 0


def main(argv=None):
    """Run the command line ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    return run_command(_main, argv, usage_errors=(ScanInputError,))


def _main(argv):
    options = parse_args(argv)
    results = scan_paths(options.paths, options.target_tf)
    render = report.format_json if options.json else report.format_text
    sys.stdout.write(render(results, options.target_tf))
    return exit_code(results, options.fail_on)
