"""The ``python -m migration.checkpoints inspect|convert`` command and the functions behind it.

    python -m migration.checkpoints inspect tmp/mlp.ckpt
    python -m migration.checkpoints convert tmp/mlp.ckpt --model migration.model_checkpoint:build_model --out tf2_ckpt

``inspect`` lists the variables, shapes and dtypes (no graph needed). ``convert``
builds the TF2 model with ``module:factory``, loads the TF1 values into it with
``restore_tf1_checkpoint`` (all or nothing) and writes a TF2 object-based checkpoint that
``tf.train.Checkpoint(model=factory()).read(tf.train.latest_checkpoint(DIR))`` restores.
"""
import argparse
import importlib
import json
import os

import numpy as np

from tf1compat.cli.usage import CommandError, UsageError, UsageParser, run_command
from migration.checkpoints.mapping import is_optimizer_slot
from migration.checkpoints.restore import (
    CheckpointError, CheckpointMismatchError, checkpoint_variables, is_object_based, open_checkpoint,
    restore_tf1_checkpoint)

# The attribute name of the model in converted checkpoints: tf.train.Checkpoint(model=...).
CHECKPOINT_ROOT = "model"


def inspect_checkpoint(path):
    """The lines ``inspect`` prints: a summary, then name, shape, dtype per variable.

    Raises:
        CheckpointNotFoundError, NotACheckpointError: the checkpoint cannot be read.
    """
    reader, prefix = open_checkpoint(path)
    specs, _ = checkpoint_variables(reader, prefix)
    kind = "TF2 object-based checkpoint" if is_object_based(reader) else "TF1 Saver checkpoint"
    slots = sum(is_optimizer_slot(spec.name) for spec in specs)
    values = sum(int(np.prod(spec.shape, dtype=np.int64)) for spec in specs)
    width = max([len(spec.name) for spec in specs] + [4])
    lines = [f"`{prefix}`: {kind}, {len(specs)} variables ({len(specs) - slots} model, {slots} optimizer state), "
             f"{values} values",
             f"{'name':<{width}}  {'shape':<14}  dtype"]
    for spec in specs:
        note = "  (optimizer state)" if is_optimizer_slot(spec.name) else ""
        lines.append(f"{spec.name:<{width}}  {str(list(spec.shape)):<14}  {spec.dtype}{note}")
    return lines


def convert_checkpoint(path, model, out_dir, name_map=None, include_optimizer=False):
    """Restore the TF1 checkpoint at ``path`` into ``model`` and save it as a TF2 checkpoint in ``out_dir``.

    Returns:
        ``(report, saved_path)``; ``saved_path`` is what ``tf.train.latest_checkpoint(out_dir)`` gives.
    """
    import tensorflow as tf

    report = restore_tf1_checkpoint(model, path, name_map=name_map, strict=True,
                                    include_optimizer=include_optimizer)
    checkpoint = tf.train.Checkpoint(**{CHECKPOINT_ROOT: model})
    manager = tf.train.CheckpointManager(checkpoint, out_dir, max_to_keep=None)
    # Number after the newest save in out_dir (a fresh Checkpoint would count from 1 again
    # and overwrite ckpt-1), so converting twice loses nothing.
    latest = manager.latest_checkpoint
    number = int(latest.rpartition("-")[2]) + 1 if latest else 1
    return report, manager.save(checkpoint_number=number)


def build_parser(prog):
    parser = UsageParser(prog=prog, description="Inspect TF1 Saver checkpoints and convert "
                                                            "them to TF2 object-based checkpoints.")
    parser.add_argument("--verbose", action="store_true", help="show tracebacks")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    inspect = commands.add_parser("inspect", help="list the variables, shapes and dtypes of a checkpoint")
    inspect.add_argument("checkpoint", metavar="CKPT", help="checkpoint prefix (tmp/mlp.ckpt) or its folder")
    convert = commands.add_parser("convert", help="load a TF1 checkpoint into a TF2 model and save it")
    convert.add_argument("checkpoint", metavar="CKPT", help="checkpoint prefix (tmp/mlp.ckpt) or its folder")
    convert.add_argument("--model", required=True, metavar="MODULE:FACTORY",
                         help="a function returning the built TF2 model, e.g. migration.model_checkpoint:build_model")
    convert.add_argument("--out", required=True, metavar="DIR", help="folder for the TF2 checkpoint")
    convert.add_argument("--name-map", metavar="JSON", help="file with {checkpoint name: model name or null}")
    convert.add_argument("--include-optimizer", action="store_true", help="also convert optimizer slots")
    for sub in (inspect, convert):
        sub.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")
    return parser


def main(argv=None, prog="python -m migration.checkpoints"):
    """Run the command line ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    return run_command(lambda args: _main(args, prog), argv, usage_errors=(CheckpointError,))


def _main(argv, prog):
    options = build_parser(prog).parse_args(argv)
    if options.command == "inspect":
        print("\n".join(inspect_checkpoint(options.checkpoint)))
        return 0
    try:
        _convert(options)
    except CheckpointMismatchError as error:
        raise CommandError(error.summary()) from error
    return 0


def _convert(options):
    if os.path.isfile(options.out):
        raise UsageError(f"`{options.out}` is a file; --out takes a folder for the TF2 checkpoint")
    name_map = _read_name_map(options.name_map) if options.name_map else None
    open_checkpoint(options.checkpoint)  # a bad path is a usage error before the model is built
    model = load_factory(options.model)()
    report, saved = convert_checkpoint(options.checkpoint, model, options.out, name_map, options.include_optimizer)
    print(report)
    print(f"wrote TF2 checkpoint `{saved}`; restore it with "
          f"tf.train.Checkpoint({CHECKPOINT_ROOT}=model).read(tf.train.latest_checkpoint({options.out!r}))")


def load_factory(spec):
    """The callable named by ``"package.module:function"``.

    Raises:
        UsageError: malformed spec, module not importable, or no such callable.
    """
    module_name, colon, attribute = spec.partition(":")
    if not colon or not module_name or not attribute:
        raise UsageError(f"`{spec}`: --model takes MODULE:FACTORY, e.g. migration.model_checkpoint:build_model")
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise UsageError(f"`{module_name}` cannot be imported ({error}); check --model and PYTHONPATH") from None
    factory = getattr(module, attribute, None)
    if not callable(factory):
        available = ", ".join(name for name, value in sorted(vars(module).items())
                              if callable(value) and not name.startswith("_")
                              and getattr(value, "__module__", None) == module.__name__) or "none"
        raise UsageError(f"`{spec}`: no function `{attribute}` in `{module_name}`; available: {available}")
    return factory


def _read_name_map(path):
    try:
        with open(path, encoding="utf-8") as handle:
            name_map = json.load(handle)
    except OSError as error:
        raise UsageError(f"`{path}` cannot be read: {error.strerror}") from None
    except ValueError as error:
        raise UsageError(f"`{path}` is not JSON: {error}") from None
    if not isinstance(name_map, dict) or not all(isinstance(v, (str, type(None))) for v in name_map.values()):
        raise UsageError(f"`{path}`: the name map must be a JSON object {{checkpoint name: model name or null}}")
    return name_map

