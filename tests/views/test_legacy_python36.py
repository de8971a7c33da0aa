"""The legacy standard-library views: Python 3.6 names (TF 1.x's Python) that Python 3.7-3.11 removed."""
import collections.abc
import errno
import json
import threading
import time

import pytest

from tests.views.legacy_stack_loader import LOAD_LIBRARY
from tf1compat.views import registry

SCRIPT = """
import base64, collections, fractions, inspect, json, os, threading, time
from collections import Mapping, Iterable


def clock():
    return time.clock()


def argspec(function):
    return inspect.getargspec(function)


def alive(thread):
    return thread.isAlive()


loaded = json.loads('{{"a": [1, 2]}}', encoding="utf-8")
gcds = [fractions.gcd(4, -6), fractions.gcd(-4, 6), fractions.gcd(0, 5), fractions.gcd(12, 0)]
round_trip = base64.decodestring(base64.encodestring(b"tf1" * 30))
lines = base64.encodestring(b"x" * 60).count(b"\\n")
eexist = os.errno.EEXIST
{load_library}
"""
LIBRARY = """
import collections, fractions, json, os, time
sees = [hasattr(time, "clock"), hasattr(collections, "Mapping"), hasattr(fractions, "gcd"), hasattr(os, "errno")]


def loads(text, **kwargs):
    return json.loads(text, **kwargs)
"""


@pytest.fixture
def script(legacy_module, library_file):
    return legacy_module(SCRIPT, load_library=LOAD_LIBRARY.format(path=library_file(LIBRARY)))


def test_names_python_3_6_had(script):
    assert script.Mapping is collections.abc.Mapping and script.Iterable is collections.abc.Iterable
    assert script.collections.Sequence is collections.abc.Sequence
    assert script.loaded == {"a": [1, 2]} and script.eexist == errno.EEXIST
    assert script.gcds == [-2, 2, 5, 12]  # the sign of b (fractions.gcd), unlike math.gcd
    assert script.round_trip == b"tf1" * 30 and script.lines == 2  # 76-character lines
    before = time.process_time()
    sum(range(200000))
    measured = script.clock()
    assert before <= measured <= time.process_time()  # processor time, as time.clock() was on Unix


def test_getargspec_and_is_alive(script):
    spec = script.argspec(lambda a, b=1, *rest, **named: None)
    assert (spec.args, spec.varargs, spec.keywords, spec.defaults) == (["a", "b"], "rest", "named", (1,))
    with pytest.raises(ValueError, match="^Function has keyword-only parameters or annotations"):
        script.argspec(lambda a, *, b: None)
    worker = threading.Thread(target=time.sleep, args=(0.2,))
    assert script.alive(worker) is False
    worker.start()
    assert script.alive(worker) is True
    worker.join()
    assert not hasattr(worker, "isAlive")  # this file is not in the scope


def test_outside_the_scope_the_standard_library_is_todays(script):
    assert script.library.sees == [False, False, False, False]
    with pytest.raises(TypeError, match="encoding"):
        script.library.loads("{}", encoding="utf-8")
    assert not hasattr(time, "clock") and not hasattr(json, "encoding")


def test_real_python_turns_every_standard_library_view_off():
    assert registry.real_tops(["python"]) == {"time", "collections", "inspect", "fractions", "base64", "os",
                                              "threading", "json"}
    assert registry.view_module("time").PACKAGE.top == "time"
    assert set(registry.table_modules()["collections"].TABLE) >= {"Mapping", "Iterable", "Callable"}
