"""The Pillow a legacy script sees: ``Image.ANTIALIAS``/``LINEAR``/``CUBIC``, ``ImageDraw.textsize``,
``font.getsize`` and the bitmap default font as Pillow < 10 had them, on today's Pillow (``import PIL``
in the scope).

Parts: ``table`` (the data), ``text_size`` (the old measuring), ``default_font`` (``load_default()``).
The methods are added to Pillow's own ``ImageDraw``, ``FreeTypeFont``, ``ImageFont`` and
``TransposedFont`` classes when the view is first used; only code in the legacy scope sees them.
"""

from tf1compat.views.legacy_package import LegacyPackage
from tf1compat.views.pillow.table import TABLE

PACKAGE = LegacyPackage("PIL", "Pillow", TABLE)
legacy_import = PACKAGE.legacy_import
report_lines = PACKAGE.report_lines
uninstall = PACKAGE.uninstall_attributes

__all__ = ["TABLE", "PACKAGE", "legacy_import", "report_lines", "uninstall"]
