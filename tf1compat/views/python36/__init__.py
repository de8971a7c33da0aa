"""The standard library a legacy script sees: Python 3.6's names (TF 1.x's Python) that Python 3.7-3.11 removed.

One view per top-level module (``time``, ``collections``, ``inspect``, ``fractions``, ``base64``, ``os``,
``threading``, ``json``), each a ``LegacyPackage`` over the real module with its own table
(``table.TABLES``); ``old_api`` holds the old behaviours. ``tf1compat.views.registry`` names each
view as ``tf1compat.views.python36:<top>``; ``--real python`` turns them all off.
"""
import types

from tf1compat.views.legacy_package import LegacyPackage
from tf1compat.views.python36.table import TABLES

TOPS = tuple(TABLES)


def _view(top):
    package = LegacyPackage(top, "Python", TABLES[top])
    return types.SimpleNamespace(PACKAGE=package, TABLE=TABLES[top], legacy_import=package.legacy_import,
                                 report_lines=package.report_lines, uninstall=package.uninstall_attributes)


VIEWS = {top: _view(top) for top in TOPS}

__all__ = ["TABLES", "TOPS", "VIEWS"]
