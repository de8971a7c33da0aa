"""Pillow 9's text measuring (``ImageDraw.textsize``, ``font.getsize``; removed in Pillow 10), on today's fonts.

``getsize`` was the far corner of the text's box from the drawing origin: FreeType's size plus its
offset (so the blank above lower-case letters counts), plus twice the stroke width. ``textsize``
measured with ``getsize``; several lines were ``max(width)`` by ``lines * (height of "A" + spacing) -
spacing``. With ``font=None`` the draw's current default font is measured: in the scope, the bitmap
font Pillow 9 used (``default_font``), so ``textsize("Hello")`` is ``(30, 11)`` as it was.
"""
from PIL import Image, ImageFont


def freetype_getsize(self, text, direction=None, features=None, language=None, stroke_width=0):
    """``(width, height)`` from the origin to the far corner of ``text``'s box, as Pillow 9 gave it."""
    size, offset = self.font.getsize(text, "L", direction, features, language)
    return size[0] + stroke_width * 2 + offset[0], size[1] + stroke_width * 2 + offset[1]


def bitmap_getsize(self, text, *args, **kwargs):  # pylint: disable=unused-argument
    """``(width, height)`` of ``text`` in a bitmap font."""
    return self.font.getsize(text)


def transposed_getsize(self, text, *args, **kwargs):  # pylint: disable=unused-argument
    """The wrapped font's size, width and height swapped for quarter turns."""
    width, height = _getsize(self.font, text)
    return (height, width) if self.orientation in (Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_270) \
        else (width, height)


def _getsize(font, text, *args):
    for kind, measure in ((ImageFont.FreeTypeFont, freetype_getsize), (ImageFont.TransposedFont, transposed_getsize)):
        if isinstance(font, kind):
            return measure(font, text, *args)
    return bitmap_getsize(font, text)


def textsize(self, text, font=None, spacing=4, direction=None, features=None, language=None, stroke_width=0):
    """``(width, height)`` that ``draw.text`` would cover from its origin, as Pillow 9 measured it."""
    if ("\n" if isinstance(text, str) else b"\n") in text:
        return multiline_textsize(self, text, font, spacing, direction, features, language, stroke_width)
    font = font if font is not None else self.getfont()
    if isinstance(font, ImageFont.FreeTypeFont):
        return freetype_getsize(font, text, direction, features, language, stroke_width)
    return _getsize(font, text)


def multiline_textsize(self, text, font=None, spacing=4, direction=None, features=None, language=None,
                       stroke_width=0):
    """Several lines: the widest line by ``lines * (height of "A" + spacing) - spacing``."""
    lines = text.split("\n" if isinstance(text, str) else b"\n")
    line_spacing = textsize(self, "A", font=font, stroke_width=stroke_width)[1] + spacing
    width = max(textsize(self, line, font, spacing, direction, features, language, stroke_width)[0]
                for line in lines)
    return width, len(lines) * line_spacing - spacing
