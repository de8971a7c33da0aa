"""``python -m benchmarks``: the legacy TF1 programs vs their TF2 rewrites, side by side, ratios within rounds.

    python -m benchmarks                       # every suite, 3 rounds (about 10 minutes on 2 busy cores)
    python -m benchmarks --quick --json out.json
    python -m benchmarks --only train_input --rounds 3 --mixed-precision
"""
import importlib
import json
import os
import sys
import tempfile
import time

from benchmarks import machine
from benchmarks.report import build_report, format_markdown, format_table
from benchmarks.rounds import BenchmarkError, run_rounds
from benchmarks.suites import SUITES, selected_variants
from tf1compat.session import bfloat16
from tf1compat.cli.usage import UsageParser, run_command

FULL_ROUNDS = 3


def parse_args(argv=None):
    parser = UsageParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, 1 round, shared processes (smoke test)")
    parser.add_argument("--json", metavar="FILE", help="also write the full result as JSON")
    parser.add_argument("--markdown", metavar="FILE", help="also write the README tables (Markdown)")
    parser.add_argument("--only", metavar="NAME", action="append", choices=sorted(SUITES), default=[],
                        help=f"run only this suite (repeatable): {', '.join(SUITES)}")
    parser.add_argument("--rounds", type=int, help=f"alternating rounds (default {FULL_ROUNDS}, 1 with --quick)")
    parser.add_argument("--mixed-precision", action="store_true",
                        help="run the bfloat16 variants even where this CPU has no native bfloat16 (emulated, slow)")
    parser.add_argument("--workdir", help="scratch folder for inputs and copies (default: a temporary one)")
    parser.add_argument("--verbose", action="store_true", help="tracebacks on failure")
    args = parser.parse_args(argv)
    if args.rounds is not None and args.rounds < 1:
        parser.error(f"`--rounds {args.rounds}`: must be at least 1")
    for flag, path in (("--json", args.json), ("--markdown", args.markdown)):
        if path and not os.path.isdir(os.path.dirname(os.path.abspath(path))):
            parser.error(f"`{flag} {path}`: its folder does not exist; create it or write elsewhere")
    if args.workdir and os.path.exists(args.workdir) and not os.path.isdir(args.workdir):
        parser.error(f"`--workdir {args.workdir}`: not a folder; give a folder (created if missing)")
    return args


def measure(args, workdir):
    """Prepare the inputs, measure the peak once, run the rounds; return the report dict."""
    native, why_not = bfloat16.native_flags()
    variants = selected_variants(args.only, bf16=bool(native) or args.mixed_precision)
    rounds = args.rounds or (1 if args.quick else FULL_ROUNDS)
    header = {"date": machine.now(), "machine": machine.machine_info(),
              "settings": {"rounds": rounds, "quick": args.quick, "only": args.only or sorted(SUITES),
                           "mixed_precision": args.mixed_precision}}
    skipped = [variant.qualified for variant in selected_variants(args.only, bf16=True) if variant not in variants]
    if skipped:
        header["skipped"] = {"variants": skipped, "reason": why_not}
        _progress(f"skipped {', '.join(skipped)}: {why_not} (--mixed-precision runs them anyway)")
    for suite in dict.fromkeys(variant.suite for variant in variants):
        prepare = getattr(importlib.import_module(f"benchmarks.{suite}"), "prepare", None)
        if prepare:
            prepare(workdir, args.quick)
    started = time.perf_counter()
    results = run_rounds(variants, rounds, workdir, args.quick, progress=_progress)
    header["wall_seconds"] = time.perf_counter() - started
    header["machine"]["load_average_at_end"] = list(os.getloadavg())
    return build_report(results, header)


def main(argv=None):
    """Run the command line ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    return run_command(_main, argv, failures=(BenchmarkError,))


def _main(argv):
    args = parse_args(argv)
    try:
        if args.workdir:
            report = measure(args, args.workdir)
        else:
            with tempfile.TemporaryDirectory(prefix="tf1compat-benchmarks-") as workdir:
                report = measure(args, workdir)
    except BenchmarkError as error:
        if args.verbose:
            print(error.details, file=sys.stderr)
        raise
    print(format_table(report))
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(report, handle, indent=2)
    if args.markdown:
        with open(args.markdown, "w") as handle:
            handle.write(format_markdown(report) + "\n")
    return 0


def _progress(message):
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
