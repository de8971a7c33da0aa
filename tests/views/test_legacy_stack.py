"""The legacy-stack engine: the registry, --real, the import dispatch, class attributes, --report and migration.scan."""
import pickle

import pandas
import pytest
from matplotlib.axes import Axes

import tf1compat
from migration.scan.engine import scan_text
from tf1compat.api import usage_report
from tf1compat.cli import runner
from tf1compat.errors import UnsupportedLegacyAPIError
from tf1compat.views import registry
from tests.views.legacy_stack_loader import load_by_path


def test_real_accepts_distribution_and_import_names_and_all():
    assert registry.real_tops(["pillow", "PIL", "scikit-learn", "sklearn", "numpy"]) == {"PIL", "sklearn", "numpy"}
    assert registry.real_tops(["all"]) == set(registry.VIEWS)
    with pytest.raises(ValueError, match=r"^`--real bogus`: no legacy view has that name; available: all, h5py, keras"):
        registry.real_tops(["bogus"])


def test_runner_takes_repeated_real_options_and_refuses_unknown_ones_in_one_line(capsys):
    options = runner.build_parser("tf1-run").parse_args(["--real", "pillow", "--real-numpy", "--real=pandas", "x.py"])
    assert options.real == ["pillow", "numpy", "pandas"]
    assert runner.split_argv(["--real", "scipy", "x.py", "--real"]) == (["--real", "scipy", "x.py"], ["--real"])
    assert runner.main(["--real", "bogus", "x.py"]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("ERROR `--real bogus`: no legacy view has that name") and "\n" not in error


def test_a_view_that_is_not_built_or_a_package_not_installed_means_the_real_import(monkeypatch):
    monkeypatch.setitem(registry.VIEWS, "json", "tf1compat.views.no_such_view")
    monkeypatch.setitem(registry.VIEWS, "no_such_package_20", "tf1compat.views.scipy")
    assert registry.view_module("json") is None and registry.view_module("no_such_package_20") is None
    assert registry.view_module("scipy").PACKAGE.top == "scipy"


def test_real_packages_named_at_activation_stay_real_in_the_scope(tmp_path):
    (tmp_path / "uses_old_names.py").write_text("from PIL import Image\nimport pandas\nantialias = "
                                                "getattr(Image, 'ANTIALIAS', None)\nframe = pandas.DataFrame()\n")
    tf1compat.activate(str(tmp_path), real=("PIL", "pandas"))
    try:
        module = load_by_path(str(tmp_path / "uses_old_names.py"), "uses_old_names")
    finally:
        tf1compat.deactivate()
    assert module.antialias is None and module.pandas is pandas


def test_added_class_attributes_leave_with_deactivate(legacy_module):
    legacy_module("import pandas\nimport matplotlib\nframe = pandas.DataFrame()\n")
    assert isinstance(pandas.DataFrame.__dict__["as_matrix"], object) and hasattr(Axes.hist, "__tf1compat_wraps__")
    tf1compat.deactivate()
    assert "as_matrix" not in pandas.DataFrame.__dict__ and "ix" not in pandas.Series.__dict__
    assert not hasattr(Axes.hist, "__tf1compat_wraps__") and "set_axis_bgcolor" not in Axes.__dict__


def test_report_has_a_section_per_package_the_run_used(legacy_module):
    legacy_module("""
        import pandas as pd
        from PIL import Image
        stamp = pd.datetime
        lanczos = Image.ANTIALIAS
        """)
    text = "\n".join(usage_report.environment_lines())
    assert "pandas 0.23 names the legacy pandas view served (" in text and "--real pandas turns the view off" in text
    assert "Pillow < 10 names the legacy Pillow view served (" in text
    assert "  PIL.Image.ANTIALIAS" in text and "[removed in Pillow 10.0] -> PIL.Image.Resampling.LANCZOS" in text


SOURCE = """import numpy as np
import scipy.misc
from sklearn.cross_validation import KFold
import pandas as pd
from PIL import Image
import matplotlib.pyplot as plt
x = scipy.misc.imresize(np.zeros((2, 2)), 50)
m = frame.as_matrix()
image = image.resize((2, 2), Image.ANTIALIAS)
plt.hist(values, normed=True)
rows.append(3)
"""


def test_scan_reports_every_package_with_its_replacement():
    findings = [(f.line, f.col, f.category, f.symbol, f.kind) for f in scan_text(SOURCE)]
    assert findings == [
        (3, 1, "sklearn", "sklearn.cross_validation", "provided"),
        (7, 5, "scipy", "scipy.misc.imresize", "provided"),
        (8, 5, "pandas", "DataFrame.as_matrix", "provided"),
        (9, 30, "pillow", "PIL.Image.ANTIALIAS", "provided"),
        (10, 18, "matplotlib", "Axes.hist(normed=)", "provided")]
    messages = {f.symbol: f.message for f in scan_text(SOURCE)}
    assert messages["scipy.misc.imresize"].startswith(
        "`scipy.misc.imresize` was removed in SciPy 1.3 (tf1compat's legacy SciPy view provides it); now: ")
    assert messages["Axes.hist(normed=)"] == ("`normed=` of Axes.hist was removed in matplotlib 3.1 (tf1compat's "
                                              "legacy matplotlib view accepts it); now: hist(density=True)")


def test_unsupported_legacy_api_error_names_the_call_why_and_the_replacement():
    error = UnsupportedLegacyAPIError("plt.hold(False)", "hold off is gone", "plt.cla()")
    assert str(error) == ("`plt.hold(False)` is not provided by tf1compat's legacy views: hold off is gone. "
                          "Replacement: plt.cla()")
    assert isinstance(error, NotImplementedError) and str(pickle.loads(pickle.dumps(error))) == str(error)
