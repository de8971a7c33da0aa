"""The ``tf1compat`` kernel process: the legacy scope set up as the runner does, then ipykernel's kernel.

Started by Jupyter (or by ``python -m tf1compat NOTEBOOK.ipynb``) as
``python -m tf1compat.kernel launch -f CONNECTION_FILE [--runner-argv JSON] [--notebook PATH --notebook-args JSON]``
in the notebook's folder; further ``--Class.trait=value`` arguments go to ipykernel.
"""
import atexit
import contextlib
import io
import json
import os
import sys
import warnings

from tf1compat.cli import runner
from tf1compat.cli.usage import UsageParser
from tf1compat.scope import project_settings
from tf1compat.session import bfloat16, watchdog

PROG = "python -m tf1compat.kernel launch"


def launch_argv(runner_argv=(), notebook=None, notebook_args=()):
    """The kernel command (Jupyter's ``argv`` with its ``{connection_file}`` placeholder)."""
    argv = [sys.executable, "-m", "tf1compat.kernel", "launch", "-f", "{connection_file}"]
    if runner_argv:
        argv += ["--runner-argv", json.dumps(list(runner_argv)), "--runner-cwd", os.getcwd()]
    if notebook:
        argv += ["--notebook", notebook, "--notebook-args", json.dumps(list(notebook_args))]
    return argv


def _parse(argv):
    parser = UsageParser(prog=PROG, description="Start a Jupyter kernel whose cells see the TF1 API.")
    parser.add_argument("-f", dest="connection_file", required=True, help="the connection file Jupyter wrote")
    parser.add_argument("--runner-argv", default="[]", help="the runner's options, as a JSON list")
    parser.add_argument("--notebook", help="the notebook being run (its cells see it as sys.argv[0])")
    parser.add_argument("--runner-cwd", help="the runner's working directory: relative --legacy folders start there")
    parser.add_argument("--notebook-args", default="[]", help="the notebook's sys.argv[1:], as a JSON list")
    launch, kernel_argv = parser.parse_known_args(argv)
    options = runner.build_parser(PROG).parse_args(json.loads(launch.runner_argv))
    return launch, options, kernel_argv


def launch(argv):
    """Run a legacy kernel until Jupyter shuts it down; returns the exit code."""
    launch_options, options, kernel_argv = _parse(argv)
    # ipykernel sends fd 2 to the notebook; the hang notice and the closing reports must reach a terminal.
    terminal = os.fdopen(os.dup(2), "w", buffering=1)
    if options.bf16:
        bfloat16.enable(options.bf16)
    activate_for_notebook(os.getcwd(), options, launch_options.runner_cwd)  # Jupyter starts it in the notebook's folder
    guard = runner.install_session_guards(options)
    watchdog.notice_file = terminal

    from ipykernel.kernelapp import IPKernelApp

    from tf1compat.notebooks import shell

    app = IPKernelApp.instance()
    app.initialize(["-f", launch_options.connection_file, *kernel_argv])
    shell.make_legacy(app.shell, legacy_numpy="numpy" not in runner.real_tops(options))
    if launch_options.notebook:  # run by `python -m tf1compat NOTEBOOK.ipynb ARGS...`
        sys.argv = [launch_options.notebook, *json.loads(launch_options.notebook_args)]
        # sys.exit() / tf.app.run() in a cell ends the run; IPython's hint about Ctrl-D is noise there.
        warnings.filterwarnings("ignore", message="To exit: use 'exit', 'quit', or Ctrl-D", category=UserWarning)
    guard.start(catch_interrupts=False)
    atexit.register(_closing_reports, options, terminal, app.shell)
    app.start()
    return 0


def activate_for_notebook(folder, options, runner_cwd=None):
    """Make the notebook in ``folder`` legacy as the runner makes a script in it (options relative to ``runner_cwd``).

    That is: its folder tree, ``sys.path`` folders, ``[tool.tf1compat]`` in the nearest ``pyproject.toml``,
    and ``--legacy``/``--legacy-package``.

    Raises:
        LegacyScopeError: a named folder or package does not exist, or ``pyproject.toml`` is malformed.
    """
    legacy_paths = [os.path.join(runner_cwd or folder, path) for path in options.legacy_paths]
    project_settings.apply(folder, legacy_paths, options.legacy_packages)
    runner.activate_scope(folder, options)


def _closing_reports(options, terminal, ipython):
    from tf1compat.notebooks import shell

    reports = io.StringIO()
    with contextlib.redirect_stderr(reports):
        runner.print_exit_reports(options)
    terminal.write(shell.name_cells(reports.getvalue(), ipython))
    terminal.flush()

