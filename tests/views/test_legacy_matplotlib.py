"""The legacy matplotlib view: plt.hold, set_axis_bgcolor, cm.get_cmap, hist(normed=), canvas.tostring_rgb,
gca(projection=), the seaborn styles, mlab's densities, use(warn=) and axisbg= as in matplotlib 2.x."""
import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib import cm  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg  # noqa: E402
from scipy import stats  # noqa: E402

import tf1compat  # noqa: E402
from migration.scan.engine import scan_text  # noqa: E402
from tests.views.legacy_stack_loader import LOAD_LIBRARY  # noqa: E402
from tf1compat.errors import UnsupportedLegacyAPIError  # noqa: E402
from tf1compat.views import matplotlib as matplotlib_view  # noqa: E402

SCRIPT = """
import matplotlib.pyplot as plt
import matplotlib.cm as cm

plt.hold(True)
figure, ax = plt.subplots()
ax.set_axis_bgcolor("red")
background = ax.get_axis_bgcolor()
densities, _, _ = plt.hist([1, 2, 2, 3], bins=3, normed=True)
axes_densities, _, _ = ax.hist([1, 1, 3], bins=2, normed=True)
counts, _, _ = ax.hist([1, 1, 3], bins=2)
maps = (cm.get_cmap("viridis", 4), cm.get_cmap(), plt.cm.get_cmap("gray"))
plt.close("all")


def hold_off():
    plt.hold(False)
{load_library}
"""
LIBRARY = """
import matplotlib.cm
import matplotlib.pyplot as plt
has_get_cmap = hasattr(matplotlib.cm, "get_cmap")
has_hold = hasattr(plt, "hold")
"""


@pytest.fixture
def script(legacy_module, library_file):
    return legacy_module(SCRIPT, load_library=LOAD_LIBRARY.format(path=library_file(LIBRARY)))


def test_old_axes_calls_give_their_2x_results(script):
    assert script.background == (1.0, 0.0, 0.0, 1.0)
    assert script.densities.tolist() == pytest.approx([0.375, 0.75, 0.375])  # counts 1, 2, 1 / (4 * 2/3)
    assert script.axes_densities.tolist() == pytest.approx([2 / 3, 1 / 3]) and script.counts.tolist() == [2, 1]
    lut, default, grey = script.maps
    assert (lut.name, lut.N, default.name, grey.name) == ("viridis", 4, matplotlib.rcParams["image.cmap"], "gray")


def test_hold_off_is_refused_with_the_replacement(script):
    with pytest.raises(UnsupportedLegacyAPIError, match=r"`plt.hold\(False\)` is not provided .* Replacement: plt.cla"):
        script.hold_off()


def test_outside_the_scope_matplotlib_is_todays(script):
    assert (script.library.has_get_cmap, script.library.has_hold) == (False, False)
    assert not hasattr(cm, "get_cmap") and not hasattr(plt, "hold")
    with pytest.raises(AttributeError, match="normed"):  # this file is not in the scope: hist is today's
        plt.hist([1, 2], normed=True)
    plt.close("all")


def test_the_pyplot_view_follows_a_show_patched_later(script, monkeypatch):
    def patched_show():
        return "saved"

    monkeypatch.setattr(plt, "show", patched_show)  # as the runner's headless figures patch it
    assert script.plt.show is patched_show and script.plt.plot is plt.plot


PLOTS_2018 = """
import warnings

import matplotlib
matplotlib.use("Agg", warn=False)
import matplotlib.mlab as mlab
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle
from mpl_toolkits.mplot3d import Axes3D


def image_summary_pixels(facecolor):
    figure = plt.figure(figsize=(2, 1), dpi=10, facecolor=facecolor)
    figure.add_artist(Rectangle((0, 0), 0.5, 1, transform=figure.transFigure, facecolor="blue", edgecolor="none"))
    figure.canvas.draw()
    rgb = figure.canvas.tostring_rgb()
    rgba = np.asarray(figure.canvas.buffer_rgba()).copy()
    renderer_rgb = figure.canvas.get_renderer().tostring_rgb()
    plt.close(figure)
    return rgb, rgba, renderer_rgb, figure.canvas.get_width_height()


def undrawn_canvas_bytes():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    return FigureCanvasAgg(Figure()).tostring_rgb()


def surfaces():
    figure = plt.figure()
    first = figure.gca(projection="3d")
    again, through_pyplot = figure.gca(projection="3d"), plt.gca(projection="3d")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        polar = figure.gca(polar=True)
    fresh = plt.figure().gca(projection="3d")
    plt.close("all")
    return first, again, through_pyplot, polar, caught, fresh


def styled(*names):
    with matplotlib.rc_context():
        plt.style.use(names[0] if len(names) == 1 else list(names))
        used = dict(matplotlib.rcParams)
    with plt.style.context(names[0]):
        in_context = dict(matplotlib.rcParams)
    return used, in_context


def backgrounds():
    figure = plt.figure()
    made = (plt.subplot(221, axisbg="g"), figure.add_subplot(2, 2, 2, axisbg="b"), plt.axes([0, 0, .2, .2], axisbg="r"),
            figure.add_axes([.5, .5, .1, .1], axisbg=(0, 0, 0, .5)), plt.subplot(224, axisbg=None))
    colours = [ax.get_facecolor() for ax in made]
    plt.close(figure)
    return colours


def both_background_keywords():
    return plt.subplot(111, axisbg="g", facecolor="r")


def backends():
    matplotlib.use("agg", False)
    matplotlib.use("Agg", False, True)
    return matplotlib.get_backend()
{load_library}
"""
TODAYS_LIBRARY = """
import matplotlib
import matplotlib.mlab
import matplotlib.pyplot as plt


def refused(call):
    try:
        call()
    except (AttributeError, TypeError, OSError) as error:
        return type(error).__name__, str(error)
    return None


def todays_errors():
    figure = plt.figure()
    errors = [refused(lambda: figure.gca(projection="3d")), refused(lambda: plt.gca(projection="3d")),
              refused(lambda: plt.style.use("seaborn-whitegrid")), refused(lambda: matplotlib.use("Agg", warn=False)),
              refused(lambda: figure.add_subplot(111, axisbg="g")), refused(lambda: matplotlib.mlab.normpdf)]
    plt.close(figure)
    return errors
"""


