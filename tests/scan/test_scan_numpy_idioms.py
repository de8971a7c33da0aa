"""migration.scan reports NumPy 1.x idioms (category numpy) and TF <= 1.4's FLAGS._parse_flags()."""
from migration.scan.engine import scan_text

SOURCE = """import numpy as np
from numpy import asscalar, zeros
import numpy

x = np.zeros(3, dtype=np.int)
y = numpy.product(x) + np.prod(x)
z = np.reshape(x, newshape=(3, 1))
w = np.reshape(x, (3, 1))
other.int
"""


def test_removed_numpy_spellings_and_newshape_are_findings():
    findings = [(f.line, f.col, f.severity, f.category, f.symbol, f.kind) for f in scan_text(SOURCE)]
    assert findings == [
        (2, 19, "WARNING", "numpy", "numpy.asscalar", "provided"),
        (5, 23, "WARNING", "numpy", "numpy.int", "provided"),
        (6, 5, "WARNING", "numpy", "numpy.product", "provided"),
        (7, 19, "WARNING", "numpy", "numpy.reshape(newshape=)", "provided")]
    message = scan_text(SOURCE)[1].message
    assert message == ("`numpy.int` was removed in NumPy 1.24 (tf1compat's legacy NumPy view provides it); "
                       "now: int (or an explicit NumPy type such as np.int64)")


def test_pre_absl_parse_flags_is_a_finding():
    source = "import tensorflow as tf\nFLAGS = tf.flags.FLAGS\nFLAGS._parse_flags()\n"
    parse = [f for f in scan_text(source) if f.symbol == "FLAGS._parse_flags()"]
    assert [(f.line, f.col, f.severity, f.category) for f in parse] == [(3, 1, "WARNING", "app")]
    assert "TF <= 1.4's flag parsing" in parse[0].message
