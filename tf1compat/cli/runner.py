"""``python -m tf1compat SCRIPT [ARGS...]``: run a TF1 script unchanged on TensorFlow 2."""
import argparse
import functools
import builtins
import importlib.util
import os
import runpy
import sys
import types

from tf1compat import cluster, scope
from tf1compat.api import usage_report
from tf1compat.cli import headless_figures, source_file
from tf1compat.cli.usage import UsageError, UsageParser, run_command
from tf1compat.cluster.option_values import non_negative_seconds
from tf1compat.scope import outside_hint, project_settings
from tf1compat.session import bfloat16, device_placement, watchdog
from tf1compat.session import config as session_config


def build_parser(prog):
    parser = UsageParser(
        prog=prog,
        description="Run a TensorFlow 1.x script unchanged on TensorFlow 2 (tf.compat.v1 in graph "
                    "mode, with shims for tf.contrib and tensorflow.examples).",
        epilog="Everything after SCRIPT (or -m MODULE) is passed to the script as its sys.argv[1:].",
    )
    parser.add_argument("--report", action="store_true",
                        help="at exit, list the TF1 APIs the script used that TF2 removed or replaced")
    parser.add_argument("--figures", metavar="DIR", default="figures",
                        help="where plt.show() saves figures when there is no display (default: ./figures)")
    parser.add_argument("--hang-timeout", metavar="S", type=non_negative_seconds, default=60.0,
                        help="stop a sess.run that waits S seconds on queues no queue runner feeds "
                             f"(exit {watchdog.HANG_EXIT}); 0 disables (default: 60)")
    parser.add_argument("--strict-devices", action="store_true",
                        help="fail as TF1 did when the graph pins a device this machine lacks "
                             "(default: those ops run on CPU, with one notice)")
    parser.add_argument("--real", metavar="PACKAGE", action="append", default=[],
                        help="give the script today's PACKAGE (numpy, scipy, pillow, scikit-learn, pandas, matplotlib, "
                             "keras, h5py, python (the standard library), or all; repeatable). Default: each has a "
                             "legacy view inside the script's folder tree that restores the names its 2018 release "
                             "had")
    parser.add_argument("--real-numpy", action="append_const", dest="real", const="numpy",
                        help="the same as --real numpy")
    parser.add_argument("--legacy", dest="legacy_paths", metavar="DIR", action="append", default=[],
                        help="also treat the code in folder DIR as TF1 code (repeatable; see docs/runner.md)")
    parser.add_argument("--legacy-package", dest="legacy_packages", metavar="NAME", action="append", default=[],
                        help="also treat package NAME as TF1 code, even installed in site-packages (an import name "
                             "or a distribution name; repeatable)")
    parser.add_argument("--verbose", action="store_true",
                        help="show TensorFlow's own logs and the runner's tracebacks")
    parser.launcher_options = cluster.add_arguments(parser)  # stay with the launcher, never forwarded
    parser.add_argument("--bf16", dest="bf16", action="store_const", const="native",
                        help="compute in bfloat16: grappler's oneDNN rewrite in every Session (float32 variables); "
                             "refused on CPUs without native bfloat16 (avx512_bf16 / amx_bf16)")
    # An exact option string: argparse matches it before splitting at "=", so `--bf16 SCRIPT` stays unambiguous.
    parser.add_argument("--bf16=force", dest="bf16", action="store_const", const="force",
                        help="--bf16 even where bfloat16 is emulated (slower than float32)")
    parser.add_argument("--output", metavar="PATH",
                        help="notebooks: write the executed copy (outputs, figures) to PATH; never the input file")
    parser.add_argument("--overwrite", action="store_true", help="notebooks: let --output replace an existing file")
    parser.add_argument("-m", dest="module", metavar="MODULE",
                        help="run a module as a script, like python -m MODULE")
    parser.add_argument("script", nargs="?", metavar="SCRIPT",
                        help="the TF1 script to run, or a .ipynb notebook (run on a Jupyter kernel; docs/notebooks.md)")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the script")
    return parser


