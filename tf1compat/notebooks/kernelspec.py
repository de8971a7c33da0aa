"""The ``tf1compat`` Jupyter kernel spec: "Python 3 (TF1, tf1compat)" on this interpreter, for JupyterLab / VS Code."""
import json
import os
import shutil
import tempfile

from tf1compat.notebooks import legacy_kernel
from tf1compat.notebooks.shell import KERNEL_NAME

DISPLAY_NAME = "Python 3 (TF1, tf1compat)"


def spec(runner_argv=(), notebook=None, notebook_args=(), env=None):
    """The ``kernel.json`` content: this interpreter running ``python -m tf1compat.kernel launch``."""
    return {
        "argv": legacy_kernel.launch_argv(runner_argv, notebook, notebook_args),
        "display_name": DISPLAY_NAME,
        "language": "python",
        "interrupt_mode": "signal",
        "env": dict(env or {}),
        "metadata": {"debugger": False},
    }


def install(user=True, prefix=None):
    """Install (or replace) the spec; returns the folder it went to.

    Args:
        user: into the user's Jupyter data folder (``$JUPYTER_DATA_DIR``, else ``~/.local/share/jupyter``).
        prefix: into ``PREFIX/share/jupyter/kernels`` instead (``sys.prefix`` for a virtualenv's own Jupyter).
    """
    from jupyter_client.kernelspec import KernelSpecManager

    with tempfile.TemporaryDirectory() as source:
        with open(os.path.join(source, "kernel.json"), "w", encoding="utf-8") as handle:
            json.dump(spec(), handle, indent=1)
        _copy_logos(source)
        return KernelSpecManager().install_kernel_spec(source, KERNEL_NAME, user=bool(user and not prefix),
                                                       prefix=prefix, replace=True)


def installed_folder(user=True, prefix=None):
    """Where ``install(user, prefix)`` puts the spec."""
    from jupyter_core.paths import jupyter_data_dir

    if prefix:
        return os.path.join(prefix, "share", "jupyter", "kernels", KERNEL_NAME)
    if user:
        return os.path.join(jupyter_data_dir(), "kernels", KERNEL_NAME)
    from jupyter_client.kernelspec import KernelSpecManager

    return KernelSpecManager().find_kernel_specs().get(KERNEL_NAME, "")


def remove(user=True, prefix=None):
    """Remove the installed spec; returns its folder, or None if there was none."""
    folder = installed_folder(user, prefix)
    if not folder or not os.path.isfile(os.path.join(folder, "kernel.json")):
        return None
    shutil.rmtree(folder)
    return folder


def _copy_logos(folder):
    from ipykernel.kernelspec import RESOURCES

    for name in ("logo-32x32.png", "logo-64x64.png"):
        path = os.path.join(RESOURCES, name)
        if os.path.isfile(path):
            shutil.copy(path, folder)


__all__ = ["DISPLAY_NAME", "KERNEL_NAME", "spec", "install", "remove", "installed_folder"]
