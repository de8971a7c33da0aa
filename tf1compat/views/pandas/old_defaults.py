"""pandas 0.23 defaults that later releases changed, for legacy-scope callers (``DEFAULT`` entries of ``table``).

- Reductions over frames with text columns (``df.mean()``, ``df.groupby(k).mean()``, ``median``, ``std``,
  ``var``, ``sem``): pandas 0.23's ``numeric_only=None`` tried every column and, when a column could not
  be reduced, reduced the numeric ones only (groupby dropped such "nuisance" columns silently); pandas
  2.0 made ``numeric_only=False`` the default, so the same call raises ``TypeError``. A scope call that
  does not choose ``numeric_only`` and fails that way is answered over the numeric columns.
- ``s.str.replace(pat, repl)``: the pattern was a regular expression unless ``regex=False`` (pandas 2.0
  made ``regex=False`` the default, so ``str.replace(r"\\D", "")`` silently stopped matching digits).
"""
import functools
import re

_REPLACE_REGEX_POSITION = 6  # replace(self, pat, repl, n, case, flags, regex)


def numeric_when_mixed(original, served):
    """A reduction that, for scope callers not choosing ``numeric_only``, reduces the numeric columns when the
    whole frame cannot be reduced."""

    @functools.wraps(original)
    def reduce(self, *args, **kwargs):
        try:
            return original(self, *args, **kwargs)
        except TypeError:
            if "numeric_only" in kwargs or not served():
                raise
        return original(self, *args, numeric_only=True, **kwargs)

    return reduce


def regex_by_default(original, served):
    """``StringMethods.replace`` whose pattern is a regular expression unless the scope caller says otherwise."""

    @functools.wraps(original)
    def replace(self, *args, **kwargs):
        if "regex" not in kwargs and len(args) < _REPLACE_REGEX_POSITION and not _same_either_way(args, kwargs) \
                and served():
            kwargs["regex"] = True
        return original(self, *args, **kwargs)

    return replace


def _same_either_way(args, kwargs):
    """Whether a regex and a literal replace agree: a pattern without special characters, a plain replacement."""
    pat = args[0] if args else kwargs.get("pat")
    repl = args[1] if len(args) > 1 else kwargs.get("repl")
    return isinstance(pat, str) and re.escape(pat) == pat and isinstance(repl, str) and "\\" not in repl
