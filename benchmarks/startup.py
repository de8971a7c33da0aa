"""Start-up cost of the runner: ``python -m tf1compat`` on a trivial TF1 script vs the script hand-edited.

    python -m benchmarks.startup --variant runner --workdir /tmp/bench

Each variant times one whole ``python`` process (import, graph, Session, exit) from this child.
"""
import os
import subprocess
import sys
import time

from benchmarks.variant_process import run_variant

TRIVIAL_TF1_BODY = """
total = tf.add(tf.constant(2), tf.constant(3))
with tf.Session() as sess:
    print(sess.run(total))
"""
SCRIPTS = {
    "runner": "import tensorflow as tf\n" + TRIVIAL_TF1_BODY,  # unchanged TF1, run by the runner
    "hand_edited": "import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\n" + TRIVIAL_TF1_BODY,
}


def script_path(workdir, variant):
    return os.path.join(workdir, "startup", f"trivial_{variant}.py")


def prepare(workdir, quick):
    os.makedirs(os.path.join(workdir, "startup"), exist_ok=True)
    for variant, text in SCRIPTS.items():
        with open(script_path(workdir, variant), "w") as handle:
            handle.write(text)


def _timed_process(command):
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    seconds = time.perf_counter() - started
    if completed.returncode != 0 or completed.stdout.strip() != "5":
        raise RuntimeError(f"`{' '.join(command)}` failed ({completed.returncode}): {completed.stderr[-500:]}")
    return {"seconds": seconds}


def runner(workdir, quick):
    return _timed_process([sys.executable, "-m", "tf1compat", script_path(workdir, "runner")])


def hand_edited(workdir, quick):
    return _timed_process([sys.executable, script_path(workdir, "hand_edited")])


VARIANTS = {"runner": runner, "hand_edited": hand_edited}

if __name__ == "__main__":
    sys.exit(run_variant("python -m benchmarks.startup", VARIANTS))
