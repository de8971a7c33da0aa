"""A cluster task without TensorFlow, to test the launcher fast: opens its port from the flags, then behaves.

Every task writes its pid to --pid-dir; ps tasks serve until stopped (like ``server.join()``).
``--crash`` (``--crash-attempts N``: only the first N starts), ``--deaf`` (no port opened), ``--stubborn``
(ignores SIGTERM, like MultiWorkerMirroredStrategy)
name tasks as ``worker:1``; ``all`` means every task.
"""
import argparse
import json
import os
import signal
import socket
import sys
import time

parser = argparse.ArgumentParser()
for job in ("ps", "worker", "chief"):
    parser.add_argument(f"--{job}_hosts", default="")
parser.add_argument("--job_name", default="")
parser.add_argument("--task_index", type=int, default=0)
parser.add_argument("--pid-dir", required=True)
parser.add_argument("--work", type=float, default=0.5, help="seconds a worker trains")
parser.add_argument("--crash", default="")
parser.add_argument("--deaf", default="")
parser.add_argument("--stubborn", default="")
parser.add_argument("--crash-attempts", type=int, default=0, help="with --crash: crash only on the first N attempts")
args = parser.parse_args()


def named(option):
    return option in ("all", f"{args.job_name}:{args.task_index}")


task_file = os.path.join(args.pid_dir, f"{args.job_name or 'alone'}_{args.task_index}")
with open(task_file + ".pid", "w") as handle:
    handle.write(str(os.getpid()))
attempt = 1
if args.crash_attempts:  # one line per start in NAME.attempts: a restarted task counts its attempts
    with open(task_file + ".attempts", "a") as handle:
        handle.write(f"{os.getpid()}\n")
    with open(task_file + ".attempts") as handle:
        attempt = len(handle.read().split())
if named(args.stubborn):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
hosts = getattr(args, f"{args.job_name}_hosts", "") if args.job_name else ""
server = None
if hosts and not named(args.deaf):
    port = int(hosts.split(",")[args.task_index].rpartition(":")[2])
    server = socket.socket()
    server.bind(("", port))
    server.listen()
print(f"task {args.job_name}:{args.task_index} up, TF_CONFIG task {json.loads(os.environ['TF_CONFIG'])['task']}",
      flush=True)
if args.job_name == "ps" or named(args.stubborn):
    while True:  # serve until stopped
        time.sleep(1)
time.sleep(args.work / 2)
print("training step 1", flush=True)
if named(args.crash) and attempt <= max(args.crash_attempts, 1):
    raise RuntimeError(f"{args.job_name} {args.task_index} lost its input mid-training")
time.sleep(args.work / 2)
print("done", flush=True)
sys.exit(0)
