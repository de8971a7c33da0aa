"""The project's layout: one package per tool or removed-module family, and TF2 twins that stand alone."""
import pytest
import ast
import json
import os
import subprocess
import sys

from migration import pairs

PACKAGE_ROOTS = ("tf1compat", "migration", "benchmarks")


def _packages():
    for root in PACKAGE_ROOTS:
        for folder, subfolders, files in os.walk(os.path.join(pairs.REPO_ROOT, root)):
            subfolders[:] = [name for name in subfolders if not name.startswith(("_", "."))]
            if "__init__.py" in files:
                yield folder, sorted(name[:-3] for name in files if name.endswith(".py"))


def test_no_module_carries_its_package_name_as_a_prefix():
    prefixed = []
    for folder, modules in _packages():
        package = os.path.basename(folder)
        prefixes = {package + "_", package.rstrip("s") + "_"}
        prefixed += [os.path.relpath(os.path.join(folder, module + ".py"), pairs.REPO_ROOT)
                     for module in modules if module.startswith(tuple(prefixes))]
    assert prefixed == []


def test_migration_holds_examples_registry_and_tool_packages():
    assert pairs.example_modules() == sorted(pairs.PAIRS)
    assert {"checks", "scan", "checkpoints", "diff", "equivalence", "batch_size_study"} <= set(pairs.tool_packages())


def _imported_modules(path):
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read(), path)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def test_no_twin_imports_tf1compat_in_its_source():
    offenders = {name: sorted(module for module in _imported_modules(pair.migration_path)
                              if module.split(".")[0] == "tf1compat")
                 for name, pair in pairs.PAIRS.items()}
    assert {name: modules for name, modules in offenders.items() if modules} == {}


@pytest.mark.slow
def test_importing_the_twins_loads_no_tf1compat_module():
    # One process imports every twin: a transitive import (through a tool package) fails too.
    program = ("import importlib, json, sys\n"
               f"for name in {sorted(pairs.PAIRS)!r}:\n"
               "    importlib.import_module('migration.' + name)\n"
               "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'tf1compat')))\n")
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    completed = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                               cwd=pairs.REPO_ROOT, env=env, timeout=300)
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert json.loads(completed.stdout.splitlines()[-1]) == []


# tf1compat's root: a few entry points and one package per idea (see docs/development.md).
ROOT_MODULES = {"__init__", "__main__", "errors", "coverage"}  # coverage: the old command name, an alias
ROOMS = {
    "cli": "the command line", "scope": "the legacy scope", "views": "legacy views of the 2018 stack",
    "session": "session adjusters", "api": "TF1 API knowledge", "cluster": "the cluster launcher",
    "estimator": "tf.estimator", "shims": "removed TF1 modules", "data": "the embedded MNIST subset",
    "notebooks": "notebooks on Jupyter kernels", "kernel": "the tf1compat Jupyter kernel",
}
TEST_FOLDERS = {"cli", "scope", "views", "session", "api", "cluster", "estimator", "shims", "pairs", "scan",
                "equivalence", "checkpoints", "diff", "batch_size_study", "benchmarks", "packaging", "docs",
                "notebooks"}


def test_tf1compat_root_holds_entry_points_and_rooms_only():
    root = os.path.join(pairs.REPO_ROOT, "tf1compat")
    modules = {name[:-3] for name in os.listdir(root) if name.endswith(".py")}
    folders = {name for name in os.listdir(root)
               if os.path.isdir(os.path.join(root, name)) and not name.startswith(("_", "."))}
    assert modules == ROOT_MODULES
    assert folders <= set(ROOMS), f"a new room needs a line in ROOMS and docs/development.md: {folders - set(ROOMS)}"


def _python_files(*roots):
    for root in roots:
        for folder, subfolders, files in os.walk(os.path.join(pairs.REPO_ROOT, root)):
            subfolders[:] = [name for name in subfolders if not name.startswith(("_", "."))]
            yield from (os.path.join(folder, name) for name in files if name.endswith(".py"))


def _classes(path):
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read(), path)
    return [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]


def test_one_command_line_convention():
    usage = os.path.join(pairs.REPO_ROOT, "tf1compat", "cli", "usage.py")
    own_errors, parsers = [], []
    for path in _python_files("tf1compat", "migration", "benchmarks"):
        for node in _classes(path):
            bases = {getattr(base, "attr", getattr(base, "id", "")) for base in node.bases}
            if node.name == "UsageError" and path != usage:
                own_errors.append(os.path.relpath(path, pairs.REPO_ROOT))
            if "ArgumentParser" in bases and path != usage:
                parsers.append(os.path.relpath(path, pairs.REPO_ROOT))
    assert own_errors == [] and parsers == []


def test_every_tool_main_goes_through_run_command():
    tools = [os.path.join(pairs.REPO_ROOT, "migration", package, "cli.py") for package in pairs.tool_packages()
             if os.path.exists(os.path.join(pairs.REPO_ROOT, "migration", package, "cli.py"))]
    tools += [os.path.join(pairs.REPO_ROOT, *parts) for parts in (
        ("tf1compat", "cli", "runner.py"), ("tf1compat", "api", "coverage_page.py"), ("benchmarks", "__main__.py"))]
    without = []
    for path in tools:
        with open(path, encoding="utf-8") as handle:
            tree = ast.parse(handle.read(), path)
        [main] = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "main"]
        calls = {getattr(node.func, "id", getattr(node.func, "attr", "")) for node in ast.walk(main)
                 if isinstance(node, ast.Call)}
        if "run_command" not in calls:
            without.append(os.path.relpath(path, pairs.REPO_ROOT))
    assert len(tools) >= 7 and without == []


def test_tests_live_in_the_folder_of_what_they_test():
    tests_dir = os.path.join(pairs.REPO_ROOT, "tests")
    loose = sorted(name for name in os.listdir(tests_dir) if name.startswith("test_") and name != "test_layout.py")
    folders = {name for name in os.listdir(tests_dir) if os.path.isfile(os.path.join(tests_dir, name, "__init__.py"))}
    assert loose == [] and folders <= TEST_FOLDERS, (loose, folders - TEST_FOLDERS)


def test_test_modules_share_helpers_through_harness_modules_not_each_other():
    """A helper two test files need lives in a module without the test_ prefix (importing a test module
    from another one re-runs its module-level set-up and hides where the helper lives)."""
    tests_dir = os.path.join(pairs.REPO_ROOT, "tests")
    crossing = []
    for folder, _, names in os.walk(tests_dir):
        for name in sorted(names):
            if not (name.startswith("test_") and name.endswith(".py")):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as handle:
                tree = ast.parse(handle.read(), path)
            imported = [f"{node.module}.{alias.name}" for node in ast.walk(tree)
                        if isinstance(node, ast.ImportFrom) and node.module for alias in node.names]
            imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
            crossing += [(os.path.relpath(path, tests_dir), module) for module in imported
                         if module.startswith("tests.") and any(part.startswith("test_") for part in module.split("."))]
    assert crossing == []
