"""Counts the TF1 idioms a legacy script used, for ``python -m tf1compat --report``."""
import collections
import sys

from tf1compat.api import table as api_table

_uses = collections.Counter()  # TF1 name -> number of look-ups
_sites = collections.defaultdict(set)  # TF1 name -> {(file, line)}
_entries = {}  # TF1 name -> its api_table.Entry


def record(name, entry=None):
    """Count one look-up of ``tf.<name>`` if the table knows it (or ``entry`` says what it is)."""
    entry = entry or api_table.TABLE.get(name)
    if entry is None:
        if api_table.is_namespace(name):
            return  # a step towards a provided name, e.g. `contrib.learn` of `.datasets.mnist`
        entry = api_table.lookup(name)
        if entry is None or entry.kind != "removed":
            return
    _entries[name] = entry
    _uses[name] += 1
    frame = sys._getframe(2)  # record <- LegacyNamespace.__getattr__ <- the caller
    _sites[name].add((frame.f_code.co_filename, frame.f_lineno))


def uses():
    """``{name: (look-ups, distinct call sites)}`` of what was recorded."""
    return {name: (count, len(_sites[name])) for name, count in _uses.items()}


def format_report():
    """The ``--report`` text: one line per TF1 API used, most used first."""
    used = uses()
    if not used:
        return "\n".join(["tf1compat report: the script used no TF1 API that TF2 removed or replaced.",
                          *environment_lines(), *scope_lines()])
    lines = [f"tf1compat report: {len(used)} TF1 APIs used that TF2 removed or replaced "
             "(uses, call sites, TF2 replacement):"]
    order = sorted(used.items(), key=lambda item: (api_table.SEVERITIES.index(_entries[item[0]].severity),
                                                  -item[1][0], item[0]))
    for name, (count, sites) in order:
        entry = _entries[name]
        label = "unsupported" if entry.kind == "removed" else ("shimmed" if entry.kind == "provided" else "compat.v1")
        example = f" (see migration/{entry.example}.py)" if entry.example else ""
        lines.append(f"  tf.{name:<40} {count:>6}x {sites:>3} sites  [{label}] -> {entry.tf2}{example}")
    lines.extend(environment_lines())
    lines.extend(scope_lines())
    lines.append("Scan the source for every TF1 idiom: python -m migration.scan PATH")
    return "\n".join(lines)


_STACK_HEADINGS = {  # view top-level name -> (heading, --real spelling)
    "numpy": ("NumPy 1.x idioms the legacy NumPy view adapted", "--real-numpy turns the view off"),
    "scipy": ("SciPy <= 1.1 names the legacy SciPy view served", "--real scipy turns the view off"),
    "PIL": ("Pillow < 10 names the legacy Pillow view served", "--real pillow turns the view off"),
    "sklearn": ("scikit-learn 0.19 names the legacy scikit-learn view served", "--real scikit-learn turns the view off"),
    "pandas": ("pandas 0.23 names the legacy pandas view served", "--real pandas turns the view off"),
    "matplotlib": ("matplotlib 2.x names the legacy matplotlib view served", "--real matplotlib turns the view off"),
    "keras": ("Keras 2.2 names the legacy Keras view served", "--real keras turns the view off"),
    "h5py": ("h5py 2.x names the legacy h5py view served", "--real h5py turns the view off"),
    **{top: (f"Python 3.6 `{top}` names the legacy standard-library view served", "--real python turns it off")
       for top in ("time", "collections", "inspect", "fractions", "base64", "os", "threading", "json")},
}


def environment_lines():
    """The report's section on the world beyond TensorFlow: the 2018 stack's names per package, missing devices."""
    from tf1compat.views import registry

    lines = []
    for top, view in registry.loaded_view_modules():
        stack_lines = view.report_lines() if hasattr(view, "report_lines") else []
        if stack_lines:
            heading, turn_off = _STACK_HEADINGS.get(top, (f"{top} names its legacy view served", f"--real {top}"))
            lines.append(f"{heading} ({len(stack_lines)}; {turn_off}):")
            lines.extend(stack_lines)
    devices = sys.modules.get("tf1compat.session.device_placement")
    device_lines = devices.report_lines() if devices else []
    if device_lines:
        lines.append(f"Device pins this machine could not honour ({len(device_lines)}; --strict-devices "
                     "turns soft placement off):")
        lines.extend(device_lines)
    return lines


def scope_lines():
    """The report's section on the legacy scope: each folder, package or module that was legacy, and why."""
    roots = sys.modules.get("tf1compat.scope.roots")
    if roots is None or not roots.active():
        return []
    found = roots.scope_roots()
    return [f"Legacy scope: code here saw the TF1 API ({len(found)}; --legacy DIR / --legacy-package NAME "
            "add more):", *(f"  {root.path:<60} [{root.reason}]" for root in found)]
