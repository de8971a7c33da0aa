"""matplotlib 2.x's seaborn style names: ``style.use('seaborn-whitegrid')`` loads today's ``'seaborn-v0_8-whitegrid'``.

matplotlib 3.6 renamed its seaborn-like style sheets ``seaborn-v0_8-*`` (they no longer match seaborn's own
styles) and 3.8 removed the old names; the sheets kept their rcParams. ``style.use`` (and ``style.context``,
which calls it) is wrapped: a legacy-scope caller's old name is read as the renamed sheet; a name the
style library has (a user's own ``seaborn-*.mplstyle``) is left as it is.
"""
import contextlib
import functools

import matplotlib.style


_OLD, _RENAMED = "seaborn", "seaborn-v0_8"
# style.context calls use from a generator that contextlib's __enter__ runs: not the caller asked about either.
_NOT_THE_CALLER = (contextlib.__file__,)


def renamed_style(name):
    """``'seaborn-whitegrid'`` -> ``'seaborn-v0_8-whitegrid'`` when only the renamed sheet exists; else ``name``."""
    library = matplotlib.style.library
    if not isinstance(name, str) or name in library or not (name == _OLD or name.startswith(_OLD + "-")):
        return name
    renamed = _RENAMED + name[len(_OLD):]
    return renamed if renamed in library else name


def use_with_seaborn_names(original, served):
    """``matplotlib.style.use`` that reads matplotlib 2.x's seaborn style names from legacy-scope callers (a name
    or a list of names)."""

    @functools.wraps(original)
    def use(style):
        names = [style] if isinstance(style, str) else style if isinstance(style, (list, tuple)) else ()
        renamed = [renamed_style(name) for name in names]
        if renamed != list(names) and served(skip_dirs=_NOT_THE_CALLER):
            style = renamed[0] if isinstance(style, str) else renamed
        return original(style)

    return use
