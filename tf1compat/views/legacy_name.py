"""One entry of a legacy-stack table: a name an old release had, what it did, what replaced it (data only)."""
from dataclasses import dataclass

NAME = "name"  # an attribute of a module: `scipy.misc.imread`
MODULE = "module"  # a whole module path that no longer exists: `sklearn.cross_validation`
METHOD = "method"  # an attribute of a real class, served inside the scope only: `DataFrame.as_matrix`
PROPERTY = "property"  # likewise, but computed on access: `DataFrame.ix`
KEYWORD = "keyword"  # a keyword a real function no longer takes: `Axes.hist(normed=...)`
DEFAULT = "default"  # a real function whose result with no arguments changed: `ImageFont.load_default()`


@dataclass(frozen=True)
class LegacyName:
    """What one removed name of the 2018 stack became.

    Attributes:
        value: where the legacy view finds the old meaning: ``"module:attribute"`` (or ``"module"`` for a
            removed module path).
        did: what the name did in the old release, in a few words.
        replacement: what a port to today's package writes instead.
        removed_in: the release of the package that removed it (for ``DEFAULT``: that changed it).
        kind: ``NAME``, ``MODULE``, ``METHOD``, ``PROPERTY``, ``KEYWORD`` or ``DEFAULT``.
        owners: for methods, properties, keywords and defaults: the real classes (``"module:Class"``) or
            modules (``"module"``) that get it.
    """

    value: str
    did: str
    replacement: str
    removed_in: str
    kind: str = NAME
    owners: tuple = ()
