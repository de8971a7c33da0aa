"""Tests of ``python -m migration.diff``: listing, errors, columns, unified diff, idiom map, HTML, --verify."""
import types

import pytest

from migration import diff, pairs
from migration.equivalence import Report

LEGACY = '''import tensorflow as tf

# Setup
x = tf.placeholder(tf.float32, [None, 2])
# Train
with tf.Session() as sess:
    print(sess.run(x, {x: [[1, 2]]}))  # tf.train.Saver is only named in this comment
'''

MIGRATED = '''import tensorflow as tf

# Setup
x = tf.constant([[1.0, 2.0]])
# Train
print(x.numpy())
'''

TOY = pairs.Pair(
    name="toy_pair", description="a toy pair for the diff tests", compares=("x",), rtol=1e-6, atol=1e-5,
    randomness="none", idioms=(("tf.train.Saver", "tf.train.Checkpoint"), ("tf.placeholder", "a tensor"),
                               ("with tf.Session() as sess", "eager execution")))


@pytest.fixture()
def toy_pair(tmp_path, monkeypatch):
    """A registered pair whose two files live in tmp_path (the real registry is left as it is)."""
    (tmp_path / "legacy_examples").mkdir()
    (tmp_path / "migration").mkdir()
    (tmp_path / "legacy_examples" / "toy_pair.py").write_text(LEGACY)
    (tmp_path / "migration" / "toy_pair.py").write_text(MIGRATED)
    monkeypatch.setattr(pairs, "REPO_ROOT", str(tmp_path))
    monkeypatch.setattr(pairs, "LEGACY_DIR", str(tmp_path / "legacy_examples"))
    monkeypatch.setattr(pairs, "MIGRATION_DIR", str(tmp_path / "migration"))
    monkeypatch.setitem(pairs.PAIRS, "toy_pair", TOY)
    return tmp_path


def fake_check(monkeypatch, check):
    monkeypatch.setenv("TF_CPP_MIN_LOG_LEVEL", "3")  # --verify would set it for the whole pytest process
    module = types.ModuleType("migration.checks.toy_pair")
    module.check = check
    monkeypatch.setitem(__import__("sys").modules, "migration.checks.toy_pair", module)


