"""The one place where the runner's session-level options meet the script's own ``ConfigProto``.

Every TF1 session (``tf.Session``, ``InteractiveSession``, the sessions that
``MonitoredTrainingSession``, ``Supervisor`` and Estimators create) goes through
``BaseSession.__init__``. Once the TF1 runtime is loaded, ``install()`` wraps it so the
``ConfigProto`` a session receives is a *copy* of the script's (a fresh one if it passed
none) to which each registered adjuster adds its setting. The script's object is never
modified, and an adjuster only adds what the script did not set itself.

An adjuster is ``fn(config, target) -> str | None``: it edits ``config`` (a
``tf.compat.v1.ConfigProto``) in place for a session connecting to ``target`` (``""`` for
in-process, ``"grpc://..."`` for a cluster) and returns a one-line description of what it
changed (or ``None``), which ``applied()`` collects for ``--report``.
"""
import collections
import sys

_adjusters = []  # (name, fn) in registration order
_applied = collections.Counter()  # description -> number of sessions it was applied to


def add_adjuster(name, adjust):
    """Register ``adjust(config, target)`` under ``name`` (registering a name again replaces it)."""
    remove_adjuster(name)
    _adjusters.append((name, adjust))


def remove_adjuster(name):
    """Unregister the adjuster ``name`` (no error if it is not registered)."""
    _adjusters[:] = [(known, adjust) for known, adjust in _adjusters if known != name]


def adjusters():
    """The registered adjusters' names, in the order they are applied."""
    return [name for name, _ in _adjusters]


def merged(config, target=""):
    """A copy of ``config`` (or a new ``ConfigProto`` for ``None``) with every adjuster applied."""
    import tensorflow

    result = tensorflow.compat.v1.ConfigProto()
    if config is not None:
        result.CopyFrom(config)
    for _, adjust in _adjusters:
        description = adjust(result, _target_string(target))
        if description:
            _applied[description] += 1
    return result


def applied():
    """``{description: sessions}`` of what the adjusters changed so far."""
    return dict(_applied)


def _target_string(target):
    if isinstance(target, bytes):
        return target.decode("utf-8", "replace")
    return target or ""


def wrap_base_session(method_name, make_wrapper):
    """Replace ``BaseSession.<method_name>`` by ``make_wrapper(original)``, once; False if TF is not loaded.

    The runner's two session hooks (this module's ``__init__`` and the watchdog's ``run``)
    both go through here, so each is installed at most once per process.
    """
    session_module = sys.modules.get("tensorflow.python.client.session")
    if session_module is None:
        return False
    base = session_module.BaseSession
    original = getattr(base, method_name)
    if getattr(original, "__tf1compat_wrapped__", False):
        return True
    wrapper = make_wrapper(original)
    wrapper.__tf1compat_wrapped__ = True
    wrapper.__wrapped__ = original
    wrapper.__doc__ = original.__doc__
    setattr(base, method_name, wrapper)
    return True


def install():
    """Wrap ``BaseSession.__init__`` so every session gets ``merged(config)``; False if TF is not loaded."""

    def make_wrapper(original_init):
        def __init__(self, target="", graph=None, config=None):
            if _adjusters:
                config = merged(config, target)
            original_init(self, target, graph, config)
        return __init__

    return wrap_base_session("__init__", make_wrapper)
