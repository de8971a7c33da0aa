"""The legacy matplotlib view: plt.hold, set_axis_bgcolor, cm.get_cmap, hist(normed=), canvas.tostring_rgb
and mlab's densities as in matplotlib 2.x."""
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
import matplotlib
matplotlib.use("Agg")
import matplotlib.mlab as mlab
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle


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
    errors = [refused(lambda: matplotlib.mlab.normpdf)]
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


def test_mlab_densities_give_2_2s_formulas(plots):
    x = np.array([-1.0, 0.0, 2.5])
    assert plots.mlab.normpdf(x, 0.5, 2.0).tolist() == pytest.approx(stats.norm.pdf(x, 0.5, 2.0).tolist(), rel=1e-12)
    assert plots.mlab.normpdf(0.0, 0.0, 1.0) == pytest.approx(1 / np.sqrt(2 * np.pi), rel=1e-15)
    grid_x, grid_y = np.meshgrid([-1.0, 0.0, 1.5], [0.5, 2.0])
    density = plots.mlab.bivariate_normal(grid_x, grid_y, 1.0, 2.0, 0.5, 1.0, 0.6)  # sigmaxy: the covariance
    expected = stats.multivariate_normal([0.5, 1.0], [[1.0, 0.6], [0.6, 4.0]]).pdf(np.dstack([grid_x, grid_y]))
    assert density.shape == (2, 3) and density.ravel().tolist() == pytest.approx(expected.ravel().tolist(), rel=1e-12)
    assert plots.mlab.bivariate_normal(np.zeros(1), np.zeros(1)).tolist() == pytest.approx([1 / (2 * np.pi)])


def test_outside_the_scope_the_2018_calls_fail_as_today(plots):
    errors = plots.library.todays_errors()
    assert [(kind, fragment in message) for (kind, message), fragment in zip(errors, [
        "has no attribute 'normpdf'"])] == [("AttributeError", True)]


def test_report_names_each_2018_call_and_deactivate_restores_the_functions(plots):
    plots.image_summary_pixels("white")
    report = "\n".join(matplotlib_view.report_lines())
    for spelling, removed_in in [("FigureCanvasAgg.tostring_rgb", "3.10")]:
        line = next(line for line in report.splitlines() if line.startswith(f"  {spelling} "))
        assert f"[removed in matplotlib {removed_in}] -> " in line and "legacy_scope/legacy_stack_script_" in line
    tf1compat.deactivate()
    assert not hasattr(FigureCanvasAgg, "tostring_rgb") and not hasattr(RendererAgg, "tostring_rgb")


SCANNED = """import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
import matplotlib.mlab as mlab
image = np.frombuffer(fig.canvas.tostring_rgb(), dtype=np.uint8)
y = mlab.normpdf(bins, mu, sigma)
"""


def test_scan_finds_the_2018_calls_with_their_replacements():
    findings = [(f.line, f.category, f.symbol, f.kind) for f in scan_text(SCANNED)]
    assert findings == [(5, "matplotlib", "FigureCanvasAgg.tostring_rgb", "provided"),
                        (6, "matplotlib", "matplotlib.mlab.normpdf", "provided")]
