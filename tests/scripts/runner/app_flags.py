"""TF1: tf.app.flags and tf.app.run parse the script's argv."""
import json
import sys

import tensorflow as tf

flags = tf.app.flags
flags.DEFINE_integer("steps", 10, "number of steps")
flags.DEFINE_string("name", "default", "a name")
FLAGS = flags.FLAGS


def main(argv):
    print("RESULT " + json.dumps({"steps": FLAGS.steps, "name": FLAGS.name, "rest": argv[1:],
                                  "argv0": sys.argv[0]}))


if __name__ == "__main__":
    tf.app.run()
