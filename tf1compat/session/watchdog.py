"""Stops legacy runs that would hang: a ``sess.run`` starved of its queue runners, and Ctrl-C."""
import os
import signal
import socket
import sys
import threading
import time

from tf1compat.session import config as session_config

HANG_EXIT = 124  # as timeout(1): the run was stopped because it could not make progress
INTERRUPT_EXIT = 130  # as a shell reports a process ended by SIGINT
_POLL_SECONDS = 0.25
notice_file = None  # where the exit notice goes (default sys.stderr); a Jupyter kernel points it at its terminal


class Watchdog:
    """A daemon thread watching the ``Session.run`` calls in flight.

    Args:
        hang_timeout: seconds a ``sess.run`` may wait while none of its graph's queue
            runners is running before the process exits with ``HANG_EXIT``; 0 disables.
        interrupt_grace: seconds the main thread gets after Ctrl-C to leave a blocked
            ``sess.run`` (TensorFlow does not return to Python to see the signal).
    """

    def __init__(self, hang_timeout=60.0, interrupt_grace=2.0):
        self.hang_timeout = hang_timeout
        self.interrupt_grace = interrupt_grace
        self._runs = {}  # thread id -> (start time, session)
        self._lock = threading.Lock()
        self._interrupted_at = None

    # -- bookkeeping, called around every Session.run -----------------------------
    def run_started(self, session):
        with self._lock:
            self._runs[threading.get_ident()] = (time.monotonic(), session)

    def run_finished(self):
        with self._lock:
            self._runs.pop(threading.get_ident(), None)

    def main_thread_run(self):
        with self._lock:
            return self._runs.get(threading.main_thread().ident)

    # -- the watching thread -------------------------------------------------------
    def start(self, catch_interrupts=True):
        """Start watching; call from the main thread (it owns signal handling).

        ``catch_interrupts=False`` leaves SIGINT to its owner (a Jupyter kernel interrupts cells itself).
        """
        if catch_interrupts:
            self._install_interrupt_pipe()
        threading.Thread(target=self._watch, name="tf1compat-watchdog", daemon=True).start()

    def _install_interrupt_pipe(self):
        if threading.current_thread() is not threading.main_thread():
            return
        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        try:
            signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        except ValueError:
            return
        self._signal_reader, self._signal_writer = reader, writer

    def _watch(self):
        while True:
            time.sleep(_POLL_SECONDS)
            self._check_interrupt()
            self._check_hang()

    def _check_interrupt(self):
        reader = getattr(self, "_signal_reader", None)
        if reader is not None:
            try:
                received = reader.recv(64)
            except BlockingIOError:
                received = b""
            if bytes([signal.SIGINT]) in received:
                self._interrupted_at = time.monotonic()
        if self._interrupted_at is None:
            return
        run = self.main_thread_run()
        if run is None:
            self._interrupted_at = None  # Python saw the signal: KeyboardInterrupt is on its way
        elif time.monotonic() - self._interrupted_at > self.interrupt_grace:
            _exit_now("tf1compat: interrupted (Ctrl-C) while TensorFlow was blocked in sess.run; exiting.",
                      INTERRUPT_EXIT)

    def _check_hang(self):
        if not self.hang_timeout:
            return
        now = time.monotonic()
        with self._lock:
            runs = list(self._runs.values())
        for started, session in runs:
            if now - started < self.hang_timeout:
                continue
            message = starved_queue_message(session, now - started)
            if message:
                _exit_now(message, HANG_EXIT)


def starved_queue_message(session, waited):
    """Why ``session``'s run can never finish, or None if a queue runner still feeds it."""
    from tensorflow.compat import v1 as tf

    runners = session.graph.get_collection(tf.GraphKeys.QUEUE_RUNNERS)
    if not runners or any(runner._runs_per_session.get(session, 0) > 0 for runner in runners):
        return None  # pylint: disable=protected-access
    queues = ", ".join(f"`{runner.queue.name}`" for runner in runners)
    errors = [error for runner in runners for error in runner.exceptions_raised]
    if errors:
        cause = ("its queue-runner threads died: " +
                 "; ".join(f"{type(error).__name__}: {error}" for error in errors))
    else:
        cause = ("no queue-runner thread is running: call `tf.train.start_queue_runners(sess=sess, coord=coord)` "
                 "after initializing variables and before the loop (or the Coordinator already stopped them)")
    return (f"tf1compat: `sess.run` has waited {waited:.0f} s on queue(s) {queues}, and {cause}. "
            "Stopped instead of hanging forever (--hang-timeout 0 disables this check).")


def _exit_now(message, code):
    try:
        sys.stdout.flush()
    finally:
        print(message, file=notice_file or sys.stderr, flush=True)
        os._exit(code)  # the main thread is stuck in TensorFlow's C++; nothing else can end it


def watch_sessions(watchdog):
    """Wrap ``BaseSession.run`` so ``watchdog`` sees each call (once TensorFlow is loaded)."""

    def make_wrapper(original_run):
        def run(self, *args, **kwargs):
            watchdog.run_started(self)
            try:
                return original_run(self, *args, **kwargs)
            finally:
                watchdog.run_finished()
        return run

    return session_config.wrap_base_session("run", make_wrapper)
