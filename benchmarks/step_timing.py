"""Per-step wall times and the images/s they imply (first epoch, steady state after it)."""
import statistics
import time


def timed_steps(step, count):
    """Call ``step()`` ``count`` times; return each call's wall time in seconds."""
    seconds = []
    for _ in range(count):
        started = time.perf_counter()
        step()
        seconds.append(time.perf_counter() - started)
    return seconds


def throughput(step_seconds, batch_size, steps_per_epoch):
    """``{"images_per_second", "first_epoch_images_per_second", "steps", ...}`` from per-step times.

    Steady state is every step after the first epoch (tracing, thread start-up and cold
    caches happen in the first); with one epoch or less, every step after the first one.
    """
    first = steps_per_epoch if len(step_seconds) > steps_per_epoch else 1
    steady = step_seconds[first:] or step_seconds
    warm = step_seconds[:min(steps_per_epoch, len(step_seconds))]
    return {
        "images_per_second": batch_size * len(steady) / sum(steady),
        # Robust to other processes stealing the CPU now and then (but also blind to periodic stalls).
        "median_step_images_per_second": batch_size / statistics.median(steady),
        "first_epoch_images_per_second": batch_size * len(warm) / sum(warm),
        "steps": len(step_seconds),
        "batch_size": batch_size,
        "seconds": sum(step_seconds),
    }
