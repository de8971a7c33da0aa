"""Where one cnn_mnist training step spends its time, both sides, from TensorFlow's profiler (op events).

    python -m benchmarks.step_profile [--precision float32|bfloat16] [--json FILE]

Each side runs in its own process: 10 warm-up steps, the median wall time of 30 untraced
steps, then 5 steps under ``tf.profiler.experimental`` whose op events (``name:OpType`` on
the executor threads, read from the ``.xplane.pb`` it writes) are summed per kind of op.
The rest of the wall time is framework work between ops: feeding, dispatch, Python.
"""
import collections
import glob
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

from benchmarks.flops import TRAINING_TO_FORWARD
from benchmarks.rounds import PROJECT_ROOT, child_environment
from benchmarks.train_input import BATCH_SIZE, KEEP_PROB, LEARNING_RATE, SEED, mnist_dir
from tf1compat.cli.usage import UsageParser, run_command

WARM_UP, TIMED, TRACED = 10, 30, 5
OP_EVENT = re.compile(r"^[\w./-]+:(\w+)$")  # "gradient_tape/MatMul/MatMul:_MklMatMul"
KINDS = (("conv", ("Conv2D",)), ("dense", ("MatMul",)), ("adam", ("ApplyAdam",)), ("pool", ("MaxPool",)))
DENSE_PARAMETERS = 14 * 14 * 32 * 500 + 500 + 500 * 10 + 10
ALL_PARAMETERS = DENSE_PARAMETERS + 5 * 5 * 32 + 32
ADAM_BYTES_PER_PARAMETER = 7 * 4  # reads var, m, v, grad; writes var, m, v (float32)


def step_flops(batch_size=BATCH_SIZE):
    """FLOPs of one step per kind: the conv has no input gradient (its input is the data)."""
    conv_forward = 2 * 28 * 28 * 32 * 25 * batch_size
    dense_forward = 2 * (14 * 14 * 32 * 500 + 500 * 10) * batch_size
    return {"conv": 2 * conv_forward, "dense": TRAINING_TO_FORWARD * dense_forward}


def kind_of(op_type):
    return next((kind for kind, markers in KINDS if any(marker in op_type for marker in markers)), "other")


def op_times(logdir, steps):
    """``({kind: ms per step}, ms per step with some op running, the ten slowest ops)`` from the XSpace in ``logdir``.

    Kinds sum each op's own time (ops that run concurrently both count); the busy time is the
    union of all op intervals, so ``wall - busy`` is the time no op was running.
    """
    from tensorflow.tsl.profiler.protobuf import xplane_pb2

    space = xplane_pb2.XSpace()
    with open(sorted(glob.glob(os.path.join(logdir, "plugins", "profile", "*", "*.xplane.pb")))[-1], "rb") as handle:
        space.ParseFromString(handle.read())
    per_op, intervals = collections.Counter(), []
    for plane in space.planes:
        for line in plane.lines:
            for event in line.events:
                name = plane.event_metadata[event.metadata_id].name
                if OP_EVENT.match(name):
                    per_op[name] += event.duration_ps / 1e9 / steps
                    start = line.timestamp_ns * 1000 + event.offset_ps
                    intervals.append((start, start + event.duration_ps))
    kinds = collections.Counter()
    for name, milliseconds in per_op.items():
        kinds[kind_of(OP_EVENT.match(name).group(1))] += milliseconds
    return dict(kinds), union_length(intervals) / 1e9 / steps, [[name, round(ms, 3)] for name, ms in per_op.most_common(10)]


def union_length(intervals):
    """Total length covered by ``(start, end)`` intervals."""
    total, reach = 0, None
    for start, end in sorted(intervals):
        if reach is None or start > reach:
            total, reach = total + end - start, end
        elif end > reach:
            total, reach = total + end - reach, end
    return total


def profile(step, logdir):
    """Warm up, time untraced steps, trace a few; the side's result dict."""
    import tensorflow as tf

    for _ in range(WARM_UP):
        step()
    seconds = []
    for _ in range(TIMED):
        started = time.perf_counter()
        step()
        seconds.append(time.perf_counter() - started)
    tf.profiler.experimental.start(logdir)
    started = time.perf_counter()
    for _ in range(TRACED):
        step()
    traced = 1000 * (time.perf_counter() - started) / TRACED
    tf.profiler.experimental.stop()
    kinds, busy, slowest = op_times(logdir, TRACED)
    return {"wall_ms": 1000 * statistics.median(seconds), "traced_wall_ms": traced, "ops_ms": kinds, "busy_ms": busy,
            "between_ops_ms": traced - busy, "slowest_ops": slowest}


def legacy(workdir, bf16):
    """The legacy graph, fed by ``next_batch`` as its ``train`` does, in a Session (under --bf16 if asked)."""
    from benchmarks import legacy_cnn
    from tf1compat.session import bfloat16

    cnn = legacy_cnn.load_legacy("cnn_mnist")
    tf = cnn.tf
    mnist = cnn.read_data(mnist_dir(workdir), SEED)
    graph = cnn.build_graph(LEARNING_RATE, SEED)
    config = tf.ConfigProto()
    if bf16:
        bfloat16.adjust(config, "")
    with tf.Session(config=config) as sess:
        sess.run(tf.global_variables_initializer())

        def step():
            images, labels = mnist.train.next_batch(BATCH_SIZE)
            sess.run([graph["train_op"], graph["loss"]],
                     {graph["x"]: images, graph["y"]: labels, graph["keep_prob"]: KEEP_PROB})

        return profile(step, os.path.join(workdir, "legacy"))


