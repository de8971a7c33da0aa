"""Exit codes, stdin and exceptions behave as under `python SCRIPT`."""
import sys

import tensorflow as tf

mode = sys.argv[1]
if mode == "exit":
    sys.exit(int(sys.argv[2]))
if mode == "raise":
    raise RuntimeError("the script's own failure")
if mode == "stdin":
    print("RESULT \"%s\"" % sys.stdin.read().strip().upper())
if mode == "unsupported":
    print(tf.contrib.learn.DNNClassifier)
