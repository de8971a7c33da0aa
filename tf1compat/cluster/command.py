"""The runner's cluster options and what they start: every task here (``--cluster``) or one (``--cluster-spec``)."""
import os
import sys

from tf1compat.cluster import environment, flags, launch_plan, option_values, ports, private_network, spec


def add_arguments(parser):
    group = parser.add_argument_group("cluster (TF1 between-graph replication on TensorFlow's gRPC runtime)")
    group.add_argument("--cluster", metavar="SPEC",
                       help="start every task here on free localhost ports, e.g. ps=1,worker=2 (jobs: chief, ps, "
                            "worker, evaluator); each gets --ps_hosts/--worker_hosts/--job_name/--task_index "
                            "and TF_CONFIG")
    group.add_argument("--cluster-spec", metavar="FILE",
                       help='run one task of a multi-machine cluster: {"ps": ["host:port"], "worker": [...]}')
    group.add_argument("--job-name", metavar="JOB", help="with --cluster-spec: this task's job")
    group.add_argument("--task-index", metavar="N", type=int, default=0, help="with --cluster-spec: its index")
    group.add_argument("--cluster-flags", metavar="LIST", default=flags.DEFAULT,
                       help=f"the flags each task gets (default {flags.DEFAULT}); rename as job_name=job; "
                            "none: TF_CONFIG only")
    group.add_argument("--cluster-logs", metavar="DIR",
                       help="also write each task's output to DIR/JOB_INDEX.log (a restart: JOB_INDEX.attemptN.log)")
    group.add_argument("--cluster-port", metavar="PORT", type=option_values.port_number,
                       help="use the first free ports from PORT up (default: any free ports)")
    group.add_argument("--startup-timeout", metavar="S", type=option_values.positive_seconds, default=60.0,
                       help="seconds for every task to accept connections before the launcher names the missing one")
    group.add_argument("--finish-grace", metavar="S", type=option_values.non_negative_seconds,
                       help="seconds the other workers get once the chief (or worker 0) finished (default 10; "
                            "0 with --plain and a chief: TF2 workers are servers of the chief)")
    group.add_argument("--stop-grace", metavar="S", type=option_values.non_negative_seconds, default=3.0,
                       help="seconds between SIGTERM and SIGKILL when tasks are stopped (default 3)")
    group.add_argument("--restarts", metavar="N", type=option_values.restart_count, default=0,
                       help="restart a task that dies (non-zero exit or signal) in place, up to N times per task, "
                            "so TF1's session recovery carries the run on (default 0: one dead task stops all)")
    group.add_argument("--cluster-network", choices=("private", "host"), default="private",
                       help="--cluster only: private (default) runs the tasks in a network namespace with only "
                            "loopback (unshare -rn); host lets them listen on every interface and reach the network")
    group.add_argument("--plain", action="store_true",
                       help="run the tasks with plain python, not through the runner (TF2 programs)")
    return group


def requested(options):
    return bool(options.cluster or options.cluster_spec)


def launch(options, target, runner_options):
    """Start and supervise the tasks; return the launcher's exit code."""
    flag_spec = flags.parse_flag_spec(options.cluster_flags)
    if options.cluster and options.cluster_spec:
        raise spec.ClusterError("`--cluster` and `--cluster-spec` both given; use --cluster for tasks on this "
                                "machine, --cluster-spec for one task of a multi-machine cluster")
    cluster, chosen, watched, own, remote = _all_tasks(options) if options.cluster else _one_task(options)
    if options.cluster_logs:
        try:
            os.makedirs(options.cluster_logs, exist_ok=True)
        except OSError as error:
            raise spec.ClusterError(f"`--cluster-logs {options.cluster_logs}` cannot be created ({error.strerror}); "
                                    "give a writable folder") from None
    quiet_plain = options.plain and not options.verbose and "TF_CPP_MIN_LOG_LEVEL" not in os.environ
    command = _task_command(options, target, runner_options)
    tasks = [(job, index, command + flags.task_flags(flag_spec, cluster, job, index),
              _task_environment(cluster, job, index, quiet_plain)) for job, index in chosen]
    finish_grace = options.finish_grace
    if finish_grace is None:  # TF2's ParameterServerStrategy: the chief is the program, its workers are servers
        finish_grace = 0.0 if options.plain and "chief" in cluster else 10.0
    plan = launch_plan.make_plan(options, tasks, watched, own, remote, target.get("path") or target.get("module"),
                                 finish_grace, quiet_plain)
    if options.cluster and options.cluster_network == "private" and not os.environ.get(private_network.INSIDE):
        private_network.run_inside(plan)  # replaces this process; returns only where it cannot (after a warning)
    elif options.cluster_spec and own:
        name = next(iter(own))
        private_network.warn_listening(watched[name], name)
    return launch_plan.supervise(plan)


def _task_environment(cluster, job, index, quiet_plain):
    task_environment = environment.task_environment(os.environ, cluster, job, index)
    if quiet_plain:  # the runner quiets its own tasks; plain python ones are quieted here
        task_environment["TF_CPP_MIN_LOG_LEVEL"] = "3"
    return task_environment


def _all_tasks(options):
    counts = spec.parse_counts(options.cluster)
    try:
        free = ports.free_ports(spec.port_count(counts), options.cluster_port)
    except OSError as error:
        raise spec.ClusterError(f"`--cluster-port {options.cluster_port}`: {error}; give a lower port, e.g. "
                                "2222, or leave --cluster-port out (any free ports)") from None
    cluster = spec.local_cluster(counts, free)
    chosen = [(job, index) for job in spec.START_ORDER for index in range(counts.get(job, 0))]
    watched = {f"{job} {index}": spec.address_of(cluster, job, index) for job, index in chosen if job in cluster}
    return cluster, chosen, watched, set(watched), ()


def _one_task(options):
    cluster = spec.load_cluster_file(options.cluster_spec)
    if not options.job_name:
        raise spec.ClusterError(f"`--cluster-spec {options.cluster_spec}` needs --job-name and --task-index "
                                "(which task of the cluster runs on this machine)")
    job, index = options.job_name, options.task_index
    spec.check_task(cluster, job, index, f"`{options.cluster_spec}`")
    address = spec.address_of(cluster, job, index)
    own = set()
    if address:
        host, port = spec.split_address(address)
        if ports.is_local(host) and ports.in_use(port):
            raise spec.ClusterError(f"`{address}` ({job} {index}) is already in use by another process; stop it "
                                    f"or give this task a free port in {options.cluster_spec}")
        own = {f"{job} {index}"} if ports.is_local(host) else set()
    watched = {f"{each} {number}": each_address for each, addresses in cluster.items()
               for number, each_address in enumerate(addresses)}
    if job == "ps":  # a ps needs nobody; it ends when every worker has closed its port
        watched = {name: value for name, value in watched.items() if name == f"{job} {index}" or
                   not name.startswith("ps ")}
    remote = [name for name in watched if job == "ps" and not name.startswith("ps ")]
    return cluster, [(job, index)], watched, own, remote


def _task_command(options, target, runner_options):
    if options.plain:
        head = [sys.executable, "-u"]
    else:
        head = [sys.executable, "-u", "-m", "tf1compat", *runner_options]
    if target["kind"] == "module":
        return head + ["-m", target["module"], *options.args]
    return head + [target["path"], *options.args]
