"""Old name of ``python -m tf1compat.api.coverage_page`` (kept so existing commands keep working)."""
import sys

from tf1compat.api.coverage_page import main

if __name__ == "__main__":
    sys.exit(main())
