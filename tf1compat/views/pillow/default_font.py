"""Pillow < 10.1's default font: the built-in bitmap font, for legacy-scope code that names no font.

Pillow 10.1 made ``ImageFont.load_default()`` return a scalable FreeType font when FreeType is
available, and ``ImageDraw`` draws and measures ``font=None`` text with it; Pillow 5 (2018) used a
bitmap font, 6 pixels per character and 11 high, so labels drawn by old code land on different
pixels and ``textsize`` answers differently. Pillow keeps that font as ``load_default_imagefont()``.
"""
import functools

from PIL import ImageFont


def bitmap_by_default(original, served):
    """``ImageFont.load_default`` that gives the bitmap font when the first caller outside Pillow (a script's
    ``load_default()``, or its ``draw.text`` with no font) is in the legacy scope and no size is asked."""

    @functools.wraps(original)
    def load_default(size=None):
        if size is None and served():
            return ImageFont.load_default_imagefont()
        return original() if size is None else original(size)

    return load_default
