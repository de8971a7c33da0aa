"""``python -m migration.diff NAME``: a worked pair side by side, its idiom map, and its equivalence check."""
import io
import keyword
import os
import re
import shutil
import sys
import tokenize

from migration import pairs
from migration.diff import side_by_side
from tf1compat.cli import quiet
from tf1compat.cli.usage import CommandError, UsageError, UsageParser, run_command

DEFAULT_WIDTH = 160  # when stdout is not a terminal
_IDENTIFIER = re.compile(r"[A-Za-z_][\w.]*")


def build_parser():
    parser = UsageParser(
        prog="python -m migration.diff",
        description="Show a TF1 example and its idiomatic TF2 rewrite side by side, with the idiom map; "
                    "optionally run their equivalence check. Without NAME, list the pairs.")
    parser.add_argument("name", nargs="?", metavar="NAME", help="the example, e.g. cnn_mnist")
    parser.add_argument("--verify", action="store_true",
                        help="run the pair's equivalence check; exit 1 on any mismatch")
    parser.add_argument("--steps", type=int, default=10, help="training steps the check compares (default 10)")
    parser.add_argument("--html", metavar="FILE", help="write a self-contained side-by-side HTML page to FILE")
    parser.add_argument("--overwrite", action="store_true", help="with --html: replace an existing HTML FILE")
    parser.add_argument("--unified", action="store_true", help="a unified diff instead of two columns")
    parser.add_argument("--width", type=int, help="output width in characters (default: the terminal's)")
    parser.add_argument("--verbose", action="store_true", help="show tracebacks")
    return parser