def main(argv=None, prog="tf1-run"):
    """Run the command line ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    runner_argv, _ = split_argv(argv)
    return run_command(lambda _: _main(argv, prog), argv, verbose="--verbose" in runner_argv,
                       usage_errors=(cluster.ClusterError, bfloat16.NoNativeBfloat16,
                                     project_settings.LegacyScopeError))


def _main(argv, prog):
    parser = build_parser(prog)
    runner_argv, script_argv = split_argv(argv)
    options = parser.parse_args(runner_argv)
    options.args = script_argv + options.args
    options.real_tops = real_tops(options)
    if options.verbose:
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "0")
    if _is_notebook(options):
        from tf1compat.notebooks import runner as notebook_runner

        return notebook_runner.run(options, task_runner_argv(parser, runner_argv))
    if options.output or options.overwrite:
        raise UsageError("--output/--overwrite apply to notebooks (.ipynb) only; drop them to run a script")
    target = _resolve_target(options)
    project_settings.apply(target["root"], options.legacy_paths, options.legacy_packages)
    if options.bf16:
        bfloat16.enable(options.bf16)
    if cluster.requested(options):
        return cluster.launch(options, target, task_runner_argv(parser, runner_argv))
    return _run(target, options)


def _is_notebook(options):
    notebook = not options.module and (options.script or "").lower().endswith(".ipynb")
    if notebook and cluster.requested(options):
        raise UsageError("--cluster/--cluster-spec run scripts, not notebooks; export the notebook to a .py file")
    return notebook


def task_runner_argv(parser, runner_argv):
    """The runner options as the user typed them, less the cluster's own and the target: what each task gets."""
    launcher_only = {option for action in parser.launcher_options._group_actions  # pylint: disable=protected-access
                     for option in action.option_strings}
    takes_value = options_with_value(parser)
    forwarded, index = [], 0
    while index < len(runner_argv):
        token = runner_argv[index]
        name = token.partition("=")[0] if token.startswith("--") else token
        width = 2 if name in takes_value and "=" not in token else 1
        if token == "-m" or not token.startswith("-") or token == "-":
            break  # the target (SCRIPT or -m MODULE) and what follows are added by the launcher
        if name not in launcher_only:
            forwarded.extend(runner_argv[index:index + width])
        index += width
    return forwarded


def options_with_value(parser=None):
    """The runner's option strings that take a value (read from the parser, so a new option needs no list)."""
    parser = parser or _default_parser()
    return {option for action in parser._actions  # pylint: disable=protected-access
            for option in action.option_strings if action.nargs != 0}


@functools.lru_cache(maxsize=1)
def _default_parser():
    return build_parser("tf1-run")


def split_argv(argv):
    """Split ``argv`` into the runner's part and the script's: all after ``-m MODULE`` is the script's."""
    argv = list(argv)
    takes_value = options_with_value()
    index = 0
    while index < len(argv):
        token = argv[index]
        if token == "-m":
            return argv[:index + 2], argv[index + 2:]
        if token in takes_value:
            index += 2
        elif token.startswith("-") and token != "-":
            index += 1
        else:
            return argv[:index + 1], argv[index + 1:]
    return argv, []


def _resolve_target(options):
    if options.module:
        if options.script is not None:
            options.args.insert(0, options.script)
        return _module_target(options.module)
    if options.script is None:
        raise UsageError("no SCRIPT given; usage: python -m tf1compat [--report] [--figures DIR] SCRIPT [ARGS...]")
    return _script_target(options.script, legacy_numpy="numpy" not in options.real_tops)


def real_tops(options):
    """The top-level packages whose legacy view ``--real`` turned off (``--real all``: every one).

    Raises:
        UsageError: a name no view has.
    """
    from tf1compat.views import registry

    try:
        return registry.real_tops(options.real)
    except ValueError as error:
        raise UsageError(str(error)) from None


def _script_target(script, legacy_numpy=True):
    if not os.path.exists(script):
        raise UsageError(f"`{script}`: no such file; give the path of a TF1 Python script")
    if os.path.isdir(script):
        if os.path.exists(os.path.join(script, "__main__.py")):
            return {"kind": "path", "path": script, "root": os.path.abspath(script), "code": None}
        raise UsageError(f"`{script}` is a directory with no __main__.py; give the path of a TF1 Python script")
    try:
        source = source_file.read_python_bytes(script)
    except source_file.SourceFileError as error:
        raise UsageError(f"{error}; give the path of a TF1 Python script") from None
    try:
        if legacy_numpy:
            from tf1compat.views.numpy import scalar_conversions

            code = scalar_conversions.compile_source(source, script)
        else:
            code = compile(source, script, "exec", dont_inherit=True)
    except SyntaxError as error:
        raise UsageError(f"`{script}` line {error.lineno}: {error.msg}; fix the syntax "
                         "(Python 2 code needs porting to Python 3 first)") from None
    except ValueError as error:
        raise UsageError(f"`{script}` is not a Python script: {error}") from None
    root = os.path.dirname(os.path.abspath(script))
    return {"kind": "path", "path": script, "root": root, "code": code}


