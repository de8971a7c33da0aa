"""``--bf16``: grappler's oneDNN bfloat16 rewrite in every Session, on CPUs that compute bfloat16 natively.

The rewrite (``RewriterConfig.auto_mixed_precision_onednn_bfloat16``) casts inside the graph:
variables, checkpoints and fetched values stay float32. Without native bfloat16 (the
``avx512_bf16`` / ``amx_bf16`` CPU flags) oneDNN emulates it and the same graph runs slower
than in float32 (0.35x measured on an Intel Xeon without them), so the runner refuses unless
forced. TensorFlow's Python API has no CPU-feature query for bfloat16, hence ``/proc/cpuinfo``.
"""
import collections
import os
import sys

from tf1compat.session import config as session_config

NATIVE_FLAGS = ("avx512_bf16", "amx_bf16")
CPUINFO = "/proc/cpuinfo"
CPUINFO_ENV = "TF1COMPAT_CPUINFO"  # another file to read the flags from (tests, containers that hide it)
ADJUSTER = "bf16"
_PREFIX = "tf1compat: --bf16:"

_state = {"mode": None, "flags": (), "why_not": None, "announced": False}
_sessions = collections.Counter()  # description of what the adjuster did -> sessions


class NoNativeBfloat16(Exception):
    """``--bf16`` on a CPU that would only emulate bfloat16: one line, exit 2."""


def cpu_flags(path=None):
    """The ``flags`` of the first CPU in ``path`` (default ``$TF1COMPAT_CPUINFO`` or /proc/cpuinfo); None if unreadable."""
    path = path or os.environ.get(CPUINFO_ENV) or CPUINFO
    try:
        with open(path) as handle:
            for line in handle:
                if line.startswith("flags"):
                    return set(line.partition(":")[2].split())
    except OSError:
        return None
    return set()


def native_flags(path=None):
    """``(flags found, why not)``: the native bfloat16 flags of this CPU, or ``()`` and the reason there are none."""
    flags = cpu_flags(path)
    if flags is None:
        return (), f"`{path or os.environ.get(CPUINFO_ENV) or CPUINFO}` cannot be read, so native bfloat16 is unknown"
    found = tuple(flag for flag in NATIVE_FLAGS if flag in flags)
    if not found:
        return (), ("this CPU has no native bfloat16 (neither " + " nor ".join(NATIVE_FLAGS) +
                    " in its flags): oneDNN would emulate it, slower than float32")
    return found, None


def enable(mode="native"):
    """Register the rewrite for every Session; ``mode`` "force" skips the hardware check.

    Raises:
        NoNativeBfloat16: the CPU lacks native bfloat16 (or oneDNN is off) and ``mode`` is not "force".
    """
    flags, why_not = native_flags()
    if os.environ.get("TF_ENABLE_ONEDNN_OPTS", "").strip() in ("0", "false", "False"):
        flags, why_not = (), "TF_ENABLE_ONEDNN_OPTS=0 turns oneDNN off and the rewrite with it"
    if why_not and mode != "force":
        raise NoNativeBfloat16(f"`--bf16`: {why_not}; `--bf16=force` runs it anyway")
    _state.update(mode=mode, flags=flags, announced=False, why_not=why_not)
    _sessions.clear()
    session_config.add_adjuster(ADJUSTER, adjust)


def adjust(config, target):
    """The session adjuster: turn the rewrite on unless the script set it itself; say once what it did."""
    from tensorflow.core.protobuf import rewriter_config_pb2

    options = config.graph_options.rewrite_options
    default = rewriter_config_pb2.RewriterConfig.DEFAULT
    if options.auto_mixed_precision_onednn_bfloat16 != default or options.auto_mixed_precision_mkl != default:
        description = "bfloat16 rewrite left as the script set it"
        _sessions[description] += 1
        return description
    options.auto_mixed_precision_onednn_bfloat16 = rewriter_config_pb2.RewriterConfig.ON
    description = "oneDNN bfloat16 auto-mixed-precision rewrite on"
    if config.graph_options.place_pruned_graph:
        # Set by InteractiveSession; grappler (and so the rewrite) never runs on a pruned-placement graph.
        config.graph_options.place_pruned_graph = False
        description += " (place_pruned_graph off: grappler skips graphs placed after pruning)"
    if options.disable_meta_optimizer:
        description += " (but the script disabled grappler: rewrite_options.disable_meta_optimizer)"
    _sessions[description] += 1
    _announce()
    return description


def _announce():
    if _state["announced"]:
        return
    _state["announced"] = True
    hardware = (f"native bfloat16: {', '.join(_state['flags'])}" if _state["flags"]
                else f"forced: {_state['why_not']}" if _state["why_not"] else "hardware not checked")
    print(f"{_PREFIX} oneDNN bfloat16 auto-mixed-precision rewrite on in every Session; variables, checkpoints "
          f"and fetched values stay float32 ({hardware})", file=sys.stderr, flush=True)


def sessions_adjusted():
    """``{what the adjuster did: sessions}`` since ``enable``."""
    return dict(_sessions)


def at_exit(report=False):
    """The runner's closing line(s): nothing changed if no Session ran; with ``report``, what TensorFlow tells."""
    if _state["mode"] is None:
        return
    if not _sessions:
        print(f"{_PREFIX} the script created no Session, so nothing was changed (the rewrite applies to "
              "TF1 Session graphs)", file=sys.stderr)
    elif report:
        for description, count in _sessions.items():
            print(f"{_PREFIX} {count} Session(s): {description}", file=sys.stderr)
        # TensorFlow exposes the count only as a C++ INFO log line, hidden by the runner's quiet logs;
        # Python sees it only in partition graphs of runs the script itself asks for (RunOptions).
        print(f"{_PREFIX} TensorFlow logs the ops it converted per graph (`Converted N/M nodes to bfloat16 "
              "precision`) with --verbose", file=sys.stderr)
