"""nbclient on a kernel we start ourselves, showing each output on the terminal as it arrives (as a script's would)."""
import asyncio
import atexit
import base64
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

from nbclient import NotebookClient

from tf1compat.cli import headless_figures

INTERRUPT_GRACE_SECONDS = 5.0  # after Ctrl-C, how long a cell may take to stop before the kernel is killed
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class RunInterrupted(Exception):
    """Ctrl-C arrived between cells: no further cell runs."""


def cell_name(cell):
    """How Jupyter shows a cell: ``In [4]`` and its first line."""
    count = cell.get("execution_count")
    first = next((line.strip() for line in cell.source.splitlines() if line.strip()), "")
    return f"In [{count if count is not None else ' '}]: `{first[:80]}`"


class TerminalClient(NotebookClient):
    """A ``NotebookClient`` for a kernel started from ``kernel_spec`` (a ``kernel.json`` dict).

    Streams stdout/stderr, results and tracebacks to the terminal, writes ``image/png`` outputs to
    ``figures_dir/<stem>_<n>.png``, and turns the runner's Ctrl-C into a kernel interrupt.
    """

    def __init__(self, notebook, kernel_spec, figures_dir, stem, **kwargs):
        super().__init__(notebook, kernel_name="tf1compat-run", **kwargs)
        self.kernel_spec_dict = kernel_spec
        self.figures_dir, self.stem = figures_dir, stem
        self.interrupts = 0
        self.kernel_process, self.running_cell, self.cell_busy = None, None, False
        self.socket_folder = tempfile.mkdtemp(prefix="tf1compat-kernel-")  # mode 0700
        self.on_notebook_start = self._take_over_interrupts

    # -- the kernel ------------------------------------------------------------------
    def create_kernel_manager(self):
        from jupyter_client.kernelspec import KernelSpec, KernelSpecManager

        spec = KernelSpec(resource_dir="", **self.kernel_spec_dict)

        class OneSpec(KernelSpecManager):
            def get_kernel_spec(self, kernel_name):
                return spec

        # Unix sockets in a private folder: no TCP port for other local users to reach.
        self.km = self.kernel_manager_class(kernel_name=self.kernel_name, kernel_spec_manager=OneSpec(),
                                            transport="ipc", ip=os.path.join(self.socket_folder, "kernel"),
                                            config=self.config)
        return self.km

    def _take_over_interrupts(self, notebook):  # pylint: disable=unused-argument
        self.kernel_process = getattr(self.km.provisioner, "process", None)
        # nbclient's own SIGINT handler shuts the kernel down mid-cell; Jupyter's stop button interrupts instead.
        asyncio.get_running_loop().add_signal_handler(signal.SIGINT, self._on_interrupt)

    def _on_interrupt(self):
        self.interrupts += 1
        if self.interrupts > 1:
            self.kill_kernel()
            return
        print("\ntf1compat: Ctrl-C: interrupting the kernel (Ctrl-C again stops it at once)", file=sys.stderr,
              flush=True)
        asyncio.ensure_future(self.km.interrupt_kernel())
        asyncio.get_running_loop().call_later(INTERRUPT_GRACE_SECONDS, self._stop_stuck_kernel)

    def _stop_stuck_kernel(self):
        if self.cell_busy and self.kernel_process is not None and self.kernel_process.poll() is None:
            print(f"tf1compat: the cell did not stop within {INTERRUPT_GRACE_SECONDS:.0f} s (blocked in native code "
                  "such as sess.run); stopping the kernel", file=sys.stderr, flush=True)
            self.kill_kernel()

    def kill_kernel(self):
        """Kill the kernel process and its children (it is the leader of its own session), if still running."""
        process = self.kernel_process
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except OSError:
            process.kill()
        process.wait()

    def close(self):
        """Kill the kernel if it still runs, and remove its socket folder (call in ``finally``)."""
        self.kill_kernel()
        atexit.unregister(self._cleanup_kernel)  # nbclient's, for a kernel that is gone
        shutil.rmtree(self.socket_folder, ignore_errors=True)

    def kernel_exit_code(self, wait_seconds=5.0):
        """The kernel process's exit code once it ended (None if it is still running)."""
        if self.kernel_process is None:
            return None
        try:
            return self.kernel_process.wait(wait_seconds)
        except subprocess.TimeoutExpired:
            return None

    async def async_execute_cell(self, cell, cell_index, *args, **kwargs):
        if self.interrupts:
            raise RunInterrupted()
        self.running_cell, self.cell_busy = cell, True
        try:
            return await super().async_execute_cell(cell, cell_index, *args, **kwargs)
        finally:
            self.cell_busy = False

    # -- outputs -----------------------------------------------------------------------
    def output(self, outs, msg, display_id, cell_index):
        out = super().output(outs, msg, display_id, cell_index)
        if out is not None:
            self._show(out, self.nb.cells[cell_index])
        return out

    def _show(self, out, cell):
        kind = out.get("output_type")
        if kind == "stream":
            self._write(sys.stdout if out.get("name") == "stdout" else sys.stderr, out.get("text", ""))
        elif kind == "error" and out.get("ename") != "SystemExit":  # sys.exit(): ends quietly, as a script does
            traceback = "\n".join(out.get("traceback", []))
            self._write(sys.stderr, f"tf1compat: {cell_name(cell)} failed:\n{traceback}\n")
        elif kind in ("display_data", "execute_result"):
            self._show_data(out, cell, kind)

    def _show_data(self, out, cell, kind):
        data = out.get("data", {})
        if "image/png" in data:
            path = self._save_png(data["image/png"])
            self._write(sys.stderr, f"tf1compat: {cell_name(cell)}: saved figure to {path}\n")
        elif "text/plain" in data:
            prefix = f"Out[{cell.get('execution_count')}]: " if kind == "execute_result" else ""
            self._write(sys.stdout, f"{prefix}{data['text/plain']}\n")

    def _save_png(self, encoded):
        os.makedirs(self.figures_dir, exist_ok=True)
        path = headless_figures.next_free_path(self.figures_dir, self.stem)
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(encoded))
        return path

    def _write(self, stream, text):
        stream.write(text if stream.isatty() else _ANSI.sub("", text))
        stream.flush()
