"""Which top-level imports have a legacy view in the scope, and the names ``--real PACKAGE`` accepts for each."""
import importlib
import importlib.util
import sys

_STANDARD_LIBRARY = ("time", "collections", "inspect", "fractions", "base64", "os", "threading", "json")
# top-level import name -> the view module (it provides legacy_import, report_lines and TABLE), or
# "module:top" for one of the views a module keeps in its VIEWS dict (the standard library's, one per module).
VIEWS = {"numpy": "tf1compat.views.numpy", "scipy": "tf1compat.views.scipy", "PIL": "tf1compat.views.pillow",
         "sklearn": "tf1compat.views.sklearn", "pandas": "tf1compat.views.pandas",
         "matplotlib": "tf1compat.views.matplotlib", "keras": "tf1compat.views.keras", "h5py": "tf1compat.views.h5py",
         **{top: f"tf1compat.views.python36:{top}" for top in _STANDARD_LIBRARY}}

# what `--real NAME` accepts (distribution and import spellings) -> top-level import name
REAL_NAMES = {"numpy": "numpy", "scipy": "scipy", "pillow": "PIL", "pil": "PIL", "scikit-learn": "sklearn",
              "sklearn": "sklearn", "pandas": "pandas", "matplotlib": "matplotlib", "keras": "keras", "h5py": "h5py"}
ALL = "all"
PYTHON = "python"  # `--real python`: every standard-library view
# how reports and migration.scan name each package (display name, scan category)
DISPLAY = {"numpy": "NumPy", "scipy": "SciPy", "PIL": "Pillow", "sklearn": "scikit-learn", "pandas": "pandas",
           "matplotlib": "matplotlib", "keras": "Keras", "h5py": "h5py"}
DISPLAY.update({top: "Python" for top in _STANDARD_LIBRARY})
CATEGORY = {"PIL": "pillow", **{top: "python" for top in _STANDARD_LIBRARY}}  # others: the top-level name


def real_tops(names):
    """The top-level import names that ``--real`` turns off (``names``: as typed; ``"all"`` is every view).

    Raises:
        ValueError: a name that has no view, with the accepted names.
    """
    tops = set()
    for name in names:
        if name.lower() == ALL:
            tops.update(VIEWS)
        elif name.lower() == PYTHON:
            tops.update(top for top, reference in VIEWS.items() if ":" in reference)
        elif name.lower() in REAL_NAMES:
            tops.add(REAL_NAMES[name.lower()])
        else:
            raise ValueError(f"`--real {name}`: no legacy view has that name; "
                             f"available: {', '.join(sorted({*REAL_NAMES, ALL, PYTHON}))}")
    return tops


def view_module(top):
    """The view module for ``top``, or None: the package is not installed (its real ImportError follows), or its
    view is not built (yet). Either way the real import runs."""
    if top not in sys.modules and importlib.util.find_spec(top) is None:
        return None
    try:
        return _resolve(VIEWS[top])
    except ModuleNotFoundError as error:
        if error.name and VIEWS[top].startswith(error.name):
            return None
        raise


def _resolve(reference):
    module_name, _, key = reference.partition(":")
    module = importlib.import_module(module_name)
    return module.VIEWS[key] if key else module


def loaded_view_modules():
    """The view modules this process has imported (for ``--report`` and ``deactivate``)."""
    return [(top, _resolve(reference)) for top, reference in VIEWS.items()
            if reference.partition(":")[0] in sys.modules]


def table_modules():
    """``{top: module}`` of every view whose table can be read: the module holding ``TABLE`` (and maybe
    ``SCAN_KEYWORDS``), read as data; the packages themselves need not be installed."""
    found = {}
    for top, module in VIEWS.items():
        if ":" in module:  # one of a module's views: the standard library's are always importable
            found[top] = _resolve(module)
            continue
        for candidate in (f"{module}.table", module):
            try:
                table_module = importlib.import_module(candidate)
            except ImportError:
                continue
            if hasattr(table_module, "TABLE"):
                found[top] = table_module
                break
    return found