@pytest.fixture
def plots(legacy_module, library_file):
    return legacy_module(PLOTS_2018, load_library=LOAD_LIBRARY.format(path=library_file(TODAYS_LIBRARY)))


def test_canvas_tostring_rgb_is_the_drawn_agg_buffer_without_alpha(plots):
    rgb, rgba, renderer_rgb, (width, height) = plots.image_summary_pixels((1.0, 0.0, 0.0, 0.5))
    assert (width, height) == (20, 10) and len(rgb) == width * height * 3 == 600 and renderer_rgb == rgb
    pixels = np.frombuffer(rgb, dtype=np.uint8).reshape(height, width, 3)  # the TF1 image-summary idiom
    assert pixels[:, :10].reshape(-1, 3).tolist() == [[0, 0, 255]] * 100  # the blue left half, row-major
    assert pixels[:, 10:].reshape(-1, 3).tolist() == [[255, 0, 0]] * 100  # half-transparent red: alpha dropped
    assert rgba[0, -1].tolist() == [255, 0, 0, 128] and pixels.tolist() == rgba[..., :3].tolist()


def test_canvas_tostring_rgb_equals_the_raw_rgba_savefig_without_alpha(plots):
    rgb, _, _, (width, height) = plots.image_summary_pixels("white")
    figure = plt.figure(figsize=(2, 1), dpi=10, facecolor="white")
    figure.add_artist(plt.Rectangle((0, 0), 0.5, 1, transform=figure.transFigure, facecolor="blue", edgecolor="none"))
    raw = io.BytesIO()
    figure.savefig(raw, format="rgba", dpi=10)
    plt.close(figure)
    assert np.frombuffer(raw.getvalue(), np.uint8).reshape(height, width, 4)[..., :3].tobytes() == rgb


def test_canvas_tostring_rgb_before_draw_fails_as_in_2_2(plots):
    with pytest.raises(AttributeError, match="has no attribute 'renderer'"):
        plots.undrawn_canvas_bytes()


def test_gca_with_a_projection_reuses_a_matching_current_axes_or_adds_a_subplot(plots):
    first, again, through_pyplot, polar, caught, fresh = plots.surfaces()
    assert type(first).__name__ == "Axes3D" and first is again is through_pyplot
    assert first.get_subplotspec().get_geometry() == (1, 1, 0, 0)  # subplot(111)
    assert type(polar).__name__ == "PolarAxes" and polar is not first and polar.figure is first.figure
    assert [str(warning.message) for warning in caught] == [
        "Requested projection is different from current axis projection, creating new axis with requested projection."]
    assert caught[0].filename == plots.__file__  # reported at the script's line, as 2.2 did
    assert type(fresh).__name__ == "Axes3D" and fresh.figure is not first.figure


def test_seaborn_style_names_load_the_renamed_sheets(plots):
    library = matplotlib.style.library
    before = dict(matplotlib.rcParams)
    used, in_context = plots.styled("seaborn-whitegrid")
    whitegrid = library["seaborn-v0_8-whitegrid"]
    assert whitegrid and all(used[key] == value and in_context[key] == value for key, value in whitegrid.items())
    assert (used["axes.grid"], used["axes.edgecolor"]) == (True, ".8")
    used, _ = plots.styled("seaborn", "seaborn-talk")
    assert (used["axes.facecolor"], used["axes.labelsize"]) == ("#EAEAF2", 14.3)  # darkgrid, then the talk sizes
    assert dict(matplotlib.rcParams) == before


