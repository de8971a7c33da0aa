"""``python -m tf1compat.api.coverage_page``: write docs/contrib_coverage.md, the status of every TF 1.15 contrib module.

The page is rendered from ``api_table`` alone (no TensorFlow import), so regenerating it after a
table edit is one command; ``--check`` exits 1 when the committed page is stale.
"""
import os
import sys

from tf1compat.api import table as api_table
from tf1compat.cli.usage import CommandError, UsageParser, run_command

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_OUTPUT = os.path.join(REPOSITORY, "docs",
                              "contrib_coverage.md")
REGENERATE = "python -m tf1compat.api.coverage_page"
_STATUS_ORDER = ("provided", "aliased", "partly provided", "removed")


def tf_name(target):
    """``"tensorflow.compat.v1.io:decode_proto"`` -> ``"tf.compat.v1.io.decode_proto"`` (other packages as is)."""
    dotted = target.replace(":", ".")
    return "tf" + dotted[len("tensorflow"):] if dotted.startswith("tensorflow.") else dotted


def _is_alias(entry):
    # A provided name answered by another package's object rather than by a tf1compat shim.
    return entry.kind == "provided" and not entry.shim.startswith("tf1compat.")


def _provided_below(key):
    # Public names only: TF1's implementation paths (contrib.learn.python.learn...) repeat them.
    return sorted(name[len(key) + 1:] for name, entry in api_table.TABLE.items()
                  if name.startswith(key + ".") and entry.kind == "provided" and ".python." not in name)


def module_status(module):
    """``(status, what runs or why not, TF2 replacement)`` of ``tf.contrib.<module>``, or None if it has no entry."""
    key = f"contrib.{module}"
    entry = api_table.TABLE.get(key)
    if entry is None and api_table.is_namespace(key) and f"{key}.*" in api_table.TABLE:
        rest = api_table.TABLE[f"{key}.*"]
        names = ", ".join(f"`{name}`" for name in _provided_below(key))
        return "partly provided", f"provides {names}; the rest: {rest.reason}", rest.tf2
    if entry is None:
        return None
    if _is_alias(entry):
        return "aliased", f"the module `{tf_name(entry.shim)}`", entry.tf2
    if entry.kind == "provided":
        return "provided", f"shim `{entry.shim}`", entry.tf2
    return entry.kind, entry.reason, entry.tf2


def uncovered_modules():
    """The TF 1.15 contrib modules without an ``api_table`` entry (should be none)."""
    return [module for module in api_table.CONTRIB_MODULES if module_status(module) is None]


def render():
    """The Markdown page: a summary line, then one row per contrib module."""
    rows = {module: module_status(module) for module in sorted(api_table.CONTRIB_MODULES)}
    counts = [f"{sum(1 for row in rows.values() if row and row[0] == status)} {status}" for status in _STATUS_ORDER]
    lines = ["# `tf.contrib` coverage (TensorFlow 1.15)", "",
             f"Generated from `tf1compat/api/table.py` by `{REGENERATE}`; do not edit by hand.", "",
             f"{len(rows)} modules: {', '.join(counts)}. A provided or aliased module runs under "
             "`python -m tf1compat` as TF1 wrote it; a removed one raises `UnsupportedTF1APIError` "
             "naming its TF2 replacement.", "",
             "| module | status | what runs / why not | TF2 replacement |", "|---|---|---|---|"]
    for module, row in rows.items():
        status, detail, tf2 = row or ("MISSING", "no api_table entry", "")
        lines.append(f"| `tf.contrib.{module}` | {status} | {_cell(detail)} | {_cell(tf2)} |")
    return "\n".join(lines + implementation_path_lines()) + "\n"


def implementation_path_lines():
    """The page's second table: TF1's implementation module paths and the module serving each."""
    paths = sorted((key, entry) for key, entry in api_table.TABLE.items() if entry.implements)
    lines = ["", "## TF1 implementation module paths", "",
             f"{len(paths)} module paths below `tensorflow.contrib` and `tensorflow.python` that TF1 code imported "
             "directly (`from tensorflow.contrib.rnn.python.ops import rnn_cell`). Each serves the names of the "
             "module in the second column, from the module listed last; a name it lacks raises "
             "`UnsupportedTF1APIError` naming the full path. The `tensorflow.python` modules stay TensorFlow's "
             "own, with tf-keras's classes (those `tf.compat.v1` hands out) in place of the frozen internal "
             "Keras's.", "", "| TF1 module | serves the names of | served by |", "|---|---|---|"]
    lines.extend(f"| `tensorflow.{key}` | `tf.{entry.implements}` | `{entry.shim}` |" for key, entry in paths)
    return lines


def _cell(text):
    return text.replace("|", "\\|")


def main(argv=None):
    """Run the command line ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    return run_command(_main, argv)


def _main(argv):
    parser = UsageParser(prog="python -m tf1compat.api.coverage_page", description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=DEFAULT_OUTPUT, help="where to write the page (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the page differs from the table")
    args = parser.parse_args(argv)
    missing = uncovered_modules()
    if missing:
        raise CommandError(f"`tf.contrib.{missing[0]}` has no api_table entry; add one to tf1compat/api/table.py "
                           f"(missing: {', '.join(missing)})")
    text = render()
    if args.check:
        current = open(args.output, encoding="utf-8").read() if os.path.exists(args.output) else ""
        if current != text:
            raise CommandError(f"`{args.output}` is stale; regenerate it: {REGENERATE}")
        return 0
    with open(args.output, "w", encoding="utf-8") as page:
        page.write(text)
    print(f"wrote {args.output} ({len(api_table.CONTRIB_MODULES)} modules)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
