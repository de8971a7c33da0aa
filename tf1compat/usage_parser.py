"""argparse with the project's usage-error convention: exit 2 and one line ``ERROR ...; available: ...``."""
import argparse

USAGE_EXIT = 2


def available_choices(parser):
    """What the user could have typed: the sub-commands if ``parser`` has any, else its ``--flags``."""
    for action in parser._actions:  # pylint: disable=protected-access
        if isinstance(action, argparse._SubParsersAction):  # pylint: disable=protected-access
            return list(action.choices)
    return sorted(option for action in parser._actions  # pylint: disable=protected-access
                  for option in action.option_strings if option.startswith("--"))


class UsageParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors are one line on stderr and exit code 2, not the usage block."""

    def error(self, message):
        self.exit(USAGE_EXIT, f"ERROR {message}; available: {', '.join(available_choices(self))}\n")
