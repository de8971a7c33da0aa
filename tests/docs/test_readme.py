"""README.md stays the newcomer's page and stays true: short, links that resolve, commands that exist, CI runs them."""
import glob
import importlib.util
import os
import re

import pytest

from tests import paths

README = os.path.join(paths.ROOT, "README.md")
PAGES = [README] + sorted(glob.glob(os.path.join(paths.ROOT, "docs", "*.md")))
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
_MODULE_COMMAND = re.compile(r"python -m ([A-Za-z_][\w.]*)")
_REPO_PATH = re.compile(r"(?<![\w/.-])((?:legacy_examples|migration|tf1compat|docs|benchmarks)/[\w./-]+\.(?:py|md))")


def _read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def _slug(heading):
    """GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(path):
    return {_slug(line.lstrip("#")) for line in _read(path).splitlines() if line.startswith("#")}


def test_readme_is_a_first_screen_not_a_manual():
    lines = _read(README).splitlines()
    assert len(lines) <= 250, f"README.md has {len(lines)} lines; move detail into docs/"
    assert lines[0] == "# tf1compat"


def test_the_two_commands_are_what_ci_runs():
    block = _read(README).split("```bash\n", 1)[1].split("```", 1)[0]
    install, test = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert install == 'pip install -e ".[test]" && python -m tf1compat legacy_examples/wholefile_copy.py'
    assert test == "python -m pytest -q"
    ci = _read(os.path.join(paths.ROOT, ".ci", "run"))
    assert 'pip install -e ".[test]"' in ci
    assert "python -m tf1compat legacy_examples/wholefile_copy.py" in ci
    assert "python -m pytest -q" in ci


@pytest.mark.parametrize("page", PAGES, ids=lambda path: os.path.relpath(path, paths.ROOT))
def test_every_relative_link_resolves(page):
    broken = []
    for target in _LINK.findall(_read(page)):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        file_part, _, anchor = target.partition("#")
        resolved = os.path.normpath(os.path.join(os.path.dirname(page), file_part)) if file_part else page
        if not os.path.exists(resolved):
            broken.append(target)
        elif anchor and resolved.endswith(".md") and anchor not in _anchors(resolved):
            broken.append(target)
    assert broken == []


@pytest.mark.parametrize("page", PAGES, ids=lambda path: os.path.relpath(path, paths.ROOT))
def test_every_python_dash_m_command_names_a_runnable_module(page):
    missing = []
    for module in sorted(set(_MODULE_COMMAND.findall(_read(page)))):
        if module.split(".")[0] in {"pip", "pytest", "venv", "tensorboard"}:
            continue
        spec = importlib.util.find_spec(module)
        runnable = spec is not None and (spec.submodule_search_locations is None
                                         or importlib.util.find_spec(module + ".__main__") is not None)
        if not runnable:
            missing.append(module)
    assert missing == []


def test_paths_the_readme_names_exist():
    named = {path for path in _REPO_PATH.findall(_read(README)) if "NAME" not in path}  # NAME: a placeholder
    assert named, "the README names no repository file: the pattern is stale"
    assert sorted(path for path in named if not os.path.exists(os.path.join(paths.ROOT, path))) == []
