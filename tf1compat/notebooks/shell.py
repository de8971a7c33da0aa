"""What makes an IPython shell's cells legacy: their namespace, their ``int(x)`` calls, Colab's version magic."""
import re
import sys

from tf1compat import scope

KERNEL_NAME = "tf1compat"
_state = {"version_notice_given": False, "legacy_shells": []}


def make_legacy(shell, legacy_numpy=True):
    """Make the cells of ``shell`` (an ``InteractiveShell``) and the functions they define legacy.

    Call ``scope.activate`` too: it installs the import hook this relies on.
    """
    if is_legacy(shell):
        return
    _state["legacy_shells"].append(shell)
    scope.include_namespace(shell.user_ns)
    if legacy_numpy:
        from tf1compat.views.numpy import array_methods, scalar_conversions

        # Cells are compiled by IPython, not by the scope's loader: the same rewrites, as AST transformers.
        shell.ast_transformers.extend([scalar_conversions.conversion_rewriter(), array_methods.method_rewriter()])
    shell.register_magic_function(tensorflow_version, magic_kind="line", magic_name="tensorflow_version")


def is_legacy(shell):
    """Whether ``make_legacy`` already ran for ``shell`` (the ``tf1compat`` kernel, or an earlier ``%load_ext``)."""
    return any(legacy is shell for legacy in _state["legacy_shells"])


def name_cells(text, shell):
    """``text`` with each ``CELL_FILE.py:LINE`` of ``shell``'s cells written as Jupyter names it: ``In [4] line 2``."""
    def named(match):
        name = shell.compile.format_code_name(match.group(1))  # IPython's own ("Cell", "In[4]") for cell files
        return f"In [{name[1][3:-1]}] line {match.group(2)}" if name else match.group(0)

    return re.sub(r"(\S+\.py):(\d+)", named, text)


def tensorflow_version(line):
    """Colab's ``%tensorflow_version 1.x``: a no-op here, with one notice per kernel."""
    if _state["version_notice_given"]:
        return
    _state["version_notice_given"] = True
    asked = line.strip() or "1.x"
    extra = "" if asked.startswith("1") else f" (`{asked}` is ignored: this notebook's cells get TF1)"
    print(f"tf1compat: `%tensorflow_version {asked}` is Colab's switch; here the TF1 API comes from tf1compat on "
          f"the installed TensorFlow, so it does nothing{extra}.", file=sys.stderr)
