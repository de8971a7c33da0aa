"""Soft placement for graphs that pin a device this machine lacks (``tf.device('/gpu:0')`` on a CPU-only box).

A ``session_config`` adjuster: when a session is created, it looks at the pins of the graph
being run (the default graph, as ``BaseSession`` takes it) and, if an op is pinned to a device
the machine does not have — or the machine has no GPU at all, so pins added later would fail —
adds ``allow_soft_placement`` to the session's ``ConfigProto``, and says once on stderr which
pins now run on CPU. The runner's ``--strict-devices`` leaves it out (TF1's own error).
"""
import collections
import sys

NAME = "soft_placement_for_missing_devices"
_pinned = collections.Counter()  # device the machine lacks -> ops pinned to it (largest count seen)
_announced = set()
_parsed = {}  # op.device string -> (device type, index) or None
_machine = None  # {(device type, index)} of this machine's devices


def install():
    """Register the adjuster with ``session_config`` (the runner calls this unless ``--strict-devices``)."""
    from tf1compat.session import config as session_config

    session_config.add_adjuster(NAME, adjust)


def adjust(config, target):
    """Add ``allow_soft_placement`` when the graph pins a missing device; describe what moved."""
    del target  # a cluster's tasks run on this machine's kind of hardware too
    from tensorflow.python.framework import ops

    if config.allow_soft_placement:
        return None  # the script asked for it itself
    lacking = lacking_pins(ops.get_default_graph())
    if not lacking and any(kind == "GPU" for kind, _ in _machine_devices()):
        return None
    config.allow_soft_placement = True
    if not lacking:
        return None
    for device, count in lacking.items():
        _pinned[device] = max(_pinned[device], count)
    _announce(lacking)
    return "allow_soft_placement: the graph pins " + ", ".join(sorted(lacking)) + ", which this machine lacks"


def lacking_pins(graph):
    """``{device: ops pinned to it}`` for the devices ``graph`` names that this machine lacks."""
    available = _machine_devices()
    counts = collections.Counter(op.device for op in graph.get_operations() if op.device)
    lacking = collections.Counter()
    for device, count in counts.items():
        kind_index = _device_of(device)
        if kind_index is not None and kind_index not in available:
            lacking[f"/device:{kind_index[0]}:{kind_index[1]}"] += count
    return dict(lacking)


def pinned():
    """``{device: ops}`` of the missing devices whose pins ran on CPU so far."""
    return dict(_pinned)


def report_lines():
    """The ``--report`` lines: each missing device the graph pinned, and how many ops."""
    return [f"  {device:<42} {count:>6} ops  [no such device here] -> run on CPU by allow_soft_placement; "
            "a TF2 port drops the tf.device pins or uses tf.distribute" for device, count in sorted(_pinned.items())]


def _device_of(device):
    if device not in _parsed:
        from tensorflow.python.framework import device_spec

        spec = device_spec.DeviceSpecV2.from_string(device)
        _parsed[device] = None if spec.device_type is None else (spec.device_type.upper(), spec.device_index or 0)
    return _parsed[device]


def _machine_devices():
    global _machine
    if _machine is None:
        import tensorflow

        _machine = set()
        for device in tensorflow.config.list_physical_devices():
            kind, _, index = device.name.rpartition(":")
            _machine.add((kind.rpartition(":")[2].upper(), int(index)))
    return _machine


def _announce(lacking):
    new = sorted(set(lacking) - _announced)
    if not new:
        return
    _announced.update(new)
    ops = sum(lacking[device] for device in new)
    print(f"tf1compat: this machine has no {', '.join(new)}; the {ops} ops the graph pins there run on CPU "
          "(allow_soft_placement added to the session config). --strict-devices gives TF1's error instead.",
          file=sys.stderr)
