"""Where the installed environment lives: folders whose code is never legacy unless the user names it.

The interpreter's standard library, every ``site-packages``/``dist-packages`` folder, the
virtual environment's own folders, folders that ``.pth`` files of the site folders add
(editable installs), any folder holding ``*.dist-info`` metadata (``pip install --target``),
and tf1compat's own source tree.
"""
import functools
import os
import site
import sys
import sysconfig

PACKAGE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "")  # tf1compat/
_SITE_FOLDER_NAMES = ("site-packages", "dist-packages")


def as_folder(path):
    """``path`` made absolute, ending in ``os.sep`` (so a prefix test never matches ``lib2`` for ``lib``)."""
    return os.path.join(os.path.abspath(path), "")


SOURCE_ROOT = as_folder(os.path.dirname(os.path.dirname(PACKAGE_DIR)))  # the folder holding tf1compat/ (a checkout)


@functools.lru_cache(maxsize=1)
def installed_folders():
    """The folders of the installed environment, each ending in ``os.sep`` (computed once)."""
    paths = sysconfig.get_paths()
    folders = {paths[key] for key in ("stdlib", "platstdlib", "purelib", "platlib") if key in paths}
    folders.update(_site_folders())
    if sys.prefix != sys.base_prefix:  # a virtual environment: all of it is installed code
        folders.add(sys.prefix)
    for folder in list(folders):
        folders.update(_pth_folders(folder))
    return tuple(sorted({as_folder(folder) for folder in folders if folder}))


@functools.lru_cache(maxsize=1024)
def is_installed_entry(entry):
    """Whether the ``sys.path`` entry ``entry`` is part of the installed environment (or not a folder at all)."""
    if not entry or not os.path.isdir(entry):
        return True  # '' (the working directory), zip files, missing folders
    folder = as_folder(entry)
    if any(folder.startswith(installed) for installed in installed_folders()):
        return True
    if any(part in _SITE_FOLDER_NAMES for part in folder.split(os.sep)):
        return True
    return folder == SOURCE_ROOT or any(name.endswith(".dist-info") for name in _listing(folder))


def deepest_installed_folder(path, entries=()):
    """The deepest installed folder containing ``path`` (among ours, ``entries`` and site folders above it), or ``""``."""
    parts = path.split(os.sep)
    site_cut = max((index for index, part in enumerate(parts[:-1]) if part in _SITE_FOLDER_NAMES), default=None)
    candidates = [*installed_folders(), *entries]
    if site_cut is not None:
        candidates.append(os.sep.join(parts[:site_cut + 1]) + os.sep)
    return max((folder for folder in candidates if path.startswith(folder)), key=len, default="")


def _site_folders():
    folders = set(getattr(site, "getsitepackages", lambda: [])())
    user_site = getattr(site, "getusersitepackages", lambda: None)()
    if user_site:
        folders.add(user_site)
    return folders


def _pth_folders(site_folder):
    """Folders that ``.pth`` files in ``site_folder`` put on ``sys.path`` (e.g. ``.egg-link``-era editable installs)."""
    try:
        names = [name for name in os.listdir(site_folder) if name.endswith(".pth")]
    except OSError:
        return set()
    folders = set()
    for name in names:
        try:
            with open(os.path.join(site_folder, name), encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for line in lines:
            line = line.strip()
            if line and not line.startswith(("#", "import ", "import\t")):
                folders.add(os.path.join(site_folder, line))
    return folders


def _listing(folder):
    try:
        return os.listdir(folder)
    except OSError:
        return []
