"""Standalone Keras 2.2.4 for legacy scripts: ``import keras`` in the scope gives a Keras 2.2.4 view over tf_keras.

Parts: ``layout`` (2.2.4's module paths -> where each name comes from), ``interfaces`` and ``table``
(the data: Keras-1 conversions, 2.2.4 defaults, each old name's replacement), ``namespace`` (the
module views), and the adapted pieces (``layers``, ``models``, ``optimizers``, ``backend``,
``datasets``, ``utils``). ``legacy_import`` is what the import hook calls; ``report_lines`` feeds
``--report``; ``TABLE`` feeds ``migration.scan``.
"""
from tf1compat.views.keras.table import TABLE
from tf1compat.views.keras.usage import report_lines, uses

__all__ = ["legacy_import", "report_lines", "uses", "TABLE"]


def legacy_import(name, globals=None, locals=None, fromlist=(), level=0):  # noqa: A002 (__import__'s names)
    """What ``__import__(name, ...)`` returns in the legacy scope for ``keras`` and ``keras.x.y``."""
    from tf1compat.errors import UnsupportedTF1APIError, as_import_error
    from tf1compat.scope.import_hook import ensure_tf1_runtime

    ensure_tf1_runtime()  # Keras 2.2 ran on TF1 graph mode with a global session
    from tf1compat.views.keras import namespace

    try:
        module = namespace.view(name)
        if fromlist:
            return module
        return namespace.view("keras")
    except UnsupportedTF1APIError as error:
        raise as_import_error(error) from None
