"""``python -m tf1compat.cluster PLAN_FILE``: the launcher's second half, inside a private network namespace."""
import sys

from tf1compat.cluster.private_network import main

sys.exit(main(sys.argv[1:]))