def migrated(workdir, bf16):
    """The twin's ``train_step`` on ``make_dataset`` batches, one call per step (mixed_bfloat16 if asked)."""
    from benchmarks.flops import peak
    from migration import cnn_mnist

    images, labels, _, _ = cnn_mnist.load_mnist(mnist_dir(workdir))
    model = cnn_mnist.ConvNet(seed=SEED, policy="mixed_bfloat16" if bf16 else "float32")
    train_step = cnn_mnist.make_train_step(model, cnn_mnist.make_optimizer(model, LEARNING_RATE), 1.0 - KEEP_PROB)
    batches = iter(cnn_mnist.make_dataset(images, labels, BATCH_SIZE, seed=SEED))
    result = profile(lambda: train_step(*next(batches)).numpy(), os.path.join(workdir, "migrated"))
    result["peak_gflops"] = peak(workdir, quick=False)["peak_gflops"]
    return result


def measure(precision, rounds=1):
    """Both sides, each in a fresh process, alternating over ``rounds``; per side the median of every number."""
    runs = {"legacy": [], "migrated": []}
    with tempfile.TemporaryDirectory(prefix="step-profile-") as workdir:
        for index in range(rounds):
            for side in (("legacy", "migrated") if index % 2 == 0 else ("migrated", "legacy")):
                command = [sys.executable, "-m", "benchmarks.step_profile", "--side", side, "--workdir", workdir,
                           "--precision", precision]
                completed = subprocess.run(command, capture_output=True, text=True, env=child_environment(),
                                           cwd=PROJECT_ROOT, timeout=600)
                if completed.returncode != 0:
                    raise RuntimeError(f"`{side}` profile failed: {completed.stderr.strip().splitlines()[-1:]}")
                runs[side].append(json.loads(completed.stdout.strip().splitlines()[-1]))
    return {side: median_of(results) for side, results in runs.items()}


def median_of(results):
    """The per-field median of several runs' result dicts (nested dicts too); other fields from the last run."""
    merged = dict(results[-1])
    for key, value in merged.items():
        if isinstance(value, (int, float)):
            merged[key] = statistics.median(result.get(key, 0) for result in results)
        elif isinstance(value, dict):
            merged[key] = median_of([result.get(key, {}) for result in results])
    return merged


def format_table(results):
    """Per side: wall ms, each kind's ms and share, the between-ops rest, achieved GFLOP/s and Adam GB/s."""
    flops, peak = step_flops(), results["migrated"]["peak_gflops"]
    lines = [f"one training step, batch {BATCH_SIZE} (ms; float32 peak measured {peak:.0f} GFLOP/s)"]
    for side, result in results.items():
        ops = result["ops_ms"]
        parts = [f"{kind} {ops.get(kind, 0):.2f}" for kind, _ in KINDS] + [f"other ops {ops.get('other', 0):.2f}"]
        lines.append(f"  {side:9} wall {result['wall_ms']:.2f} (traced {result['traced_wall_ms']:.2f}): ops busy {result['busy_ms']:.2f} ({', '.join(parts)}), "
                     f"no op running {result['between_ops_ms']:.2f}")
        rates = [f"{kind} {flops[kind] / ops[kind] / 1e6:.0f} GFLOP/s ({flops[kind] / ops[kind] / 1e6 / peak:.0%})"
                 for kind in ("conv", "dense") if ops.get(kind)]
        if ops.get("adam"):
            rates.append(f"adam {ALL_PARAMETERS * ADAM_BYTES_PER_PARAMETER / ops['adam'] / 1e6:.1f} GB/s")
        lines.append(f"  {'':9} achieved: {', '.join(rates)}")
    return "\n".join(lines)


def main(argv=None):
    """Run the command line ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    return run_command(_main, argv)


def _main(argv):
    parser = UsageParser(prog="python -m benchmarks.step_profile", description=__doc__.splitlines()[0])
    parser.add_argument("--precision", choices=("float32", "bfloat16"), default="float32")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--rounds", type=int, default=1, help="alternate the two sides this many times (medians)")
    parser.add_argument("--side", choices=("legacy", "migrated"), help=argparse_hidden())
    parser.add_argument("--workdir", help=argparse_hidden())
    args = parser.parse_args(argv)
    if args.side:  # the child: one side, one JSON line
        function = legacy if args.side == "legacy" else migrated
        print(json.dumps(function(args.workdir, args.precision == "bfloat16")))
        return 0
    results = measure(args.precision, args.rounds)
    print(format_table(results))
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(dict(results, load_average=os.getloadavg(), precision=args.precision, rounds=args.rounds),
                      handle, indent=2)
    return 0


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS


if __name__ == "__main__":
    sys.exit(main())
