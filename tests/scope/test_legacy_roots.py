"""Which files are legacy (tf1compat.scope.roots and friends): fast, in-process, no TensorFlow run."""
import os
import sys
import textwrap

import pytest

from tf1compat.cli import runner
from tf1compat.scope import distributions, environment, outside_hint, project_settings, roots
from tf1compat.scope.project_settings import LegacyScopeError


@pytest.fixture(autouse=True)
def fresh_scope(monkeypatch):
    monkeypatch.setattr(sys, "path", list(sys.path))  # every test restores sys.path
    roots.clear()
    yield
    roots.clear()


def make_file(path, text="import tensorflow as tf\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return str(path)


def make_distribution(site, dist_name, package, version="0.3.0"):
    """What ``pip install --target site`` leaves: the package and its ``.dist-info``."""
    init = make_file(site / package / "__init__.py",
                     "import tensorflow as tf\n\ndef scope():\n    return tf.variable_scope('x')\n")
    info = site / f"{dist_name.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist_name}\nVersion: {version}\n")
    (info / "top_level.txt").write_text(f"{package}\n")
    (info / "RECORD").write_text(f"{package}/__init__.py,,\n")
    return init


def test_the_script_tree_is_legacy_and_nothing_else_by_default(tmp_path):
    script = make_file(tmp_path / "project" / "scripts" / "train.py")
    beside = make_file(tmp_path / "project" / "lib" / "mylib.py")
    roots.enable()
    roots.add(os.path.dirname(script), "the script's folder tree")
    assert roots.is_legacy(script) is True
    assert roots.is_legacy(str(tmp_path / "project" / "scripts" / "sub" / "x.py")) is True
    assert roots.is_legacy(beside) is False
    assert roots.is_legacy(str(tmp_path / "project" / "scripts2" / "x.py")) is False  # a prefix, not a folder
    assert roots.is_legacy(os.__file__) is False  # the standard library
    assert roots.is_legacy(pytest.__file__) is False  # site-packages
    assert roots.is_legacy(roots.__file__) is False  # tf1compat itself


def test_sys_path_folders_become_legacy_and_stop_when_removed(tmp_path):
    library = make_file(tmp_path / "lib" / "mylib" / "__init__.py")
    roots.enable()
    assert roots.is_legacy(library) is False
    (tmp_path / "scripts").mkdir()
    sys.path.insert(0, str(tmp_path / "scripts" / ".." / "lib"))  # as scripts write it: join(dirname, '..', 'lib')
    assert roots.is_legacy(library) is True  # the cached verdict is dropped when sys.path changes
    assert roots.sys_path_roots()[0] == roots.Root(str(tmp_path / "lib") + os.sep, "sys.path entry the program added")
    sys.path.pop(0)
    assert roots.is_legacy(library) is False


def test_pythonpath_entries_are_named_as_such(tmp_path, monkeypatch):
    folder = tmp_path / "src"
    folder.mkdir()
    monkeypatch.setenv("PYTHONPATH", str(folder))
    sys.path.insert(1, str(folder))
    roots.enable()
    assert roots.Root(str(folder) + os.sep, "sys.path entry from PYTHONPATH") in roots.scope_roots()


