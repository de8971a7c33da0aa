"""Reading the ``.ipynb`` the runner was given, and writing its executed copy: one clear line when it cannot be used."""
import json
import os

from tf1compat.cli.usage import UsageError

_SAVE_AS_V4 = "open and save it in Jupyter (or `jupyter nbconvert --to notebook FILE`) to upgrade it to nbformat 4"


def read(path):
    """The notebook at ``path`` as an ``nbformat`` v4 node; the file is never modified.

    Raises:
        UsageError: missing, not JSON, not a notebook, not nbformat 4, or not a Python notebook.
    """
    import nbformat

    raw = _load_json(path)
    if not isinstance(raw, dict) or not ({"cells", "worksheets", "nbformat"} & set(raw)):
        raise UsageError(f"`{path}` is not a Jupyter notebook (JSON without `cells`); give a .ipynb file")
    if raw.get("nbformat") != 4:
        raise UsageError(f"`{path}` is nbformat {raw.get('nbformat')}; tf1compat runs nbformat 4 notebooks: "
                         f"{_SAVE_AS_V4}")
    notebook = nbformat.reads(json.dumps(raw), as_version=4)  # joins the JSON's line lists, as Jupyter reads it
    try:
        nbformat.validate(notebook)
    except nbformat.ValidationError as error:
        raise UsageError(f"`{path}` is not a valid nbformat 4 notebook: {str(error.message)[:200]}; "
                         f"{_SAVE_AS_V4}") from None
    language = notebook.metadata.get("kernelspec", {}).get("language") or "python"
    if language.lower() != "python":
        raise UsageError(f"`{path}` is a {language} notebook; tf1compat runs Python notebooks")
    return notebook


def _load_json(path):
    if not os.path.isfile(path):
        raise UsageError(f"`{path}`: no such file; give the path of a Jupyter notebook (.ipynb)")
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except UnicodeDecodeError:
        raise UsageError(f"`{path}` is not a Jupyter notebook (not UTF-8 text); give a .ipynb file") from None
    except json.JSONDecodeError as error:
        raise UsageError(f"`{path}` is not a Jupyter notebook: broken JSON at line {error.lineno} column "
                         f"{error.colno} ({error.msg}); open it in Jupyter or fix the file") from None
    except OSError as error:
        raise UsageError(f"`{path}` cannot be read: {error.strerror}") from None


def check_output_path(output, notebook_path, overwrite):
    """Refuse an ``--output`` that is the notebook itself, or an existing file without ``--overwrite``."""
    if output is None:
        return
    if os.path.abspath(output) == os.path.abspath(notebook_path) or (
            os.path.exists(output) and os.path.samefile(output, notebook_path)):
        raise UsageError(f"--output `{output}` is the notebook being run; tf1compat never rewrites it: "
                         "give another path")
    if os.path.isdir(output):
        raise UsageError(f"--output `{output}` is a folder; give a file path ending in .ipynb")
    if os.path.exists(output) and not overwrite:
        raise UsageError(f"--output `{output}` exists; add --overwrite to replace it, or give another path")
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        raise UsageError(f"--output `{output}`: folder `{folder}` does not exist; create it first")


def write(notebook, output):
    """Write the executed copy (outputs and images included)."""
    import nbformat

    nbformat.write(notebook, output)
