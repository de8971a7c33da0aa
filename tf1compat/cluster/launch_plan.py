"""What the launcher starts, as plain data (so it can cross into a private network namespace), and starting it."""
from tf1compat.cli import quiet
from tf1compat.cluster import processes
from tf1compat.cluster.output import TaskOutput
from tf1compat.cluster.processes import TaskProcess
from tf1compat.cluster.supervisor import Supervisor


def make_plan(options, tasks, watched, own, remote, script, finish_grace, quiet_plain):
    """A JSON-able plan: ``tasks`` is ``[(job, index, command, environment)]``, the rest the supervisor's settings."""
    return {"tasks": [list(task) for task in tasks], "watched": dict(watched), "own": sorted(own),
            "remote": list(remote), "script": script, "startup_timeout": options.startup_timeout,
            "finish_grace": finish_grace, "stop_grace": options.stop_grace, "restarts": options.restarts,
            "log_dir": options.cluster_logs, "quiet_plain": quiet_plain}


def supervise(plan):
    """Start the plan's tasks in order and supervise them; the launcher's exit code."""
    drop = quiet.is_native_noise if plan["quiet_plain"] else None

    def make_output(task):
        return TaskOutput(task, plan["log_dir"], drop)

    started = []
    try:
        for job, index, command, environment in plan["tasks"]:
            task = TaskProcess(job, index, command, environment)
            started.append((task, make_output(task)))
    except BaseException:  # (or Ctrl-C meanwhile): nothing started stays behind
        processes.stop([task for task, _ in started], plan["stop_grace"])
        for _, output in started:
            output.close()
        raise
    return Supervisor(started, plan["watched"], plan["own"], plan["script"], plan["startup_timeout"],
                      plan["finish_grace"], plan["stop_grace"], plan["remote"], restarts=plan["restarts"],
                      make_output=make_output).run()
