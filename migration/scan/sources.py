"""What the scanner reads: the .py files and notebook code cells under the given paths."""
import ast
import io
import json
import os
import re
import tokenize
from dataclasses import dataclass, field
from typing import Optional

from tf1compat.cli import source_file

SUFFIXES = (".py", ".ipynb")
_SKIPPED_FOLDERS = {"__pycache__", "node_modules", "site-packages"}
# Cell magics whose body is still Python; any other %%magic cell (bash, html, ...) is not.
_PYTHON_CELL_MAGICS = {"time", "timeit", "capture", "prun", "debug"}
_HELP_LINE = re.compile(r"^\s*[\w.]+\?{1,2}\s*$")  # `tf.Session?`


class ScanInputError(Exception):
    """A path the scanner cannot use (missing, not Python, binary, unreadable, empty folder)."""


@dataclass
class SourceUnit:
    """Python text to parse: a whole .py file, or one notebook code cell (1-based)."""

    text: str
    cell: Optional[int] = None


@dataclass
class SourceFile:
    path: str
    units: list = field(default_factory=list)
    unreadable: Optional[str] = None  # why a notebook's JSON could not be read
    unreadable_line: int = 1


def find_files(paths):
    """The .py and .ipynb files under ``paths`` (files or folders), sorted, without repeats.

    Raises:
        ScanInputError: a path is missing, is not a .py/.ipynb file, or is a folder without any.
    """
    if not paths:
        raise ScanInputError("no PATH given; give .py files, .ipynb notebooks or folders")
    found, seen = [], set()
    for path in paths:
        for candidate in _expand(path):
            real = os.path.realpath(candidate)
            if real not in seen:
                seen.add(real)
                found.append(candidate)
    return sorted(found)


def _expand(path):
    if os.path.isdir(path):
        if not os.access(path, os.R_OK | os.X_OK):
            raise ScanInputError(f"`{path}`: folder cannot be read (permission denied); check its permissions")
        files = sorted(_walk(path))
        if not files:
            raise ScanInputError(f"`{path}`: folder has no .py files or .ipynb notebooks; give a folder with Python code")
        return files
    if not os.path.exists(path):
        raise ScanInputError(f"`{path}`: no such file or folder; give .py files, .ipynb notebooks or folders")
    if not path.endswith(SUFFIXES):
        raise ScanInputError(f"`{path}`: not a .py file or .ipynb notebook; give Python source, notebooks or folders")
    return [path]


def _walk(folder):
    for root, folders, files in os.walk(folder):
        # Hidden folders, caches and virtualenvs hold no code of the project being ported.
        folders[:] = [name for name in folders if not name.startswith(".") and name not in _SKIPPED_FOLDERS
                      and not os.path.exists(os.path.join(root, name, "pyvenv.cfg"))]
        for name in files:
            if name.endswith(SUFFIXES) and not name.startswith("."):
                yield os.path.normpath(os.path.join(root, name))  # `./a.py` -> `a.py`


def read_bytes(path):
    try:
        return source_file.read_python_bytes(path)
    except source_file.BinaryFileError as error:
        raise ScanInputError(f"{error}; remove it from the paths") from None
    except source_file.SourceFileError as error:
        raise ScanInputError(f"{error}; check that it exists and is readable") from None


def decode_python(path, data):
    """Source bytes -> text, honouring a PEP 263 coding line (UTF-8 by default)."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as error:
        raise ScanInputError(f"`{path}`: not readable as Python source text ({error}); save it as UTF-8") from None


def read_source(path):
    """The ``SourceFile`` of one .py file or notebook."""
    data = read_bytes(path)
    if not path.endswith(".ipynb"):
        return SourceFile(path, [SourceUnit(decode_python(path, data))])
    try:
        notebook = json.loads(data.decode("utf-8"))
        cells = notebook["cells"]
    except UnicodeDecodeError:
        raise ScanInputError(f"`{path}`: notebook is not UTF-8 text; save it with Jupyter again") from None
    except json.JSONDecodeError as error:
        return SourceFile(path, unreadable=f"not a Jupyter notebook (invalid JSON: {error.msg})",
                          unreadable_line=error.lineno)
    except (KeyError, TypeError):
        return SourceFile(path, unreadable="not a Jupyter notebook in nbformat 4 (no top-level `cells` list)")
    code_cells = [cell for cell in cells if isinstance(cell, dict) and cell.get("cell_type") == "code"]
    return SourceFile(path, [SourceUnit(python_of_cell(cell.get("source", "")), number)
                             for number, cell in enumerate(code_cells, start=1)])


def python_of_cell(source):
    """A code cell's text with IPython syntax (``%magic``, ``!shell``, ``obj?``) blanked.

    Each such line becomes ``pass`` at its indentation, so line numbers and blocks stay valid.
    A cell that parses as it is stays as it is (``% name)`` may continue an expression).
    """
    text = "".join(source) if isinstance(source, list) else str(source)
    try:
        ast.parse(text)
        return text
    except (SyntaxError, ValueError, RecursionError):
        pass  # IPython syntax (or a real error, which the scan reports)
    lines = text.split("\n")
    first = lines[0].strip()
    if first.startswith("%%"):
        magic = first[2:].split(maxsplit=1)[0] if len(first) > 2 else ""
        if magic not in _PYTHON_CELL_MAGICS:
            return ""
    return "\n".join(_blank_ipython_line(line) for line in lines)


def _blank_ipython_line(line):
    stripped = line.lstrip()
    if stripped.startswith(("%", "!")) or _HELP_LINE.match(line):
        return line[:len(line) - len(stripped)] + "pass"
    return line
