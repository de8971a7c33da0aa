"""Cluster specs: ``ps=1,worker=2`` (tasks on this machine) or a cluster.json of ``host:port`` addresses."""
import json
import re

KNOWN_JOBS = ("chief", "ps", "worker", "evaluator")
START_ORDER = ("ps", "chief", "worker", "evaluator")  # servers first: workers connect to them
SINGLE_TASK_JOBS = ("chief", "evaluator")
_ADDRESS = re.compile(r"^[A-Za-z0-9_.\-]+:\d{1,5}$|^\[[0-9A-Fa-f:]+\]:\d{1,5}$")


class ClusterError(Exception):
    """A mistake in how the cluster was described: one line on stderr, exit 2."""


def parse_counts(text):
    """``"ps=1,worker=2"`` -> ``{"ps": 1, "worker": 2}``; raises ClusterError naming the bad part."""
    counts = {}
    for item in (text or "").split(","):
        job, equals, number = item.strip().partition("=")
        job = job.strip()
        if not equals or not number.strip().isdigit():
            raise ClusterError(f"`--cluster {text}`: `{item.strip()}` is not JOB=COUNT with a whole number; "
                               "write e.g. --cluster ps=1,worker=2")
        if job not in KNOWN_JOBS:
            raise ClusterError(f"`--cluster {text}`: unknown job `{job}`; jobs are {', '.join(KNOWN_JOBS)}")
        if job in counts:
            raise ClusterError(f"`--cluster {text}`: job `{job}` is given twice; give each job once")
        counts[job] = int(number)
    for job, count in counts.items():
        if count < 1 or (job in SINGLE_TASK_JOBS and count > 1):
            limit = "exactly 1" if job in SINGLE_TASK_JOBS else "at least 1"
            raise ClusterError(f"`--cluster {text}`: `{job}={count}`: a {job} job needs {limit} task")
    if not {"chief", "worker"} & set(counts):
        raise ClusterError(f"`--cluster {text}`: no worker or chief to train; add e.g. worker=1")
    return counts


def local_cluster(counts, ports, host="localhost"):
    """``{job: [host:port, ...]}`` for the counted jobs, ports taken in start order (the evaluator has none)."""
    ports = iter(ports)
    return {job: [f"{host}:{next(ports)}" for _ in range(counts[job])]
            for job in START_ORDER if job in counts and job != "evaluator"}


def port_count(counts):
    """How many ports a local cluster of ``counts`` needs (TF_CONFIG keeps the evaluator out of the cluster)."""
    return sum(count for job, count in counts.items() if job != "evaluator")


def load_cluster_file(path):
    """``{job: [host:port, ...]}`` from a JSON file: ``{"ps": [...], "worker": [...]}`` or TF_CONFIG's form."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as error:
        raise ClusterError(f"`{path}` cannot be read: {error.strerror}; give a cluster JSON file") from None
    except ValueError as error:
        raise ClusterError(f"`{path}` is not JSON ({error}); write e.g. "
                           '{"ps": ["host0:2222"], "worker": ["host1:2222", "host2:2222"]}') from None
    if isinstance(data, dict) and isinstance(data.get("cluster"), dict):
        data = data["cluster"]  # a whole TF_CONFIG
    if not isinstance(data, dict) or not data:
        raise ClusterError(f"`{path}`: expected an object mapping each job to its list of host:port addresses")
    for job, addresses in data.items():
        if job not in KNOWN_JOBS or job == "evaluator":
            raise ClusterError(f"`{path}`: unknown job `{job}`; jobs are chief, ps, worker")
        if not isinstance(addresses, list) or not addresses or not all(
                isinstance(address, str) and _ADDRESS.match(address) for address in addresses):
            raise ClusterError(f"`{path}`: job `{job}` needs a non-empty list of \"host:port\" strings")
    return {job: list(data[job]) for job in START_ORDER if job in data}


def check_task(cluster, job, index, where):
    """Raise ClusterError unless ``job``/``index`` name a task of ``cluster`` (the evaluator is outside it)."""
    if job == "evaluator" and index == 0:
        return
    if job not in cluster:
        raise ClusterError(f"`--job-name {job}` is not a job of {where}; jobs: {', '.join(cluster)}")
    if not 0 <= index < len(cluster[job]):
        raise ClusterError(f"`--task-index {index}`: job `{job}` of {where} has tasks 0 to {len(cluster[job]) - 1}")


def address_of(cluster, job, index):
    """The ``host:port`` of a task, or None for the evaluator."""
    return cluster[job][index] if job in cluster else None


def split_address(address):
    """``"host:1234"`` -> ``("host", 1234)`` (brackets of an IPv6 host removed)."""
    host, _, port = address.rpartition(":")
    return host.strip("[]"), int(port)
