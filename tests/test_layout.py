"""The project's layout: one package per tool or removed-module family, and TF2 twins that stand alone."""
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
