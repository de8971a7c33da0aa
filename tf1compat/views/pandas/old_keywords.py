"""pandas 0.23 keywords today's pandas no longer takes, translated for legacy-scope callers.

Each factory gets the real function and ``served`` (whether the first caller outside pandas is in the
legacy scope; it records the use) and returns the wrapper the engine installs (``KEYWORD`` entries of
``table``). A call without the old keyword, or from outside the scope, goes to pandas unchanged.

- ``read_csv`` / ``read_table``: ``delim_whitespace=True`` (removed in 3.0) is ``sep=r"\\s+"``;
  ``error_bad_lines`` / ``warn_bad_lines`` (removed in 2.0) are ``on_bad_lines`` 'error' / 'warn' /
  'skip'; ``squeeze=True`` (removed in 2.0) returns a one-column result as a Series.
- ``DataFrame.to_csv`` / ``Series.to_csv``: ``line_terminator`` (removed in 2.0) is ``lineterminator``.
- ``DataFrame.fillna`` / ``Series.fillna``: ``method='ffill'|'pad'|'bfill'|'backfill'`` (removed in 3.0)
  is ``ffill()`` / ``bfill()`` with the same ``axis``, ``inplace`` and ``limit``.
"""
import pandas

from tf1compat.views.legacy_package import keyword_wrapper

_FILL_METHODS = {"pad": "ffill", "ffill": "ffill", "backfill": "bfill", "bfill": "bfill"}


def delim_whitespace(original, served):
    def translate(read, args, kwargs):
        if kwargs.pop("delim_whitespace"):
            default = "\t" if read.__name__ == "read_table" else ","  # each reader's default sep
            given = args[1] if len(args) > 1 else kwargs.get("sep", kwargs.get("delimiter"))
            if given not in (None, default):
                raise ValueError("Specified a delimiter with both sep and delim_whitespace=True; you can only "
                                 "specify one.")
            kwargs.pop("delimiter", None)
            args = args[:1]
            kwargs["sep"] = r"\s+"
        return read(*args, **kwargs)

    return keyword_wrapper(original, served, ("delim_whitespace",), translate)


def bad_lines(original, served):
    def translate(read, args, kwargs):
        error = kwargs.pop("error_bad_lines", True)
        warn = kwargs.pop("warn_bad_lines", True)
        if "on_bad_lines" in kwargs:
            raise ValueError("error_bad_lines/warn_bad_lines (pandas 0.23) and on_bad_lines (pandas 1.3+) were "
                             "both given; keep on_bad_lines only")
        kwargs["on_bad_lines"] = "error" if error else ("warn" if warn else "skip")
        return read(*args, **kwargs)

    return keyword_wrapper(original, served, ("error_bad_lines", "warn_bad_lines"), translate)


def squeeze(original, served):
    def translate(read, args, kwargs):
        wanted = kwargs.pop("squeeze")
        result = read(*args, **kwargs)
        if wanted and isinstance(result, pandas.DataFrame):
            return result.squeeze("columns")  # one column -> Series; more stay a frame, as in 0.23
        return result

    return keyword_wrapper(original, served, ("squeeze",), translate)


def line_terminator(original, served):
    def translate(to_csv, args, kwargs):
        if "lineterminator" in kwargs:
            raise TypeError("line_terminator (pandas 0.23) and lineterminator (pandas 1.5+) were both given; keep "
                            "lineterminator only")
        kwargs["lineterminator"] = kwargs.pop("line_terminator")
        return to_csv(*args, **kwargs)

    return keyword_wrapper(original, served, ("line_terminator",), translate)


def fill_method(original, served):
    def translate(fillna, args, kwargs):
        method = kwargs.pop("method")
        if method is None:
            return fillna(*args, **kwargs)
        self, value = args[0], (args[1] if len(args) > 1 else kwargs.pop("value", None))
        if value is not None:
            raise ValueError("Cannot specify both 'value' and 'method'.")
        if method not in _FILL_METHODS:
            raise ValueError(f"Invalid fill method. Expecting pad (ffill) or backfill (bfill). Got {method}")
        kwargs.pop("downcast", None)
        filled = getattr(self, _FILL_METHODS[method])(**kwargs)
        return None if kwargs.get("inplace") else filled  # pandas 0.23 returned None in place

    return keyword_wrapper(original, served, ("method",), translate)
