"""TF1 waiting defaults that stall a cluster, made prompt where the script did not pass its own value.

A non-chief worker polls for the chief's initialisation every ``recovery_wait_secs`` (30 s), and
with ``SyncReplicasOptimizer`` a ``MonitoredTrainingSession`` closes only after its whole
``stop_grace_period_secs`` (120 s): the chief's sync-token queue runner never stops by itself.
Only the defaults change: an explicit value in the script's call is kept.
"""
import inspect

RECOVERY_WAIT_SECS = 1
STOP_GRACE_PERIOD_SECS = 3
# (module, attribute path, parameter, TF1 default, new default)
DEFAULTS = (
    ("tensorflow.python.training.session_manager", "SessionManager.__init__", "recovery_wait_secs", 30,
     RECOVERY_WAIT_SECS),
    ("tensorflow.python.training.supervisor", "Supervisor.__init__", "recovery_wait_secs", 30, RECOVERY_WAIT_SECS),
    ("tensorflow.python.training.monitored_session", "MonitoredTrainingSession", "stop_grace_period_secs", 120,
     STOP_GRACE_PERIOD_SECS),
    ("tensorflow.python.training.monitored_session", "MonitoredSession.__init__", "stop_grace_period_secs", 120,
     STOP_GRACE_PERIOD_SECS),
    ("tensorflow.python.training.monitored_session", "SingularMonitoredSession.__init__", "stop_grace_period_secs",
     120, STOP_GRACE_PERIOD_SECS),
)


def install():
    """Change each default in DEFAULTS that still has TF1's value; return the ``name: old -> new`` changes."""
    import importlib

    changed = []
    for module_name, path, parameter, old, new in DEFAULTS:
        function = importlib.import_module(module_name)
        for attribute in path.split("."):
            function = getattr(function, attribute)
        if set_default(inspect.unwrap(function), parameter, old, new):
            changed.append(f"{path.split('.')[0]}({parameter}) {old} -> {new} s")
    return changed


def set_default(function, parameter, old, new):
    """Replace ``function``'s default for ``parameter`` if it is ``old``; True if replaced."""
    names = function.__code__.co_varnames[:function.__code__.co_argcount]
    defaults = list(function.__defaults__ or ())
    if parameter in names:
        position = names.index(parameter) - (len(names) - len(defaults))
        if position >= 0 and defaults[position] == old:
            defaults[position] = new
            function.__defaults__ = tuple(defaults)
            return True
        return False
    keyword_defaults = dict(function.__kwdefaults__ or {})
    if keyword_defaults.get(parameter) == old:
        keyword_defaults[parameter] = new
        function.__kwdefaults__ = keyword_defaults
        return True
    return False
