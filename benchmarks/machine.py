"""Where and when a benchmark ran: CPU model, cores, load, versions, date."""
import datetime
import importlib.metadata
import os
import platform
import subprocess


def cpu_model():
    """``lscpu``'s "Model name" (or the platform's processor string when lscpu is missing)."""
    try:
        output = subprocess.run(["lscpu"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        output = ""
    for line in output.splitlines():
        if line.startswith("Model name:"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def cpu_flags_of_interest():
    """The AVX-512 / bfloat16 / AMX flags the kernel reports (what oneDNN may use)."""
    try:
        with open("/proc/cpuinfo") as handle:
            flags = next((line.split(":", 1)[1].split() for line in handle if line.startswith("flags")), [])
    except OSError:
        return []
    return sorted(flag for flag in set(flags) if flag.startswith(("avx512", "amx")) or "bf16" in flag)


def machine_info():
    return {
        "cpu_model": cpu_model(),
        "cores": os.cpu_count(),
        "cpu_flags": cpu_flags_of_interest(),
        "load_average_at_start": list(os.getloadavg()),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "tensorflow": _version("tensorflow"),
        "numpy": _version("numpy"),
    }


def _version(distribution):
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