def _module_target(module):
    try:
        spec = importlib.util.find_spec(module.partition(".")[0])
    except (ImportError, ValueError) as error:
        raise UsageError(f"`{module}`: cannot be found ({error})") from None
    if spec is None:
        raise UsageError(f"`{module}`: no such module on sys.path; run from the folder that contains it")
    locations = spec.submodule_search_locations
    root = list(locations)[0] if locations else os.path.dirname(spec.origin)
    return {"kind": "module", "module": module, "root": root}


def _run(target, options):
    activate_scope(target["root"], options)
    stem = os.path.splitext(os.path.basename(target.get("path") or target.get("module")))[0]
    scope.add_after_import_hook(headless_figures.prepare(options.figures, stem))
    guard = install_session_guards(options)
    guard.start()
    try:
        if target["kind"] == "module":
            sys.argv = [target["module"], *options.args]
            sys.path[0] = os.getcwd()
            runpy.run_module(target["module"], run_name="__main__", alter_sys=True)
        else:
            sys.argv = [target["path"], *options.args]
            sys.path[0] = os.path.dirname(os.path.abspath(target["path"]))
            _run_code(target)
        code = 0
    except SystemExit as exit_request:
        code = _exit_code(exit_request.code)
    except KeyboardInterrupt:
        _print_script_traceback(target, options.verbose)
        code = 130
    except BaseException as error:  # the script's own error: its traceback, exit 1, as `python SCRIPT`
        hint = outside_hint.hint_for(error, error.__traceback__)
        if hint is None or options.verbose:
            _print_script_traceback(target, options.verbose)
        if hint is not None:
            print(f"ERROR {hint}", file=sys.stderr)
        code = 1
    finally:
        sys.stdout.flush()
    print_exit_reports(options)
    return code


def activate_scope(root, options):
    """Make ``root``'s tree legacy as ``options`` ask (scripts, and notebook kernels for the notebook's folder)."""
    scope.activate(root, real=real_tops(options))


def install_session_guards(options):
    """What every legacy run adds to TensorFlow (scripts and notebook kernels): hang watchdog, session config, devices.

    Returns the ``Watchdog``, not yet started.
    """
    guard = watchdog.Watchdog(hang_timeout=options.hang_timeout)
    scope.add_runtime_hook(lambda: watchdog.watch_sessions(guard))
    scope.add_runtime_hook(cluster.install_task_fixes)
    scope.add_runtime_hook(session_config.install)
    if not options.strict_devices:
        device_placement.install()
    return guard


def print_exit_reports(options):
    """``--report`` and ``--bf16``'s summaries, printed when a legacy run ends."""
    if options.report:
        print(usage_report.format_report(), file=sys.stderr)
    if options.bf16:
        bfloat16.at_exit(options.report)


def _run_code(target):
    if target["code"] is None:  # a directory with __main__.py
        runpy.run_path(target["path"], run_name="__main__")
        return
    # As `python SCRIPT` does: the script's globals are the __main__ module's, so
    # pickling, multiprocessing and `import __main__` see the script.
    module = types.ModuleType("__main__")
    module.__file__ = target["path"]
    module.__builtins__ = builtins
    sys.modules["__main__"] = module
    exec(target["code"], module.__dict__)


def _exit_code(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _print_script_traceback(target, verbose):
    kind, value, traceback = sys.exc_info()
    if not verbose:
        # Drop the runner's own frames, as `python SCRIPT` shows only the script's.
        start = traceback
        while start is not None and start.tb_frame.f_code.co_filename in _RUNNER_FILES:
            start = start.tb_next
        traceback = start or traceback
        value.with_traceback(traceback)  # the default excepthook prints value.__traceback__
    sys.excepthook(kind, value, traceback)


_RUNNER_FILES = {os.path.abspath(__file__), __file__, runpy.__file__, "<frozen runpy>"}


if __name__ == "__main__":
    sys.exit(main())
