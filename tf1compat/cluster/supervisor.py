"""Supervises a cluster's tasks: startup, restarts, the end of training, a failing task, Ctrl-C; nothing outlives it."""
import signal
import sys
import time

from tf1compat.cluster import ports, processes
from tf1compat.cluster.spec import split_address

STARTUP_EXIT = 124  # as timeout(1): a task never became reachable
INTERRUPT_EXIT = 130
_POLL_SECONDS = 0.1
RESTART_BACKOFF_SECONDS = (1.0, 2.0, 4.0)  # before the 1st, 2nd, 3rd and later restart of one task
_REMOTE_POLL_SECONDS = 1.0  # a ps started alone asks whether the workers are still there this often
FINISHING_JOBS = ("chief", "worker", "evaluator")  # tasks that end by themselves; ps tasks serve until stopped


def say(message):
    print(f"[cluster] {message}", file=sys.stderr, flush=True)


class Supervisor:
    """Watches ``tasks`` (TaskProcess, TaskOutput pairs) until the run is over; ``run()`` returns the exit code.

    Args:
        watched: ``{name: "host:port"}`` that must accept connections within ``startup_timeout``.
        own: the names in ``watched`` that are tasks started here (their ports are opened by the script).
        remote_finishers: addresses of other machines' workers: a ps started alone ends once they all closed.
        restarts: how many times one task that died (non-zero exit or signal) is started again.
        make_output: ``task -> TaskOutput`` for a restarted task's new attempt.
    """

    def __init__(self, tasks, watched, own, script, startup_timeout, finish_grace, stop_grace, remote_finishers=(),
                 restarts=0, make_output=None):
        self.tasks = tasks
        self.restarts, self.make_output = restarts, make_output
        self.restart_due = {}  # task name -> when its restart starts (after the back-off)
        self.watched, self.own, self.script = dict(watched), set(own), script
        self.startup_timeout, self.finish_grace, self.stop_grace = startup_timeout, finish_grace, stop_grace
        self.remote_finishers = list(remote_finishers)
        self.reached = set()
        self.started = time.monotonic()
        self.chief_done_at = None
        self.last_remote_check = 0.0

    def run(self):
        previous = signal.signal(signal.SIGTERM, _raise_interrupt)
        try:
            return self._loop()
        except KeyboardInterrupt:
            say("interrupted: stopping every task")
            return INTERRUPT_EXIT
        finally:
            processes.stop([task for task, _ in self.tasks], self.stop_grace)
            for _, output in self.tasks:
                output.close()
            signal.signal(signal.SIGTERM, previous)

    def _loop(self):
        while True:
            self._check_addresses()
            code = self._verdict()
            if code is not None:
                return code
            time.sleep(_POLL_SECONDS)

    def _check_addresses(self):
        for name, address in self.watched.items():
            if name not in self.reached and ports.accepting(*split_address(address)):
                self.reached.add(name)

    def _verdict(self):
        """The exit code once the run is over, else None."""
        for position, (task, output) in enumerate(self.tasks):
            code = task.returncode
            if code in (None, 0) or task.stopped:
                continue
            if task.attempt > self.restarts:
                return self._failed(task, output, code)
            self._restart_when_due(position, code)
        finishers = [task for task, _ in self.tasks if task.job in FINISHING_JOBS]
        if finishers and all(task.returncode == 0 for task in finishers):
            return self._finished()
        if not finishers and self._remote_workers_done():
            say("every worker has closed its port: training is over; stopping the ps task")
            return 0
        if self._chief_finished_long_ago(finishers):
            names = ", ".join(f"`{task.name}`" for task in finishers if task.returncode is None)
            say(f"the chief has finished and {names} still ran {self.finish_grace:g} s later (--finish-grace): "
                "stopped")
            return 0
        if time.monotonic() - self.started > self.startup_timeout and set(self.watched) - self.reached:
            return self._startup_failed()
        return None

    def _restart_when_due(self, position, code):
        """Announce a dead task's restart once, start it after the back-off; the old attempt's output is kept."""
        task, output = self.tasks[position]
        if task.name not in self.restart_due:
            backoff = RESTART_BACKOFF_SECONDS[min(task.attempt, len(RESTART_BACKOFF_SECONDS)) - 1]
            self.restart_due[task.name] = time.monotonic() + backoff
            say(f"restarting {task.name} ({processes.describe_exit(code)}), attempt {task.attempt}/{self.restarts}")
        if time.monotonic() < self.restart_due[task.name]:
            return
        del self.restart_due[task.name]
        output.close()
        task.restart()
        self.tasks[position] = (task, self.make_output(task))

    def _failed(self, task, output, code):
        processes.stop([other for other, _ in self.tasks], self.stop_grace)
        output.close()
        restarted = f" after {task.attempt - 1} restart{'s' * (task.attempt > 2)}" if task.attempt > 1 else ""
        say(f"ERROR `{task.name}` failed with {processes.describe_exit(code)}{restarted}; the other tasks were "
            f"stopped. Its last error:\n{output.traceback()}")
        return processes.shell_exit_code(code)

    def _finished(self):
        if self.own and not self.reached & self.own:
            say(self._ignored_flags_message("while the tasks ran: each trained alone"))
            return 1
        return 0

    def _chief_finished_long_ago(self, finishers):
        chief = next((task for task in finishers if task.job == "chief"), None) or next(
            (task for task in finishers if task.job == "worker" and task.index == 0), None)
        if chief is None or chief.returncode != 0:
            return False
        self.chief_done_at = self.chief_done_at or time.monotonic()
        return time.monotonic() - self.chief_done_at > self.finish_grace

    def _remote_workers_done(self):
        if not self.remote_finishers or not set(self.remote_finishers) <= self.reached:
            return False
        if time.monotonic() - self.last_remote_check < _REMOTE_POLL_SECONDS:
            return False
        self.last_remote_check = time.monotonic()
        return not any(ports.accepting(*split_address(self.watched[name])) for name in self.remote_finishers)

    def _startup_failed(self):
        if self.own and not self.reached & self.own:
            say(self._ignored_flags_message(
                f"within {self.startup_timeout:g} s (--startup-timeout); every task was stopped"))
            return 1
        missing = [name for name in self.watched if name not in self.reached]
        described = ", ".join(f"`{name}` ({self.watched[name]})" for name in missing)
        say(f"ERROR {described} did not accept connections within {self.startup_timeout:g} s (--startup-timeout): "
            "the other tasks cannot reach it. Start it with the same cluster spec, or check its host and port "
            "and the firewall; every task was stopped.")
        return STARTUP_EXIT

    def _ignored_flags_message(self, outcome):
        return (f"ERROR `{self.script}` ignored the cluster: no task opened its port {outcome}. The script must "
                "start tf.train.Server from the flags it was given (--ps_hosts, --worker_hosts, --job_name, "
                "--task_index) or from TF_CONFIG; if it spells them differently, say so with --cluster-flags "
                "(e.g. --cluster-flags hosts,job_name=job,task_index=task).")


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt
