"""The Python 3.6 knowledge (TF 1.x's Python): standard-library names Python 3.7-3.11 removed that TF1-era code uses.

One table per top-level module (``TABLES[top]``, keys relative to it), each entry what the name did in
3.6, its replacement and the Python release that removed it (from each release's "What's New"). Data only.
"""
from tf1compat.views.legacy_name import KEYWORD, METHOD, MODULE, LegacyName

_OLD = "tf1compat.views.python36.old_api"
_ABCS = ("Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator", "Hashable", "Iterable",
         "Iterator", "Generator", "Reversible", "Sized", "Container", "Callable", "Collection", "Set", "MutableSet",
         "Mapping", "MutableMapping", "MappingView", "KeysView", "ItemsView", "ValuesView", "Sequence",
         "MutableSequence", "ByteString")

TABLES = {
    "time": {
        "clock": LegacyName(f"{_OLD}:clock", "processor time of the process in seconds (on Unix; wall time on "
                            "Windows)", "time.perf_counter() (elapsed) or time.process_time() (CPU)", "3.8"),
    },
    "collections": {
        name: LegacyName(f"collections.abc:{name}", f"collections.abc.{name}, re-exported",
                         f"collections.abc.{name}", "3.10") for name in _ABCS},
    "inspect": {
        "getargspec": LegacyName(f"{_OLD}:getargspec", "ArgSpec(args, varargs, keywords, defaults) of a function "
                                 "without keyword-only parameters or annotations",
                                 "inspect.getfullargspec(f) or inspect.signature(f)", "3.11"),
    },
    "fractions": {
        "gcd": LegacyName(f"{_OLD}:gcd", "greatest common divisor, with the sign of b (any numbers)",
                          "math.gcd(a, b) (integers, never negative)", "3.9"),
    },
    "base64": {
        "encodestring": LegacyName("base64:encodebytes", "base64 in 76-character lines", "base64.encodebytes",
                                   "3.9"),
        "decodestring": LegacyName("base64:decodebytes", "decode base64 lines", "base64.decodebytes", "3.9"),
    },
    "os": {
        "errno": LegacyName("errno", "the errno module, re-exported (os.errno.EEXIST)", "import errno", "3.7",
                            kind=MODULE),
    },
    "threading": {
        "Thread.isAlive": LegacyName(f"{_OLD}:is_alive", "whether the thread is running", "thread.is_alive()", "3.9",
                                     METHOD, ("threading:Thread",)),
    },
    "json": {
        "loads(encoding=)": LegacyName(f"{_OLD}:loads_ignoring_encoding", "ignored since Python 3.1",
                                       "json.loads(s) (decode bytes first if needed)", "3.9", KEYWORD, ("json",)),
    },
}
