"""The child side of a benchmark: run variants in this fresh process, printing one JSON line per variant.

    python -m benchmarks.variant_process --workdir DIR --variant train_input.feed_dict [--variant ...] [--quick]

Each suite module also runs alone: ``python -m benchmarks.train_input --variant feed_dict --workdir DIR``.
"""
import importlib
import json
import os
import sys

from tf1compat.cli.usage import UsageParser

# Quiet TensorFlow (3 also hides the CUDA probe errors) and never touch the network.
CHILD_ENVIRONMENT = {"TF_CPP_MIN_LOG_LEVEL": "3", "TF1COMPAT_OFFLINE": "1"}
RESULT_KEY = "variant"


def run_variant(prog, variants, argv=None):
    """A suite module's entry point: ``--variant NAME`` picks from ``variants`` (name -> function)."""
    # Internal child processes: an error ends in a traceback, whose last line the parent reports.
    args = _parser(prog, sorted(variants)).parse_args(argv)
    return _execute([(name, variants[name]) for name in args.variant], args.workdir, args.quick)


def main(argv=None):
    """The parent's entry point: ``--variant SUITE.NAME`` may repeat (several variants of one TF mode)."""
    from benchmarks.suites import VARIANTS

    args = _parser("python -m benchmarks.variant_process", sorted(VARIANTS)).parse_args(argv)
    return _execute([(name, resolve(name)) for name in args.variant], args.workdir, args.quick)


def resolve(qualified_name):
    """``"train_input.feed_dict"`` -> the function ``benchmarks.train_input.VARIANTS["feed_dict"]``."""
    module_name, variant = qualified_name.split(".")
    return importlib.import_module(f"benchmarks.{module_name}").VARIANTS[variant]


def _parser(prog, choices):
    parser = UsageParser(prog=prog, description="Run benchmark variants; print each result as one JSON line.")
    parser.add_argument("--variant", required=True, action="append", choices=choices, help="what to measure")
    parser.add_argument("--workdir", required=True, help="scratch folder shared with the parent (inputs, outputs)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes (smoke test)")
    return parser


def _execute(named_functions, workdir, quick):
    """Call each ``function(workdir, quick)`` in a fresh default graph; print ``{"variant": ..., "result": ...}``.

    TensorFlow is imported inside the variant functions, after the environment is set.
    """
    for key, value in CHILD_ENVIRONMENT.items():
        os.environ.setdefault(key, value)
    for name, function in named_functions:
        if "tensorflow" in sys.modules:
            sys.modules["tensorflow"].compat.v1.reset_default_graph()  # TF1 variants build into it
        result = function(workdir, quick)
        sys.stdout.flush()
        print(json.dumps({RESULT_KEY: name, "result": result}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
