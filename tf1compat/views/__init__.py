"""Legacy views of the 2018 Python stack: what ``import numpy`` (and scipy, PIL, sklearn, pandas, matplotlib,
keras) give code in the legacy scope.

``registry`` maps each top-level import name to its view module; each view module has ``legacy_import``
(what ``__import__`` returns in the scope), ``report_lines`` (for ``--report``) and ``TABLE`` (the data:
old name -> what it did, replacement, the release that removed it; ``legacy_name.LegacyName``).
``legacy_package`` is the engine the views other than NumPy's are built on.
"""