def test_installed_environments_on_sys_path_stay_real(tmp_path):
    target_install = make_distribution(tmp_path / "target", "oldtfhelpers", "oldtfhelpers")  # pip --target DIR
    site_folder = make_file(tmp_path / "env" / "lib" / "site-packages" / "plain.py")
    for entry in ["", str(tmp_path / "target"), str(tmp_path / "env" / "lib" / "site-packages"),
                  str(tmp_path / "archive.zip"), environment.SOURCE_ROOT]:
        sys.path.append(entry)
    (tmp_path / "archive.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    roots.enable()
    assert roots.is_legacy(target_install) is False
    assert roots.is_legacy(site_folder) is False
    assert roots.is_legacy(os.path.join(os.getcwd(), "x.py")) is (os.getcwd() + os.sep in
                                                                  [root.path for root in roots.sys_path_roots()])
    assert [root for root in roots.sys_path_roots() if root.path.startswith(str(tmp_path))] == []
    assert environment.is_installed_entry(environment.SOURCE_ROOT)


def test_the_deepest_folder_decides(tmp_path):
    """A venv inside the project stays real; a package named inside site-packages is legacy."""
    project = tmp_path / "project"
    venv_module = make_file(project / ".venv" / "lib" / "python3" / "site-packages" / "tf2lib.py")
    named = make_distribution(project / ".venv" / "lib" / "python3" / "site-packages", "oldtfhelpers", "oldtfhelpers")
    sys.path.append(str(project / ".venv" / "lib" / "python3" / "site-packages"))
    roots.enable()
    roots.add(str(project), "the script's folder tree")
    assert roots.is_legacy(make_file(project / "train.py")) is True
    assert roots.is_legacy(venv_module) is False
    assert roots.is_legacy(named) is False
    for location in distributions.package_locations("oldtfhelpers"):
        roots.add(location, "--legacy-package oldtfhelpers")
    assert roots.is_legacy(named) is True
    assert roots.is_legacy(venv_module) is False


def test_added_mode_keeps_the_callers_sys_path_real(tmp_path):
    caller = make_file(tmp_path / "app" / "main.py")
    sys.path.insert(0, str(tmp_path / "app"))
    roots.enable(roots.SYS_PATH_ADDED)
    assert roots.is_legacy(caller) is False
    (tmp_path / "legacy_lib").mkdir()
    sys.path.insert(0, str(tmp_path / "legacy_lib"))
    assert roots.is_legacy(str(tmp_path / "legacy_lib" / "old.py")) is True


def test_distribution_names_resolve_to_their_top_level_packages(tmp_path):
    init = make_distribution(tmp_path / "site", "old-tf-helpers", "oldhelpers_core")
    sys.path.append(str(tmp_path / "site"))
    expected = [os.path.dirname(init) + os.sep]
    assert distributions.package_locations("old-tf-helpers") == expected
    assert distributions.package_locations("Old_TF.Helpers") == expected
    assert distributions.package_locations("oldhelpers_core") == expected
    assert distributions.package_locations("no_such_thing_here") == []
    assert distributions.distribution_names("oldhelpers_core") == ["old-tf-helpers"]


def write_pyproject(folder, body):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pyproject.toml").write_text(textwrap.dedent(body))
    return str(folder / "pyproject.toml")


def test_pyproject_lists_are_found_walking_up_and_options_add_to_them(tmp_path):
    make_distribution(tmp_path / "site", "oldtfhelpers", "oldtfhelpers")
    sys.path.append(str(tmp_path / "site"))
    (tmp_path / "project" / "vendor" / "slim").mkdir(parents=True)
    (tmp_path / "extra").mkdir()
    write_pyproject(tmp_path / "project", """
        [project]
        name = "train"
        [tool.tf1compat]
        legacy-paths = ["vendor/slim"]
        legacy-packages = ["oldtfhelpers"]
    """)
    write_pyproject(tmp_path / "project" / "scripts", '[project]\nname = "no-table-here"\n')
    pyproject = str(tmp_path / "project" / "pyproject.toml")
    assert project_settings.find_pyproject(str(tmp_path / "project" / "scripts")) == pyproject
    project_settings.apply(str(tmp_path / "project" / "scripts"), [str(tmp_path / "extra")])
    assert roots.scope_roots() == [
        roots.Root(str(tmp_path / "project" / "vendor" / "slim") + os.sep, f"pyproject.toml legacy-paths ({pyproject})"),
        roots.Root(str(tmp_path / "site" / "oldtfhelpers") + os.sep, f"pyproject.toml legacy-packages ({pyproject})"),
        roots.Root(str(tmp_path / "extra") + os.sep, "--legacy")]


@pytest.mark.parametrize("body, message", [
    ('[tool.tf1compat]\nlegacy-paths = ["lib2"]\n',
     "[tool.tf1compat] legacy-paths entry `lib2`: the folder `{tmp}/lib2` does not exist; give an existing folder"),
    ('[tool.tf1compat]\nlegacy-packages = ["nosuchpkg_xyz"]\n',
     "[tool.tf1compat] legacy-packages entry `nosuchpkg_xyz`: no importable package or installed distribution "
     "is named `nosuchpkg_xyz`; check the spelling (pip show nosuchpkg_xyz)"),
    ('[tool.tf1compat]\nlegacy-paths = "lib"\n',
     '[tool.tf1compat] legacy-paths must be a list of names; e.g. legacy-paths = ["../lib"]'),
    ('[tool.tf1compat]\nlegacy-path = ["lib"]\n',
     "[tool.tf1compat] has unknown key `legacy-path`; known keys: legacy-packages, legacy-paths"),
    ('[tool.tf1compat]\nlegacy-paths = ["lib"\n', "is not valid TOML ("),
    ('[tool.tf1compat]\nlegacy-packages = ["tensorflow"]\n', "`tensorflow` must keep its real API"),
])
def test_a_bad_pyproject_entry_is_one_line_naming_it(tmp_path, body, message):
    pyproject = write_pyproject(tmp_path, body)
    with pytest.raises(LegacyScopeError) as caught:
        project_settings.apply(str(tmp_path))
    assert f"`{pyproject}`" in str(caught.value)
    assert message.format(tmp=tmp_path) in str(caught.value)
    assert "\n" not in str(caught.value)
    assert roots.scope_roots() == []  # nothing half-applied


def test_runner_options_are_checked_before_anything_runs(tmp_path, capsys):
    script = make_file(tmp_path / "train.py", "raise SystemExit('must not run')\n")
    assert runner.main(["--legacy", str(tmp_path / "lib"), script]) == 2
    assert capsys.readouterr().err == (f"ERROR `--legacy {tmp_path / 'lib'}`: the folder `{tmp_path / 'lib'}` does not "
                                       "exist; give an existing folder of TF1 code (relative paths in pyproject.toml "
                                       "are relative to that file)\n")
    assert runner.main(["--legacy-package", "nosuchpkg_xyz", script]) == 2
    assert capsys.readouterr().err.startswith("ERROR `--legacy-package nosuchpkg_xyz`: no importable package")


def test_cluster_tasks_get_the_scope_options():
    parser = runner.build_parser("tf1-run")
    runner_argv, script_argv = runner.split_argv(
        ["--cluster", "ps=1,worker=2", "--legacy", "lib", "--legacy-package=oldtfhelpers", "--legacy-package",
         "old-tf-helpers", "train.py", "--legacy", "x"])
    assert script_argv == ["--legacy", "x"]
    assert runner.task_runner_argv(parser, runner_argv) == [
        "--legacy", "lib", "--legacy-package=oldtfhelpers", "--legacy-package", "old-tf-helpers"]


def raise_in(filename, message):
    """Run ``raise AttributeError(message)`` as code of ``filename``; return the error."""
    code = compile(f"raise AttributeError({message!r})", filename, "exec")
    try:
        exec(code, {})
    except AttributeError as error:
        return error
    raise AssertionError("no error")


def test_the_hint_names_the_installed_package_and_the_option(tmp_path, monkeypatch):
    init = make_distribution(tmp_path / "site", "old-tf-helpers", "oldtfhelpers")
    sys.path.append(str(tmp_path / "site"))
    roots.enable()
    error = raise_in(init, "module 'tensorflow' has no attribute 'variable_scope'")
    assert outside_hint.hint_for(error, error.__traceback__) == (
        "`oldtfhelpers/__init__.py` uses TF1 API (tf.variable_scope) but is outside the legacy scope: it is the "
        "installed package `oldtfhelpers` (distribution `old-tf-helpers`); run with --legacy-package oldtfhelpers "
        "(or list it under [tool.tf1compat] legacy-packages)")
    monkeypatch.chdir(tmp_path)
    folder_file = make_file(tmp_path / "elsewhere" / "pkg" / "__init__.py")
    error = raise_in(folder_file, "module 'tensorflow._api.v2.train' has no attribute 'AdamOptimizer'")
    assert outside_hint.hint_for(error, error.__traceback__) == (
        "`elsewhere/pkg/__init__.py` uses TF1 API (tf.train.AdamOptimizer) but is outside the legacy scope: it is "
        "in the folder `elsewhere`; run with --legacy elsewhere (or list it under [tool.tf1compat] legacy-paths)")


def test_no_hint_for_tf2_names_or_legacy_code(tmp_path):
    init = make_distribution(tmp_path / "site", "oldtfhelpers", "oldtfhelpers")
    sys.path.append(str(tmp_path / "site"))
    roots.enable()
    error = raise_in(init, "module 'tensorflow' has no attribute 'no_such_api_anywhere'")
    assert outside_hint.hint_for(error, error.__traceback__) is None
    error = raise_in(init, "'NoneType' object has no attribute 'variable_scope'")
    assert outside_hint.hint_for(error, error.__traceback__) is None
    roots.add(os.path.dirname(init), "--legacy-package oldtfhelpers")
    error = raise_in(init, "module 'tensorflow' has no attribute 'variable_scope'")
    assert outside_hint.hint_for(error, error.__traceback__) is None


def test_tf1_only_module_imports_are_tf1_names():
    error = ModuleNotFoundError("No module named 'tensorflow.contrib'", name="tensorflow.contrib")
    assert outside_hint.tf1_name(error) == "contrib"
    assert outside_hint.tf1_name(AttributeError("module 'tensorflow' has no attribute 'contrib'")) == "contrib"
    assert outside_hint.tf1_name(ModuleNotFoundError("No module named 'tensorflow.foo'", name="tensorflow.foo")) is None
