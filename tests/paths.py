"""Where things are, for tests in any subfolder."""
import os

TESTS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TESTS)
SCRIPTS = os.path.join(TESTS, "scripts")  # TF1 programs the tests run in subprocesses (never collected)
