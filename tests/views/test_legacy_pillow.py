"""The legacy Pillow view: the removed filter names, text sizes as Pillow 9 measured them, the bitmap default font."""
import numpy
import pytest
from PIL import Image, ImageDraw, ImageFont, features


SCRIPT = """
from PIL import Image, ImageDraw, ImageFont
import PIL.Image

filters = (Image.ANTIALIAS, PIL.Image.LINEAR, Image.CUBIC)


def textsize(draw, text, **kwargs):
    return draw.textsize(text, **kwargs)


def getsize(font, text, **kwargs):
    return font.getsize(text, **kwargs)


def default_font(*size):
    return ImageFont.load_default(*size)


def draw_label(text):
    image = Image.new("L", (40, 14))
    ImageDraw.Draw(image).text((1, 1), text, fill=255)
    return image
"""


@pytest.fixture
def script(legacy_module):
    return legacy_module(SCRIPT)


def test_removed_filter_names_are_todays_filters(script):
    assert script.filters == (Image.Resampling.LANCZOS, Image.Resampling.BILINEAR, Image.Resampling.BICUBIC)
    assert [int(f) for f in script.filters] == [1, 2, 3]
    gradient = Image.fromarray(numpy.arange(64, dtype=numpy.uint8).reshape(8, 8))
    assert gradient.resize((3, 3), script.filters[0]).tobytes() == gradient.resize(
        (3, 3), Image.Resampling.LANCZOS).tobytes()
    assert not hasattr(Image, "ANTIALIAS")


def test_getsize_is_the_far_corner_of_the_text_box(script):
    font = ImageFont.load_default(size=20)
    left, top, right, bottom = font.getbbox("Hello")
    assert script.getsize(font, "Hello") == (right, bottom) and top > 0  # the blank above the letters counts
    stroked = font.getbbox("Hello", stroke_width=2)
    assert script.getsize(font, "Hello", stroke_width=2) == (stroked[2] + 2, stroked[3] + 2)
    assert script.getsize(ImageFont.load_default_imagefont(), "Hello") == (30, 11)  # 6 x 11 pixel cells
    turned = ImageFont.TransposedFont(font, Image.Transpose.ROTATE_90)
    assert script.getsize(turned, "Hello") == (bottom, right)


def test_textsize_measures_lines_as_pillow_9(script):
    draw = ImageDraw.Draw(Image.new("L", (80, 40)))
    font = ImageFont.load_default(size=20)
    assert script.textsize(draw, "Hello", font=font) == script.getsize(font, "Hello")
    widest = max(script.getsize(font, line)[0] for line in ("Hi", "there"))
    line_height = script.getsize(font, "A")[1] + 4
    assert script.textsize(draw, "Hi\nthere", font=font) == (widest, 2 * line_height - 4)
    assert script.textsize(draw, "Hi") == script.getsize(draw.getfont(), "Hi")  # the draw's default font
    assert not hasattr(draw, "textsize") and not hasattr(font, "getsize")  # this file is not in the scope


@pytest.mark.skipif(not features.check("freetype2"), reason="without FreeType, today's default font is the bitmap one")
def test_text_with_no_font_uses_the_2018_bitmap_font_in_the_scope_only(script):
    assert isinstance(script.default_font(), ImageFont.ImageFont)  # the bitmap font, as Pillow 5 had it
    assert isinstance(script.default_font(12), ImageFont.FreeTypeFont)  # a size: today's API, today's font
    assert isinstance(ImageFont.load_default(), ImageFont.FreeTypeFont)  # this file is not in the scope
    label = script.draw_label("Hi")
    expected = Image.new("L", (40, 14))
    ImageDraw.Draw(expected).text((1, 1), "Hi", fill=255, font=ImageFont.load_default_imagefont())
    assert label.tobytes() == expected.tobytes() and numpy.asarray(label).any()
    today = Image.new("L", (40, 14))
    ImageDraw.Draw(today).text((1, 1), "Hi", fill=255)
    assert today.tobytes() != label.tobytes()  # what the script would draw without the view
    assert script.textsize(ImageDraw.Draw(Image.new("L", (8, 8))), "Hello") == (30, 11)  # Pillow 9's answer
