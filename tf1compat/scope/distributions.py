"""Packages and installed distributions by name: where their code lives, and which one a file belongs to."""
import importlib.metadata
import importlib.util
import os
import re

from tf1compat.scope.environment import as_folder

# Naming these legacy would hand the TF1 view to TensorFlow's own internals (or to tf1compat's).
NEVER_LEGACY = frozenset({"tensorflow", "tf1compat", "tf_keras", "keras", "numpy", "tensorflow_estimator"})


def package_locations(name):
    """Where the code of package or distribution ``name`` lives: folders (ending in ``os.sep``) and module files.

    ``name`` is an importable package or module (``oldtfhelpers``) or an installed
    distribution (``old-tf-helpers``, resolved to its top-level packages). Nothing is
    imported. Returns ``[]`` when neither exists.
    """
    spec = _find_spec(name)
    if spec is not None:
        return _spec_locations(spec)
    distribution = _distribution(name)
    if distribution is None:
        return []
    locations = []
    for top in top_level_packages(distribution):
        folder = distribution.locate_file(top)
        if os.path.isdir(folder):
            locations.append(as_folder(folder))
        elif os.path.isfile(f"{folder}.py"):
            locations.append(os.path.abspath(f"{folder}.py"))
    return locations


def top_level_packages(distribution):
    """The top-level import names a distribution installs (its ``top_level.txt``, else its file list)."""
    listed = distribution.read_text("top_level.txt")
    if listed:
        return sorted({line.strip() for line in listed.splitlines() if line.strip()})
    tops = set()
    for file in distribution.files or ():
        parts = file.parts
        if len(parts) == 1 and parts[0].endswith(".py"):
            tops.add(parts[0][:-3])
        elif len(parts) > 1 and parts[0].isidentifier() and parts[0] != "__pycache__":
            tops.add(parts[0])
    return sorted(tops)


def distribution_names(top_package):
    """The installed distributions that provide import name ``top_package`` (often one, same name)."""
    try:
        return importlib.metadata.packages_distributions().get(top_package, [])
    except Exception:  # pylint: disable=broad-except  # broken metadata elsewhere must not hide the hint
        return []


def is_never_legacy(name):
    top = name.partition(".")[0]
    return top in NEVER_LEGACY or normalise(name).replace("-", "_") in NEVER_LEGACY


def normalise(name):
    """A distribution name as PEP 503 compares them: ``Old_TF.Helpers`` -> ``old-tf-helpers``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _find_spec(name):
    if not all(part.isidentifier() for part in name.split(".")):
        return None
    try:
        return importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None


def _spec_locations(spec):
    if spec.submodule_search_locations:
        return [as_folder(location) for location in spec.submodule_search_locations]
    if spec.origin and os.path.isfile(spec.origin):
        return [os.path.abspath(spec.origin)]
    return []  # a built-in module: nothing to scope


def _distribution(name):
    for candidate in dict.fromkeys([name, normalise(name), normalise(name).replace("-", "_")]):
        try:
            return importlib.metadata.distribution(candidate)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None
