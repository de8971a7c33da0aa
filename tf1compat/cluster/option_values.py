"""Checks for the launcher's numeric options: argparse ``type=`` functions whose errors name the value and the fix."""
import argparse


def _number(text, convert, kind):
    try:
        return convert(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"`{text}` is not {kind}") from None


def non_negative_seconds(text):
    """Seconds where 0 means "never" (``--hang-timeout``, ``--finish-grace``, ``--stop-grace``)."""
    seconds = _number(text, float, "a number of seconds")
    if not seconds >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"`{text}` is negative; give seconds >= 0 (0 disables)")
    return seconds


def positive_seconds(text):
    """Seconds something is given to happen (``--startup-timeout``): 0 would give nothing time to start."""
    seconds = _number(text, float, "a number of seconds")
    if not seconds > 0:
        raise argparse.ArgumentTypeError(f"`{text}` gives the tasks no time to start; give seconds > 0, e.g. 60")
    return seconds


def port_number(text):
    """A TCP port to count free ports up from (``--cluster-port``)."""
    port = _number(text, int, "a whole port number")
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"`{text}` is not a TCP port; give a port from 1 to 65535, e.g. 2222")
    return port


def restart_count(text):
    """How many times one task is restarted (``--restarts``)."""
    count = _number(text, int, "a whole number of restarts")
    if count < 0:
        raise argparse.ArgumentTypeError(f"`{text}` is negative; give 0 (no restarts) or more")
    return count
