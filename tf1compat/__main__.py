"""Entry point of ``python -m tf1compat``."""
import sys

from tf1compat.cli.runner import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m tf1compat"))
