"""The Pillow < 10 knowledge: each name Pillow 10 removed that TF1-era code uses, what it did, its replacement.

Keys are dotted paths under ``PIL`` for module names and ``Class.method`` for what the view adds to
Pillow's own classes (inside the legacy scope only). Data only.
"""
from tf1compat.views.legacy_name import DEFAULT, METHOD, LegacyName

_TEXT = "tf1compat.views.pillow.text_size"


def _filter(new, old):
    return LegacyName(f"PIL.Image:Resampling.{new}", f"the {old} resampling filter (= {new})",
                      f"PIL.Image.Resampling.{new}", "10.0")


def _method(function, did, replacement, owner):
    return LegacyName(f"{_TEXT}:{function}", did, replacement, "10.0", METHOD, (owner,))


TABLE = {
    "Image.ANTIALIAS": _filter("LANCZOS", "antialias"),
    "Image.LINEAR": _filter("BILINEAR", "linear"),
    "Image.CUBIC": _filter("BICUBIC", "cubic"),
    "ImageDraw.textsize": _method("textsize", "(width, height) of text from the origin",
                                  "draw.textbbox((0, 0), text, font)[2:]", "PIL.ImageDraw:ImageDraw"),
    "ImageDraw.multiline_textsize": _method("multiline_textsize", "(width, height) of several lines",
                                            "draw.multiline_textbbox((0, 0), text, font)[2:]",
                                            "PIL.ImageDraw:ImageDraw"),
    "FreeTypeFont.getsize": _method("freetype_getsize", "(width, height) of text from the origin",
                                    "font.getbbox(text)[2:] (or font.getlength(text) for the advance)",
                                    "PIL.ImageFont:FreeTypeFont"),
    "ImageFont.getsize": _method("bitmap_getsize", "(width, height) of text in a bitmap font",
                                 "font.getbbox(text)[2:]", "PIL.ImageFont:ImageFont"),
    "TransposedFont.getsize": _method("transposed_getsize", "(width, height) of text, turned",
                                      "font.getbbox(text)[2:]", "PIL.ImageFont:TransposedFont"),
    "ImageFont.load_default()": LegacyName(
        "tf1compat.views.pillow.default_font:bitmap_by_default",
        "the built-in bitmap font, 6x11 px per character (also what draw.text and textsize use with no font)",
        "ImageFont.load_default_imagefont() keeps the bitmap font; load_default(size) the scalable one", "10.1",
        DEFAULT, ("PIL.ImageFont",)),
}
