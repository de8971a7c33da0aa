"""The legacy matplotlib view: plt.hold, set_axis_bgcolor, cm.get_cmap and hist(normed=) as in matplotlib 2.x."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib import cm  # noqa: E402

from tests.views.legacy_stack_loader import LOAD_LIBRARY  # noqa: E402
from tf1compat.errors import UnsupportedLegacyAPIError  # noqa: E402

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
