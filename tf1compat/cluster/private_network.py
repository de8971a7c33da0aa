"""A local cluster is private: its tasks share a network namespace whose only interface is loopback.

TensorFlow's gRPC servers bind every interface (``[::]:port``; TF 2.21 offers no bind address) and run
any graph they are sent, unauthenticated. When every task is on this machine, the launcher re-executes
itself in a new user + network namespace (``unshare -rn``, unprivileged where the kernel allows user
namespaces), brings loopback up there and starts the tasks inside: they reach each other on
``localhost``, nothing outside the namespace reaches them (nor do they reach the network).

    python -m tf1compat.cluster PLAN_FILE    # what runs inside the namespace (see main)
"""
import fcntl
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile

from tf1compat.cluster.supervisor import say

INSIDE = "TF1COMPAT_PRIVATE_NETWORK"  # set inside the namespace: a launcher there does not try again
_SIOCGIFFLAGS, _SIOCSIFFLAGS = 0x8913, 0x8914
_IFF_UP, _IFF_RUNNING = 0x1, 0x40
_IFREQ = "16sH22x"  # struct ifreq: interface name, then its flags (the rest of the union unused)


def unavailable_reason():
    """None if ``unshare -rn`` works here, else why not (one clause)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return "`unshare` (util-linux) is not installed"
    try:
        probe = subprocess.run([unshare, "-rn", "true"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"`unshare -rn` could not run ({error})"
    if probe.returncode != 0:
        return f"`unshare -rn` failed: {probe.stderr.strip() or f'exit code {probe.returncode}'}"
    return None


def run_inside(plan):
    """Re-execute the launcher in a private namespace with ``plan``; returns (a warning said) only if it cannot."""
    reason = unavailable_reason()
    if reason is not None:
        warn_exposed(plan, reason)
        return
    descriptor, plan_file = tempfile.mkstemp(prefix="tf1compat-cluster-", suffix=".json")
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(plan, handle)
    sys.stdout.flush()
    sys.stderr.flush()
    unshare = shutil.which("unshare")
    command = [unshare, "-rn", sys.executable, "-m", "tf1compat.cluster", plan_file]
    os.execve(unshare, command, {**os.environ, INSIDE: "1"})


def warn_exposed(plan, reason):
    addresses = ", ".join(plan["watched"].values())
    say(f"WARNING the tasks' gRPC servers ({addresses}) listen on every network interface and run any graph sent "
        f"to them, unauthenticated: this machine cannot give them a private network ({reason}). Remedy: allow "
        "unprivileged user namespaces (`sysctl -w user.max_user_namespaces=15000`, and "
        "`kernel.unprivileged_userns_clone=1` on Debian kernels) or firewall these ports; "
        "--cluster-network host silences this.")


def warn_listening(address, name):
    """``--cluster-spec``: this task must listen on the network; say once what that exposes."""
    say(f"WARNING `{name}` listens on every network interface ({address}): TensorFlow's gRPC servers run any "
        "graph sent to them without authentication, so anyone who can reach this port can run code here. Run "
        "the cluster on a trusted network only, its ports firewalled to the cluster's machines.")


def bring_loopback_up():
    """In a new network namespace ``lo`` starts down; as the namespace's root, set it up (``ip link set lo up``)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as control:
        flags = struct.unpack(_IFREQ, fcntl.ioctl(control, _SIOCGIFFLAGS, struct.pack(_IFREQ, b"lo", 0)))[1]
        fcntl.ioctl(control, _SIOCSIFFLAGS, struct.pack(_IFREQ, b"lo", flags | _IFF_UP | _IFF_RUNNING))


def main(argv):
    """Inside the namespace: read (and remove) the plan file, bring loopback up, start and supervise the plan."""
    from tf1compat.cluster.launch_plan import supervise

    plan_file = argv[0]
    with open(plan_file, encoding="utf-8") as handle:
        plan = json.load(handle)
    os.unlink(plan_file)
    bring_loopback_up()
    return supervise(plan)
