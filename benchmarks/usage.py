"""The argument parser of every benchmark entry point: usage errors as one ``ERROR ...; available: ...`` line."""
import argparse


class UsageParser(argparse.ArgumentParser):
    """``argparse`` that exits 2 with one line naming the available flags instead of the usage block."""

    def error(self, message):
        flags = ", ".join(sorted(option for action in self._actions for option in action.option_strings
                                 if option.startswith("--")))
        self.exit(2, f"ERROR {message}; available: {flags}\n")
