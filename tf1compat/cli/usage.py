"""The one command-line convention every ``python -m tf1compat…`` / ``migration.…`` command follows.

- A mistake in how the command was called: one line ``ERROR …; available: …`` on stderr, exit 2
  (``UsageError``, raised by ``UsageParser`` for argparse's own errors too).
- A failure the user can act on: one line ``ERROR …`` on stderr, exit 1 (``CommandError``).
- Anything else: one line naming the exception, exit 1, and the traceback only with ``--verbose``.
- Ctrl-C: exit 130, as a shell reports a process ended by SIGINT.

``run_command(body, argv)`` applies it: ``main(argv=None)`` of each command is one call.
"""
import argparse
import os
import sys
import traceback

USAGE_EXIT, FAILURE_EXIT, INTERRUPT_EXIT = 2, 1, 130


class UsageError(Exception):
    """A mistake in how a command was called: one line on stderr, exit 2."""


class CommandError(Exception):
    """A failure the user can act on (bad data, a failed check): one line on stderr, exit 1."""


def available_choices(parser):
    """What the user could have typed: the sub-commands if ``parser`` has any, else its ``--flags``."""
    for action in parser._actions:  # pylint: disable=protected-access
        if isinstance(action, argparse._SubParsersAction):  # pylint: disable=protected-access
            return list(action.choices)
    return sorted(option for action in parser._actions  # pylint: disable=protected-access
                  for option in action.option_strings if option.startswith("--"))


class UsageParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors raise ``UsageError`` (one line naming the choices), not print a usage block."""

    def error(self, message):
        raise UsageError(f"{message}; available: {', '.join(available_choices(self))}")


def run_command(body, argv=None, usage_errors=(), failures=(), verbose=None):
    """``body(argv)`` -> its exit code, with the house's errors turned into one line and an exit code.

    Args:
        body: ``argv -> int``; it parses ``argv`` itself (with a ``UsageParser``).
        argv: the arguments (default ``sys.argv[1:]``).
        usage_errors: further exception types that are usage mistakes (exit 2), e.g. a bad input file.
        failures: further exception types that are actionable failures (exit 1): one line, no traceback.
        verbose: whether to print tracebacks (default: ``--verbose`` is in ``argv``).
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    verbose = "--verbose" in argv if verbose is None else verbose
    try:
        return body(argv)
    except (UsageError, *usage_errors) as error:
        return _one_line(f"ERROR {error}", USAGE_EXIT, verbose)
    except (CommandError, *failures) as error:
        return _one_line(f"ERROR {error}", FAILURE_EXIT, verbose)
    except KeyboardInterrupt:
        return _one_line("interrupted", INTERRUPT_EXIT, verbose)
    except BrokenPipeError:  # `... | head` closed stdout: not an error of ours; keep Python's exit-time flush quiet
        sys.stdout = open(os.devnull, "w")  # pylint: disable=consider-using-with
        return 0
    except Exception as error:  # pylint: disable=broad-except  # an unexpected failure: still one line
        first = f"{type(error).__name__}: {error}".splitlines()[0]
        hint = "" if verbose else " (rerun with --verbose for the traceback)"
        return _one_line(f"ERROR {first}{hint}", FAILURE_EXIT, verbose)


def _one_line(line, code, verbose):
    if verbose:
        traceback.print_exc()
    print(line, file=sys.stderr)
    return code
