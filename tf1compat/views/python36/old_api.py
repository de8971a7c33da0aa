"""Python 3.6 standard-library behaviours that later Pythons removed, for legacy-scope code."""
import collections
import inspect
import time

from tf1compat.views.legacy_package import keyword_wrapper

ArgSpec = collections.namedtuple("ArgSpec", "args varargs keywords defaults")


def clock():
    """Python 3.6's ``time.clock()`` on Unix: the processor time of the process, in seconds."""
    return time.process_time()


def getargspec(func):
    """Python 3.6's ``inspect.getargspec``: ``ArgSpec(args, varargs, keywords, defaults)``; refuses what it cannot
    describe, as it did."""
    spec = inspect.getfullargspec(func)
    if spec.kwonlyargs or spec.annotations:
        raise ValueError("Function has keyword-only parameters or annotations, use getfullargspec() API which can "
                         "support them")
    return ArgSpec(spec.args, spec.varargs, spec.varkw, spec.defaults)


def gcd(a, b):
    """Python 3.6's ``fractions.gcd``: Euclid's algorithm; unless b == 0 the result has the sign of b."""
    while b:
        a, b = b, a % b
    return a


def is_alive(self):
    """``Thread.isAlive()``: ``is_alive()``."""
    return self.is_alive()


def loads_ignoring_encoding(original, served):
    """``json.loads`` that accepts Python 3.6's ``encoding=`` (ignored there since 3.1) from legacy-scope callers."""

    def translate(loads, args, kwargs):
        del kwargs["encoding"]
        return loads(*args, **kwargs)

    return keyword_wrapper(original, served, ("encoding",), translate)
