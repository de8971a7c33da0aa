"""The classic TF1 command-line flags each task gets: ``--ps_hosts=... --job_name=worker --task_index=1``.

``--cluster-flags`` picks which ones and how they are spelled: a comma list of ``hosts``,
``job_name``, ``task_index``, each optionally renamed (``job_name=job``, ``hosts={job}-hosts``),
or ``none`` (the script reads TF_CONFIG only).
"""
from tf1compat.cluster.spec import ClusterError

DEFAULT = "hosts,job_name,task_index"
_DEFAULT_NAMES = {"hosts": "{job}_hosts", "job_name": "job_name", "task_index": "task_index"}


def parse_flag_spec(text):
    """``"job_name=job,task_index"`` -> ``[("job_name", "job"), ("task_index", "task_index")]``."""
    text = (text or "").strip()
    if text == "none":
        return []
    spec = []
    for item in text.split(","):
        kind, _, name = (part.strip() for part in item.partition("="))
        if kind not in _DEFAULT_NAMES:
            raise ClusterError(f"`--cluster-flags {text}`: unknown flag `{kind}`; choose from "
                               f"{', '.join(_DEFAULT_NAMES)} (optionally renamed, e.g. job_name=job), or none")
        name = (name or _DEFAULT_NAMES[kind]).lstrip("-")
        if not name or (kind == "hosts" and "{job}" not in name):
            raise ClusterError(f"`--cluster-flags {text}`: `{item.strip()}`: a hosts flag name must contain "
                               "{job}, e.g. hosts={job}-hosts")
        spec.append((kind, name))
    return spec


def task_flags(spec, cluster, job, index):
    """The argv flags for task ``job``/``index`` of ``cluster`` (``{job: [host:port]}``)."""
    flags = []
    for kind, name in spec:
        if kind == "hosts":
            flags += [f"--{name.format(job=each)}={','.join(addresses)}" for each, addresses in cluster.items()]
        elif kind == "job_name":
            flags.append(f"--{name}={job}")
        else:
            flags.append(f"--{name}={index}")
    return flags
