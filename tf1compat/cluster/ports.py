"""Ports on this machine: pick free ones, tell a taken one, see whether a task has opened its own."""
import socket

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


def in_use(port):
    """Whether some process listens on ``port`` (a gRPC server binds every interface, so test that)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # SO_REUSEADDR ignores sockets in TIME_WAIT but not a listener, as the gRPC server's own bind does.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("", port))
        except OSError:
            return True
    return False


def free_ports(count, first=None):
    """``count`` distinct free ports: from the OS, or the first free ones counting up from ``first``.

    Ports found taken are skipped (and so never handed to a task).
    """
    if first is None:
        return _ephemeral_ports(count)
    ports, port = [], first
    while len(ports) < count:
        if port > 65535:
            raise OSError(f"fewer than {count} free ports from {first} to 65535")
        if not in_use(port):
            ports.append(port)
        port += 1
    return ports


def _ephemeral_ports(count):
    sockets = []
    try:
        while len(sockets) < count:  # held open together so the OS hands out distinct ports
            probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sockets.append(probe)
            probe.bind(("", 0))
        return [probe.getsockname()[1] for probe in sockets]
    finally:
        for probe in sockets:
            probe.close()


def accepting(host, port, timeout=0.25):
    """Whether a TCP connection to ``host:port`` succeeds now (the task's server is up)."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def is_local(host):
    """Whether ``host`` names this machine (so its port can be checked before starting)."""
    return host in LOCAL_HOSTS or host in {socket.gethostname(), socket.getfqdn()}
