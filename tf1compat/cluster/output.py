"""Each task's output, shown live with a ``[worker 1]`` prefix and kept in a log file per task and attempt."""
import collections
import os
import re
import sys
import threading

_write_lock = threading.Lock()
_TRACEBACK_START = "Traceback (most recent call last):"
_LAST_LINES = 400


def log_name(task):
    """``worker_1.log`` for a task's first attempt, ``worker_1.attempt2.log`` for its first restart."""
    attempt = "" if task.attempt == 1 else f".attempt{task.attempt}"
    return f"{task.job}_{task.index}{attempt}.log"


class TaskOutput:
    """Pumps a task's stdout and stderr (threads), prefixing lines; keeps its last stderr lines."""

    def __init__(self, task, log_dir=None, drop=None):
        self.prefix = f"[{task.name}] "
        self.drop = drop  # line -> True for lines not worth showing (TensorFlow's start-up noise)
        self.stderr_tail = collections.deque(maxlen=_LAST_LINES)
        self.log = None
        if log_dir:
            os.makedirs(log_dir, exist_ok=True)
            self.log = open(os.path.join(log_dir, log_name(task)), "w", encoding="utf-8")
        self.threads = [threading.Thread(target=self._pump, args=(task.popen.stdout, sys.stdout, False), daemon=True),
                        threading.Thread(target=self._pump, args=(task.popen.stderr, sys.stderr, True), daemon=True)]
        for thread in self.threads:
            thread.start()

    def _pump(self, pipe, terminal, is_stderr):
        for raw in iter(pipe.readline, b""):
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if self.drop and self.drop(line):
                continue
            if is_stderr:
                self.stderr_tail.append(line)
            with _write_lock:
                terminal.write(self.prefix + line + "\n")
                terminal.flush()
                if self.log:
                    self.log.write(line + "\n")
                    self.log.flush()
        pipe.close()

    def close(self, timeout=5.0):
        """Wait for the pipes to drain (the task has exited), then close the log."""
        for thread in self.threads:
            thread.join(timeout)
        if self.log:
            with _write_lock:
                self.log.close()
                self.log = None

    def traceback(self):
        """The last Python traceback the task printed on stderr, or its last lines if there is none."""
        lines = list(self.stderr_tail)
        starts = [number for number, line in enumerate(lines) if line.startswith(_TRACEBACK_START)]
        if starts:
            return "\n".join(lines[starts[-1]:])
        return "\n".join(line for line in lines[-10:] if not re.fullmatch(r"\s*", line))