def test_no_name_lists_every_pair_with_its_description(capsys):
    assert diff.main([]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Worked pairs")
    width = max(map(len, pairs.PAIRS))
    assert lines[1:] == [f"  {name.ljust(width)}  {pair.description}" for name, pair in pairs.PAIRS.items()]


def test_unknown_name_exits_2_with_the_available_names(capsys):
    assert diff.main(["nope"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"ERROR unknown example 'nope'; available: {', '.join(pairs.PAIRS)}\n"


def test_columns_line_up_matching_sections_then_the_used_idioms(toy_pair, capsys):
    assert diff.main(["toy_pair", "--width", "72"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["legacy_examples/toy_pair.py", "migration/toy_pair.py"]
    assert lines[2:12] == [
        "1 import tensorflow as tf            1 import tensorflow as tf",
        "2                                    2",
        "3 # Setup                            3 # Setup",
        "4 x = tf.placeholder(tf.float32,   | 4 x = tf.constant([[1.0, 2.0]])",
        "  \u21aa [None, 2])",
        "5 # Train                            5 # Train",
        "6 with tf.Session() as sess:       | 6 print(x.numpy())",
        "7     print(sess.run(x, {x: [[1,   <",
        "      \u21aa 2]]}))  # tf.train.Saver",
        "      \u21aa is only named in this",
    ]
    assert all(len(line) <= 72 for line in lines[:lines.index("")])
    idiom_map = lines[lines.index("Idiom map (TF1 construct -> what replaced it in TF2):"):]
    assert [line.split() for line in idiom_map[1:]] == [
        ["L4", "tf.placeholder", "->", "a", "tensor"],
        ["L6", "with", "tf.Session()", "as", "sess", "->", "eager", "execution"],
    ]  # Saver appears only in a comment: not listed


def test_unified_diff(toy_pair, capsys):
    assert diff.main(["toy_pair", "--unified"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == ["--- legacy_examples/toy_pair.py", "+++ migration/toy_pair.py"]
    assert "-x = tf.placeholder(tf.float32, [None, 2])" in lines
    assert "+x = tf.constant([[1.0, 2.0]])" in lines
    assert " # Setup" in lines


def test_html_page_is_self_contained_and_never_clobbers(toy_pair, capsys):
    page = toy_pair / "pair.html"
    assert diff.main(["toy_pair", "--html", str(page)]) == 0
    assert capsys.readouterr().out == f"wrote {page}\n"
    text = page.read_text()
    assert text.startswith("<!DOCTYPE html>") and "<style>" in text and "<script" not in text
    assert '<td class="l">x = tf.placeholder(tf.float32, [None, 2])</td>' in text
    assert '<tr class="replace"><td class="n">4</td>' in text
    assert "<code>tf.placeholder</code></td><td><code>a tensor</code>" in text
    assert diff.main(["toy_pair", "--html", str(page)]) == 2
    assert "already exists; pass --overwrite" in capsys.readouterr().err
    assert diff.main(["toy_pair", "--html", str(page), "--overwrite"]) == 0
    notes = toy_pair / "notes.txt"
    notes.write_text("my notes")
    assert diff.main(["toy_pair", "--html", str(notes), "--overwrite"]) == 2
    assert "is not an HTML page; not replacing it" in capsys.readouterr().err
    assert notes.read_text() == "my notes"


def test_verify_prints_the_report_and_sets_the_exit_code(toy_pair, monkeypatch, capsys):
    def passing(steps=10):
        report = Report()
        report.compare("x", [1.0, 2.0], [1.0, 2.0])
        return report

    fake_check(monkeypatch, passing)
    assert diff.main(["toy_pair", "--verify", "--unified"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == ["1 outputs compared, 0 mismatches",
                        "  x: max abs 0.0e+00 (atol 1e-05), max rel 0.0e+00 (rtol 1e-06) OK"]

    def failing(steps=10):
        report = passing()
        report.compare("loss", 1.0, 2.0)
        return report

    fake_check(monkeypatch, failing)
    assert diff.main(["toy_pair", "--verify", "--unified"]) == 1
    assert "2 outputs compared, 1 mismatches" in capsys.readouterr().out


def test_verify_fails_on_an_empty_or_broken_check(toy_pair, monkeypatch, capsys):
    fake_check(monkeypatch, lambda steps=10: Report())
    assert diff.main(["toy_pair", "--verify", "--unified"]) == 1
    assert "compared nothing" in capsys.readouterr().err

    def broken(steps=10):
        raise RuntimeError("legacy side crashed")

    fake_check(monkeypatch, broken)
    assert diff.main(["toy_pair", "--verify"]) == 1
    assert capsys.readouterr().err == ("ERROR `migration.checks.toy_pair.check` failed: "
                                       "RuntimeError: legacy side crashed\n")


def test_registered_pair_without_files_is_a_usage_error(toy_pair, capsys):
    (toy_pair / "migration" / "toy_pair.py").unlink()
    assert diff.main(["toy_pair"]) == 2
    assert capsys.readouterr().err.startswith("ERROR `migration/toy_pair.py` does not exist")


def test_real_pair_fits_the_width(capsys):
    assert diff.main(["wholefile_copy", "--width", "100"]) == 0
    out = capsys.readouterr().out
    code = out[:out.index("\n\nIdiom map")].splitlines()
    assert code[0].split() == ["legacy_examples/wholefile_copy.py", "migration/wholefile_copy.py"]
    assert max(map(len, code)) <= 100
    assert "tf.WholeFileReader().read(queue)" in out[out.index("Idiom map"):]