def main(argv=None):
    """Run the command line ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    return run_command(_main, argv)


def _main(argv):
    options = build_parser().parse_args(argv)
    if options.name is None:
        print(format_listing())
        return 0
    pair = find_pair(options.name)
    legacy_lines, migrated_lines = read_sources(pair)
    if options.html:
        check_html_target(options.html, options.overwrite)
    report = run_check(pair, options) if options.verify else None
    if options.html:
        write_html(options.html, pair, legacy_lines, migrated_lines, report)
        print(f"wrote {options.html}")
    else:
        print(format_pair(pair, legacy_lines, migrated_lines, options.unified, options.width or terminal_width()))
    if report is not None:
        print()
        print(report)
        if not report.comparisons:
            print(f"ERROR `{pair.check_module}.check` compared nothing; an empty check proves nothing", file=sys.stderr)
            return 1
    return 0 if report is None or report.ok else 1


def format_listing():
    width = max(len(name) for name in pairs.PAIRS)
    lines = ["Worked pairs (legacy_examples/NAME.py <-> migration/NAME.py); show one with "
             "`python -m migration.diff NAME`:"]
    lines += [f"  {name.ljust(width)}  {pair.description}" for name, pair in pairs.PAIRS.items()]
    return "\n".join(lines)


def find_pair(name):
    if name not in pairs.PAIRS:
        raise UsageError(f"unknown example '{name}'; available: {', '.join(pairs.PAIRS)}")
    return pairs.PAIRS[name]


def read_sources(pair):
    texts = []
    for path in (pair.legacy_path, pair.migration_path):
        if not os.path.isfile(path):
            raise UsageError(missing_file_message(pair, path))
        with open(path, encoding="utf-8") as handle:
            texts.append(handle.read().splitlines())
    return texts


def missing_file_message(pair, path):
    """Why ``path`` of ``pair`` is missing: a copy installed without its TF1 programs, or a pair not written yet."""
    if not os.path.isdir(os.path.dirname(path)):
        return (f"`{path}` is missing: this copy of tf1compat was installed without its worked TF1 programs "
                f"(no folder `{os.path.dirname(path)}`); reinstall it from a wheel or a checkout "
                "(pip install tf1compat, or pip install . in the repository)")
    return (f"`{_relative(path)}` does not exist: the pair `{pair.name}` is registered but its file is not "
            "there; restore it (git checkout -- that file), or pick another example")


def terminal_width():
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns


def format_pair(pair, legacy_lines, migrated_lines, unified=False, width=DEFAULT_WIDTH):
    """The text shown for a pair: the two files (columns or a unified diff), then the idiom map."""
    titles = (_relative(pair.legacy_path), _relative(pair.migration_path))
    if unified:
        code = side_by_side.unified(legacy_lines, migrated_lines, titles)
    else:
        code = side_by_side.render_columns(side_by_side.align(legacy_lines, migrated_lines), width, titles)
    return code + "\n\n" + format_idiom_map(used_idioms(pair, legacy_lines))


def used_idioms(pair, legacy_lines):
    """``(line, tf1, tf2)`` for each idiom whose TF1 construct the legacy file uses (all, if none is found).

    A construct is found by the last dotted part of its first identifier that is not
    a Python keyword (``tf.train.batch(...)`` -> ``batch``), used as a name in code.
    """
    first_use = _first_use_of_names(legacy_lines)
    found = sorted((first_use[_key_word(tf1)], tf1, tf2) for tf1, tf2 in pair.idioms
                   if _key_word(tf1) in first_use)
    return found or [(None, tf1, tf2) for tf1, tf2 in pair.idioms]


def _first_use_of_names(lines):
    """``{name: first line}`` of the names in code (not in strings or comments)."""
    first_use = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO("\n".join(lines) + "\n").readline):
            if token.type == tokenize.NAME:
                first_use.setdefault(token.string, token.start[0])
    except (tokenize.TokenError, SyntaxError):  # unparsable source: what was read so far
        pass
    return first_use


def _key_word(construct):
    for identifier in _IDENTIFIER.findall(construct):
        if not keyword.iskeyword(identifier):
            return identifier.rstrip(".").rpartition(".")[2]
    return None


def format_idiom_map(idioms):
    lines = ["Idiom map (TF1 construct -> what replaced it in TF2):"]
    width = max((len(tf1) for _, tf1, _ in idioms), default=0)
    for line, tf1, tf2 in idioms:
        where = f"L{line}" if line else ""
        lines.append(f"  {where:>5}  {tf1.ljust(width)}  ->  {tf2}")
    return "\n".join(lines)


def run_check(pair, options):
    """The pair's equivalence report.

    Raises:
        CommandError: the check itself failed (which pair, and why: exit 1).
    """
    quiet.set_native_log_level()  # the check imports TensorFlow here: keep its C++ start-up noise away
    try:
        with quiet.filtered_native_stderr():
            return pair.load_check()(steps=options.steps)
    except Exception as error:
        raise CommandError(f"`{pair.check_module}.check` failed: {type(error).__name__}: {error}") from error


def check_html_target(path, overwrite):
    """Refuse to replace a file unless asked, and never replace something that is not an HTML page."""
    if os.path.isdir(path):
        raise UsageError(f"`{path}` is a directory; give a file name such as {path.rstrip(os.sep)}/pair.html")
    if not os.path.exists(path):
        if not os.path.isdir(os.path.dirname(os.path.abspath(path))):
            raise UsageError(f"`{path}`: its folder does not exist; create it or choose another path")
        return
    if not _looks_like_html(path):
        raise UsageError(f"`{path}` exists and is not an HTML page; not replacing it; choose another path")
    if not overwrite:
        raise UsageError(f"`{path}` already exists; pass --overwrite to replace it or choose another path")


def _looks_like_html(path):
    with open(path, "rb") as handle:
        start = handle.read(512).lstrip().lower()
    return start.startswith(b"<!doctype html") or start.startswith(b"<html")


def write_html(path, pair, legacy_lines, migrated_lines, report=None):
    titles = (_relative(pair.legacy_path), _relative(pair.migration_path))
    page = side_by_side.render_html(
        side_by_side.align(legacy_lines, migrated_lines), f"{pair.name}: {pair.description}", titles,
        used_idioms(pair, legacy_lines), None if report is None else str(report))
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(page)
    os.replace(temporary, path)  # a reader never sees half a page


def _relative(path):
    try:
        return os.path.relpath(path, pairs.REPO_ROOT)
    except ValueError:  # another drive on Windows
        return path

