"""Per-step wall times, CPU-time stamps, and the images/s they imply (first epoch, steady state after it)."""
import statistics
import time


def timed_steps(step, count, cpu_stamps=None):
    """Call ``step()`` ``count`` times; return each call's wall time in seconds.

    With a ``cpu_stamps`` list, the process CPU time (all threads) at the start of each
    step is appended to it.
    """
    seconds = []
    for _ in range(count):
        if cpu_stamps is not None:
            cpu_stamps.append(time.process_time())
        started = time.perf_counter()
        step()
        seconds.append(time.perf_counter() - started)
    return seconds


def stamped(batches, cpu_stamps):
    """Iterate ``batches``, appending the process CPU time to ``cpu_stamps`` as each batch is taken."""
    for batch in batches:
        cpu_stamps.append(time.process_time())
        yield batch


def throughput(step_seconds, batch_size, steps_per_epoch, cpu_stamps=None):
    """``{"images_per_second", "first_epoch_images_per_second", "steps", ...}`` from per-step times.

    Steady state is every step after the first epoch (tracing, thread start-up and cold
    caches happen in the first); with one epoch or less, every step after the first one.
    ``cpu_stamps`` (CPU time at each step's start) adds ``images_per_cpu_second`` over the
    steady steps but the last (a caller may do other work after it): CPU time, unlike
    wall time, barely moves when other programs share the cores.
    """
    first = steps_per_epoch if len(step_seconds) > steps_per_epoch else 1
    steady = step_seconds[first:] or step_seconds
    warm = step_seconds[:min(steps_per_epoch, len(step_seconds))]
    result = {
        "images_per_second": batch_size * len(steady) / sum(steady),
        # Robust to other processes stealing the CPU now and then (but also blind to periodic stalls).
        "median_step_images_per_second": batch_size / statistics.median(steady),
        "first_epoch_images_per_second": batch_size * len(warm) / sum(warm),
        "steps": len(step_seconds),
        "batch_size": batch_size,
        "seconds": sum(step_seconds),
    }
    if cpu_stamps and len(cpu_stamps) - 1 > first:
        cpu_seconds = cpu_stamps[-1] - cpu_stamps[first]
        result["images_per_cpu_second"] = batch_size * (len(cpu_stamps) - 1 - first) / max(cpu_seconds, 1e-9)
    return result
