"""``python -m tf1compat NOTEBOOK.ipynb [ARGS...]``: run a TF1 notebook's code cells on a legacy Jupyter kernel."""
import os
import sys

from tf1compat.cli.usage import CommandError
from tf1compat.notebooks import ipynb, kernelspec
from tf1compat.notebooks.terminal_client import RunInterrupted, TerminalClient, cell_name
from tf1compat.scope import project_settings
from tf1compat.session import bfloat16, watchdog

INLINE_BACKEND = "module://matplotlib_inline.backend_inline"  # Jupyter's default: figures arrive as image/png
KERNEL_STARTUP_SECONDS = 60


def run(options, kernel_runner_argv):
    """Execute the notebook ``options.script``'s code cells in order; returns the runner's exit code.

    Args:
        options: the runner's parsed options (``script`` is the notebook, ``args`` its arguments).
        kernel_runner_argv: the runner's options as typed, for the kernel to apply as the runner does.
    """
    path = options.script
    notebook = ipynb.read(path)
    # Refuse a CPU without native bfloat16, or a --legacy folder that does not exist, before a kernel starts.
    if options.bf16:
        bfloat16.enable(options.bf16)
    project_settings.apply(os.path.dirname(os.path.abspath(path)), options.legacy_paths, options.legacy_packages)
    ipynb.check_output_path(options.output, path, options.overwrite)
    absolute = os.path.abspath(path)
    spec = kernelspec.spec(kernel_runner_argv, absolute, options.args, env={"MPLBACKEND": INLINE_BACKEND})
    client = TerminalClient(notebook, spec, options.figures, os.path.splitext(os.path.basename(path))[0],
                            resources={"metadata": {"path": os.path.dirname(absolute)}},
                            startup_timeout=KERNEL_STARTUP_SECONDS, timeout=None, shutdown_kernel="graceful")
    try:
        client.execute()
        code = 0
    except RunInterrupted:
        code = _interrupted()
    except BaseException as error:  # pylint: disable=broad-except  # each ending has its exit code
        code = _failure_code(client, error)
    finally:
        client.close()  # normally already shut down: never let the kernel outlive the runner
        sys.stdout.flush()
        if options.output:  # after a failure too: the outputs up to the cell that stopped the run
            ipynb.write(client.nb, options.output)
            print(f"tf1compat: wrote the executed notebook to {options.output}", file=sys.stderr)
    return code


def _failure_code(client, error):
    from nbclient.exceptions import CellExecutionError, DeadKernelError

    if isinstance(error, CellExecutionError):
        return _cell_failure_code(client, error)
    if client.interrupts or isinstance(error, KeyboardInterrupt):
        return _interrupted()
    if isinstance(error, DeadKernelError):
        status = client.kernel_exit_code()
        if status == watchdog.HANG_EXIT:
            return status  # the kernel's watchdog printed why
        where = f" while running {cell_name(client.running_cell)}" if client.running_cell else ""
        raise CommandError(f"the notebook's kernel died{where} (exit status {status}); later cells were not run")
    if isinstance(error, (RuntimeError, TimeoutError)) and client.kc is None:
        raise CommandError(f"the notebook's kernel did not start: {error}") from None
    raise error


def _cell_failure_code(client, error):
    if error.ename == "KeyboardInterrupt" or client.interrupts:
        return _interrupted()
    if error.ename == "SystemExit":  # sys.exit() / tf.app.run() in a cell ends the run, as in a script
        value = error.evalue.strip()
        if value in ("", "None", "0"):
            return 0
        if value.lstrip("-").isdigit():
            return int(value)
        print(value, file=sys.stderr)  # sys.exit("message"), as Python prints it
        return 1
    remaining = _cells_after(client.nb, client.running_cell)
    name = cell_name(client.running_cell)
    print(f"tf1compat: stopped at {name} ({error.ename}); {remaining} later code cell(s) not run.",
          file=sys.stderr)
    return 1


def _cells_after(notebook, cell):
    cells = notebook.cells
    index = next((number for number, candidate in enumerate(cells) if candidate is cell), len(cells))
    return sum(1 for later in cells[index + 1:] if later.cell_type == "code" and later.source.strip())


def _interrupted():
    print("tf1compat: interrupted (Ctrl-C); later cells were not run.", file=sys.stderr)
    return 130