def test_mlab_densities_give_2_2s_formulas(plots):
    x = np.array([-1.0, 0.0, 2.5])
    assert plots.mlab.normpdf(x, 0.5, 2.0).tolist() == pytest.approx(stats.norm.pdf(x, 0.5, 2.0).tolist(), rel=1e-12)
    assert plots.mlab.normpdf(0.0, 0.0, 1.0) == pytest.approx(1 / np.sqrt(2 * np.pi), rel=1e-15)
    grid_x, grid_y = np.meshgrid([-1.0, 0.0, 1.5], [0.5, 2.0])
    density = plots.mlab.bivariate_normal(grid_x, grid_y, 1.0, 2.0, 0.5, 1.0, 0.6)  # sigmaxy: the covariance
    expected = stats.multivariate_normal([0.5, 1.0], [[1.0, 0.6], [0.6, 4.0]]).pdf(np.dstack([grid_x, grid_y]))
    assert density.shape == (2, 3) and density.ravel().tolist() == pytest.approx(expected.ravel().tolist(), rel=1e-12)
    assert plots.mlab.bivariate_normal(np.zeros(1), np.zeros(1)).tolist() == pytest.approx([1 / (2 * np.pi)])


def test_axisbg_is_the_facecolor_of_new_axes(plots):
    default = matplotlib.colors.to_rgba(matplotlib.rcParams["axes.facecolor"])  # axisbg=None: as if not given
    assert plots.backgrounds() == [(0.0, 0.5, 0.0, 1.0), (0.0, 0.0, 1.0, 1.0), (1.0, 0.0, 0.0, 1.0),
                                   (0.0, 0.0, 0.0, 0.5), default]
    with pytest.raises(TypeError, match="Both axisbg and facecolor are not None"):
        plots.both_background_keywords()
    plt.close("all")


def test_use_takes_2_2s_warn_and_force_arguments(plots):
    assert plots.backends() == "Agg"


def test_outside_the_scope_the_2018_calls_fail_as_today(plots):
    errors = plots.library.todays_errors()
    assert [(kind, fragment in message) for (kind, message), fragment in zip(errors, [
        "unexpected keyword argument 'projection'", "unexpected keyword argument 'projection'",
        "'seaborn-whitegrid' is not a valid package style", "unexpected keyword argument 'warn'",
        "unexpected keyword argument 'axisbg'", "has no attribute 'normpdf'"])] == [
        ("TypeError", True), ("TypeError", True), ("OSError", True), ("TypeError", True), ("AttributeError", True),
        ("AttributeError", True)]


def test_report_names_each_2018_call_and_deactivate_restores_the_functions(plots):
    plots.image_summary_pixels("white")
    plots.surfaces()
    plots.styled("seaborn-whitegrid")
    report = "\n".join(matplotlib_view.report_lines())
    for spelling, removed_in in [("FigureCanvasAgg.tostring_rgb", "3.10"), ("Figure.gca(projection=)", "3.6"),
                                 ("pyplot.gca(projection=)", "3.6"), ("style.use('seaborn')", "3.8"),
                                 ("matplotlib.use(warn=)", "3.3")]:
        line = next(line for line in report.splitlines() if line.startswith(f"  {spelling} "))
        assert f"[removed in matplotlib {removed_in}] -> " in line and "legacy_scope/legacy_stack_script_" in line
    tf1compat.deactivate()
    assert not hasattr(FigureCanvasAgg, "tostring_rgb") and not hasattr(RendererAgg, "tostring_rgb")
    assert not any(hasattr(function, "__wrapped__") for function in (
        matplotlib.use, matplotlib.style.use, plt.gca, matplotlib.figure.FigureBase.gca,
        matplotlib.axes._base._AxesBase.__init__))  # pylint: disable=protected-access


SCANNED = """import matplotlib
matplotlib.use('Agg', warn=False)
import matplotlib.pyplot as plt
import matplotlib.mlab as mlab
ax = fig.gca(projection='3d')
image = np.frombuffer(fig.canvas.tostring_rgb(), dtype=np.uint8)
plt.subplot(111, axisbg='r')
y = mlab.normpdf(bins, mu, sigma)
"""


def test_scan_finds_the_2018_calls_with_their_replacements():
    findings = [(f.line, f.category, f.symbol, f.kind) for f in scan_text(SCANNED)]
    assert findings == [(2, "matplotlib", "matplotlib.use(warn=)", "provided"),
                        (5, "matplotlib", "Figure.gca(projection=)", "provided"),
                        (6, "matplotlib", "FigureCanvasAgg.tostring_rgb", "provided"),
                        (7, "matplotlib", "matplotlib.pyplot.subplot(axisbg=)", "provided"),
                        (8, "matplotlib", "matplotlib.mlab.normpdf", "provided")]
