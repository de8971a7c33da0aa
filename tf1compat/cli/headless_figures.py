"""On a machine with no display, ``plt.show()`` saves the open figures as PNG files."""
import os
import sys

_INTERACTIVE_HINTS = ("tk", "qt", "gtk", "wx", "macosx", "nbagg", "webagg", "ipympl", "widget", "inline")
_destination = {}  # set by prepare(): where this run saves what it cannot show ("folder", "stem")


def headless():
    """True when no window can be opened (no X/Wayland display on Linux)."""
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


def prepare(figures_dir, stem):
    """Choose a file backend when headless and arrange for ``plt.show`` to be patched.

    Returns a hook for ``legacy_scope.add_after_import_hook``: it patches pyplot as
    soon as some import has loaded it, and returns True once done.
    """
    if headless() and "MPLBACKEND" not in os.environ:
        os.environ["MPLBACKEND"] = "Agg"
    _destination.update(folder=figures_dir, stem=stem)

    def hook():
        pyplot = sys.modules.get("matplotlib.pyplot")
        if pyplot is None:
            return False
        patch_show(pyplot, figures_dir, stem)
        return True

    return hook


def patch_show(pyplot, figures_dir, stem):
    """Replace ``pyplot.show`` by a saver when the backend cannot show windows."""
    backend = pyplot.get_backend().lower()
    if any(hint in backend for hint in _INTERACTIVE_HINTS) and not headless():
        return
    original_show = pyplot.show

    def show(*args, **kwargs):
        paths = save_open_figures(pyplot, figures_dir, stem)
        for path in paths:
            print(f"tf1compat: no display; saved figure to {path}", file=sys.stderr)
        pyplot.close("all")

    show.__wrapped__ = original_show
    show.__doc__ = "tf1compat: save open figures as PNG (no display); see --figures."
    pyplot.show = show


def save_image(image):
    """Save a PIL image as the run's next figure file when the runner prepared one and no display exists.

    Returns the path, or None (not under the runner, or a display is there): the caller then shows it
    its own way. Image viewers of old libraries (``scipy.misc.imshow``) use this.
    """
    if not _destination or not headless():
        return None
    os.makedirs(_destination["folder"], exist_ok=True)
    path = next_free_path(_destination["folder"], _destination["stem"])
    image.save(path)
    print(f"tf1compat: no display; saved image to {path}", file=sys.stderr)
    return path


def save_open_figures(pyplot, figures_dir, stem):
    """Save every open figure as ``<stem>_<n>.png`` in ``figures_dir``; never overwrite a file."""
    os.makedirs(figures_dir, exist_ok=True)
    paths = []
    for fignum in pyplot.get_fignums():
        path = next_free_path(figures_dir, stem)
        pyplot.figure(fignum).savefig(path)
        paths.append(path)
    return paths


def next_free_path(figures_dir, stem):
    """``<figures_dir>/<stem>_<n>.png`` for the smallest n >= 1 that names no file yet."""
    number = 1
    while os.path.exists(os.path.join(figures_dir, f"{stem}_{number}.png")):
        number += 1
    return os.path.join(figures_dir, f"{stem}_{number}.png")
