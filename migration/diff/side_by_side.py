"""Two source files aligned line by line (difflib), rendered as terminal columns or an HTML page."""
import difflib
import html
import textwrap
from dataclasses import dataclass
from typing import Optional

# Row kinds, as difflib's opcodes name them.
EQUAL, REPLACE, DELETE, INSERT = "equal", "replace", "delete", "insert"
_MARKERS = {EQUAL: " ", REPLACE: "|", DELETE: "<", INSERT: ">"}
MIN_COLUMN = 12  # narrower than this, code is unreadable: wider than the terminal is the lesser evil


@dataclass(frozen=True)
class Row:
    """One aligned row: a line number and text per side (``None`` where that side has no line)."""

    kind: str
    left_number: Optional[int]
    left: Optional[str]
    right_number: Optional[int]
    right: Optional[str]


def align(left_lines, right_lines):
    """Rows pairing the two files so that matching sections line up.

    Lines are matched by their stripped text (a re-indented line still matches);
    blank lines and lone ``#`` never anchor a match, so they cannot pull unrelated
    sections together.
    """
    keys = ([line.strip() for line in left_lines], [line.strip() for line in right_lines])
    matcher = difflib.SequenceMatcher(lambda key: key in ("", "#"), *keys, autojunk=False)
    rows = []
    for kind, left_start, left_end, right_start, right_end in matcher.get_opcodes():
        for offset in range(max(left_end - left_start, right_end - right_start)):
            left_index, right_index = left_start + offset, right_start + offset
            has_left, has_right = left_index < left_end, right_index < right_end
            row_kind = kind if kind != REPLACE or (has_left and has_right) else (DELETE if has_left else INSERT)
            if kind == EQUAL and left_lines[left_index] != right_lines[right_index]:
                row_kind = REPLACE  # matched, but re-indented or re-spaced
            rows.append(Row(row_kind,
                            left_index + 1 if has_left else None, left_lines[left_index] if has_left else None,
                            right_index + 1 if has_right else None, right_lines[right_index] if has_right else None))
    return rows


def render_columns(rows, width, titles=("legacy", "migrated")):
    """The rows as two numbered columns that fit ``width`` characters; long lines wrap."""
    number_width = len(str(max([row.left_number or 0 for row in rows] + [row.right_number or 0 for row in rows] + [1])))
    column = max(MIN_COLUMN, (width - 2 * (number_width + 1) - 3) // 2)
    lines = [_join(" " * number_width, _fit(titles[0], column), " ", " " * number_width, titles[1][:column]),
             "-" * min(width, 2 * (number_width + 1 + column) + 3)]
    for row in rows:
        left_parts = _wrap(row.left, column)
        right_parts = _wrap(row.right, column)
        for index in range(max(len(left_parts), len(right_parts))):
            first = index == 0
            lines.append(_join(
                _number(row.left_number if first else None, number_width),
                _part(left_parts, index, column),
                _MARKERS[row.kind] if first else " ",
                _number(row.right_number if first else None, number_width),
                _part(right_parts, index, column)).rstrip())
    return "\n".join(lines)


def _join(left_number, left, marker, right_number, right):
    return f"{left_number} {left} {marker} {right_number} {right}"


def _number(number, width):
    return str(number).rjust(width) if number is not None else " " * width


def _fit(text, column):
    return text[:column].ljust(column)


def _wrap(text, column):
    if text is None:
        return []
    text = text.expandtabs(4).rstrip()
    if len(text) <= column:
        return [text]
    # Continuation lines keep the indentation and a marker, so wrapped code still reads as code.
    indent = " " * min(len(text) - len(text.lstrip()), column // 2)
    return textwrap.wrap(text.lstrip(), column, initial_indent=indent, subsequent_indent=indent + "\u21aa ",
                         break_on_hyphens=False) or [""]


def _part(parts, index, column):
    return (parts[index] if index < len(parts) else "").ljust(column)


def unified(left_lines, right_lines, titles=("legacy", "migrated"), context=3):
    """The classic unified diff of the two files (``---``/``+++`` headers, ``@@`` hunks)."""
    return "\n".join(difflib.unified_diff(left_lines, right_lines, titles[0], titles[1], n=context, lineterm=""))


_PAGE_STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5em; color: #1b1b1b; }
table.code { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 13px; }
table.code td { font-family: ui-monospace, Menlo, Consolas, monospace; white-space: pre-wrap;
  word-break: break-all; vertical-align: top; padding: 0 0.4em; }
table.code td.n { width: 3.5em; text-align: right; color: #888; user-select: none; }
table.code th { text-align: left; padding: 0.3em 0.4em; border-bottom: 1px solid #ccc; }
tr.replace td.l, tr.delete td.l { background: #fdecea; }
tr.replace td.r, tr.insert td.r { background: #e8f5e9; }
table.idioms { border-collapse: collapse; margin-top: 1em; }
table.idioms td, table.idioms th { border: 1px solid #ddd; padding: 0.3em 0.6em; text-align: left; }
table.idioms code { font-size: 13px; }
pre.report { background: #f6f6f6; padding: 0.8em; }
"""


def render_html(rows, title, titles, idioms=(), report_text=None):
    """A self-contained page: the two files side by side, then the idiom map (and a verification report)."""
    escape = html.escape
    body = [f"<h1>{escape(title)}</h1>", '<table class="code">',
            f'<tr><th colspan="2">{escape(titles[0])}</th><th colspan="2">{escape(titles[1])}</th></tr>']
    for row in rows:
        body.append(
            f'<tr class="{row.kind}"><td class="n">{row.left_number or ""}</td>'
            f'<td class="l">{escape(row.left or "")}</td><td class="n">{row.right_number or ""}</td>'
            f'<td class="r">{escape(row.right or "")}</td></tr>')
    body.append("</table>")
    if idioms:
        body += ["<h2>Idiom map</h2>", '<table class="idioms"><tr><th>line</th><th>TF1</th><th>TF2</th></tr>']
        body += [f"<tr><td>{line or ''}</td><td><code>{escape(tf1)}</code></td><td><code>{escape(tf2)}</code></td></tr>"
                 for line, tf1, tf2 in idioms]
        body.append("</table>")
    if report_text is not None:
        body += ["<h2>Equivalence check</h2>", f'<pre class="report">{escape(report_text)}</pre>']
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(title)}</title>\n<style>{_PAGE_STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")
