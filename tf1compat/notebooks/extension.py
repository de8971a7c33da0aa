"""``%load_ext tf1compat``: from the next cell on, this notebook's cells (and modules from its folder) are legacy."""
import os
import sys

LATE_MESSAGE = ("`%load_ext tf1compat` came after TensorFlow was imported in this kernel, so it cannot give the "
                "notebook the TF1 API (TensorFlow picks its Keras when first imported). Restart the kernel and make "
                "`%load_ext tf1compat` the notebook's first cell.")


def load_ipython_extension(ipython):
    """Activate the legacy scope for ``ipython``'s cells and the kernel's working folder (the notebook's).

    Raises:
        IPython.core.error.UsageError: TensorFlow is already imported, or ``[tool.tf1compat]`` in the nearest
            ``pyproject.toml`` names a missing folder or package (shown as one line, no traceback).
    """
    from IPython.core.error import UsageError

    from tf1compat.cli import runner
    from tf1compat.notebooks import legacy_kernel, shell
    from tf1compat.scope import project_settings

    if shell.is_legacy(ipython):
        return  # the tf1compat kernel already did it
    if "tensorflow" in sys.modules:
        raise UsageError(LATE_MESSAGE)
    options = runner.build_parser("%load_ext tf1compat").parse_args([])  # the runner's defaults
    try:
        legacy_kernel.activate_for_notebook(os.getcwd(), options)
    except project_settings.LegacyScopeError as error:
        raise UsageError(str(error)) from None
    shell.make_legacy(ipython)
    # Jupyter interrupts cells itself: only the hang check runs here.
    runner.install_session_guards(options).start(catch_interrupts=False)
