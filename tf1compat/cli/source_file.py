"""Reading a user's Python file as bytes, with the two failures the runner and the scanner both report.

Both commands are handed paths that may be unreadable or not source at all (a compiled extension named
``.py``, a model file); each adds its own fix to the same description of what is wrong.
"""


class SourceFileError(ValueError):
    """A path that cannot be read as Python source; the message names the path and why, not the fix."""


class BinaryFileError(SourceFileError):
    """The file was read but holds NUL bytes: not source text of any encoding."""


def read_python_bytes(path):
    """The file's bytes; SourceFileError when it cannot be opened or is binary (contains NUL bytes)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise SourceFileError(f"`{path}`: cannot be read ({error.strerror})") from None
    if b"\0" in data:
        raise BinaryFileError(f"`{path}`: binary file (contains NUL bytes), not Python source")
    return data
