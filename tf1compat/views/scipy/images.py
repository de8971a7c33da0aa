"""SciPy <= 1.1's Pillow-based image functions (``scipy.misc.imread``, ``imsave``, ``imresize``, ...), as they behaved.

Same arithmetic as the old ``scipy/misc/pilutil.py``: ``bytescale`` maps ``[cmin, cmax]`` linearly
onto ``[low, high]`` and rounds half up (``+ 0.5`` then truncation to uint8); uint8 input is returned
as is; ``toimage`` byte-scales every 2-D array except in modes ``'F'``, ``'I'`` and ``'1'``; ``imresize``
and ``imrotate`` go through ``toimage``, so float input comes back byte-scaled as uint8.
"""
import numbers
import os
import subprocess
import tempfile

import numpy
from PIL import Image, ImageFilter

RESAMPLE = {"nearest": 0, "lanczos": 1, "bilinear": 2, "bicubic": 3, "cubic": 3}  # Pillow's filter numbers
_MODE_ERROR = "Mode is unknown or incompatible with input array shape."
FILTERS = {"blur": ImageFilter.BLUR, "contour": ImageFilter.CONTOUR, "detail": ImageFilter.DETAIL,
           "edge_enhance": ImageFilter.EDGE_ENHANCE, "edge_enhance_more": ImageFilter.EDGE_ENHANCE_MORE,
           "emboss": ImageFilter.EMBOSS, "find_edges": ImageFilter.FIND_EDGES, "smooth": ImageFilter.SMOOTH,
           "smooth_more": ImageFilter.SMOOTH_MORE, "sharpen": ImageFilter.SHARPEN}  # imfilter's ``ftype`` names
VIEWER_VARIABLE = "SCIPY_PIL_IMAGE_VIEWER"  # imshow's viewer command; SciPy's default was ``see``


def bytescale(data, cmin=None, cmax=None, high=255, low=0):
    """``data`` scaled from ``[cmin, cmax]`` (default: its min and max) to uint8 ``[low, high]``."""
    if data.dtype == numpy.uint8:
        return data
    if high > 255:
        raise ValueError("`high` should be less than or equal to 255.")
    if low < 0:
        raise ValueError("`low` should be greater than or equal to 0.")
    if high < low:
        raise ValueError("`high` should be greater than or equal to `low`.")
    cmin = data.min() if cmin is None else cmin
    cmax = data.max() if cmax is None else cmax
    span = cmax - cmin
    if span < 0:
        raise ValueError("`cmax` should be larger than `cmin`.")
    scale = float(high - low) / (span if span != 0 else 1)
    scaled = (data - cmin) * scale + low
    return (scaled.clip(low, high) + 0.5).astype(numpy.uint8)


def fromimage(im, flatten=False, mode=None):
    """A copy of the PIL image ``im`` as an array (palette images expanded; ``flatten``: float32 grey, mode 'F')."""
    if not isinstance(im, Image.Image):
        raise TypeError("Input is not a PIL image.")
    if mode is not None:
        if mode != im.mode:
            im = im.convert(mode)
    elif im.mode == "P":
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    if flatten:
        im = im.convert("F")
    elif im.mode == "1":
        im = im.convert("L")
    return numpy.array(im)


def imread(name, flatten=False, mode=None):
    """The image file ``name`` (path or file object) as an array, through ``fromimage``."""
    return fromimage(Image.open(name), flatten=flatten, mode=mode)


def imsave(name, arr, format=None):  # pylint: disable=redefined-builtin
    """Save ``arr`` (MxN grey, MxNx3 RGB, MxNx4 RGBA; byte-scaled unless uint8) as an image file."""
    image = toimage(arr, channel_axis=2)
    if format is None:
        image.save(name)
    else:
        image.save(name, format)


def toimage(arr, high=255, low=0, cmin=None, cmax=None, pal=None, mode=None, channel_axis=None):
    """A PIL image of the 2-D or 3-D array ``arr`` (byte-scaled to ``[low, high]`` except in modes F, I and 1)."""
    data = numpy.asarray(arr)
    if numpy.iscomplexobj(data):
        raise ValueError("Cannot convert a complex-valued array.")
    shape = list(data.shape)
    if not (len(shape) == 2 or (len(shape) == 3 and (3 in shape or 4 in shape))):
        raise ValueError("'arr' does not have a suitable array shape for any mode.")
    if len(shape) == 2:
        return _grey_image(data, (shape[1], shape[0]), high, low, cmin, cmax, pal, mode)
    return _colour_image(data, shape, high, low, cmin, cmax, mode, channel_axis)


def _grey_image(data, size, high, low, cmin, cmax, pal, mode):
    if mode == "F":
        return Image.frombytes("F", size, data.astype(numpy.float32).tobytes())
    if mode in (None, "L", "P"):
        image = Image.frombytes("L", size, bytescale(data, high=high, low=low, cmin=cmin, cmax=cmax).tobytes())
        if pal is not None:
            image.putpalette(numpy.asarray(pal, dtype=numpy.uint8).tobytes())  # the image becomes mode 'P'
        elif mode == "P":  # a grey palette
            grey = numpy.arange(256, dtype=numpy.uint8)[:, None] * numpy.ones(3, dtype=numpy.uint8)[None, :]
            image.putpalette(grey.tobytes())
        return image
    if mode == "1":  # `high` is the threshold; SciPy handed Pillow one byte per pixel, as here
        return Image.frombytes("1", size, (data > high).tobytes())
    cmin = numpy.amin(numpy.ravel(data)) if cmin is None else cmin
    cmax = numpy.amax(numpy.ravel(data)) if cmax is None else cmax
    if mode != "I":
        raise ValueError(_MODE_ERROR)
    scaled = (data * 1.0 - cmin) * (high - low) / (cmax - cmin) + low
    return Image.frombytes("I", size, scaled.astype(numpy.uint32).tobytes())


def _colour_image(data, shape, high, low, cmin, cmax, mode, channel_axis):
    if channel_axis is None:
        candidates = numpy.flatnonzero(numpy.asarray(shape) == (3 if 3 in shape else 4))
        if not len(candidates):
            raise ValueError("Could not find channel dimension.")
        channel_axis = candidates[0]
    channels = shape[channel_axis]
    if channels not in (3, 4):
        raise ValueError("Channel axis dimension is not valid.")
    scaled = bytescale(data, high=high, low=low, cmin=cmin, cmax=cmax)
    order = {2: (0, 1, 2), 1: (0, 2, 1), 0: (1, 2, 0)}[int(channel_axis)]
    pixels = numpy.transpose(scaled, order)
    mode = mode or ("RGB" if channels == 3 else "RGBA")
    if mode not in ("RGB", "RGBA", "YCbCr", "CMYK"):
        raise ValueError(_MODE_ERROR)
    if channels != (3 if mode in ("RGB", "YCbCr") else 4):
        raise ValueError("Invalid array shape for mode.")
    return Image.frombytes(mode, (pixels.shape[1], pixels.shape[0]), pixels.tobytes())


def _resample(interp):
    try:
        return RESAMPLE[interp]
    except KeyError:
        raise ValueError(f"`interp={interp!r}`: SciPy's image functions know {', '.join(sorted(RESAMPLE))}") from None


def imresize(arr, size, interp="bilinear", mode=None):
    """``arr`` resized: ``size`` an int (percent), a float (fraction) or ``(rows, columns)``; returns uint8 unless
    ``mode`` is 'F' or 'I'."""
    image = toimage(arr, mode=mode)
    if isinstance(size, numbers.Integral) and not isinstance(size, bool):
        size = tuple((numpy.array(image.size) * (size / 100.0)).astype(int))
    elif isinstance(size, numbers.Real) and not isinstance(size, bool):
        size = tuple((numpy.array(image.size) * size).astype(int))
    else:
        size = (size[1], size[0])
    return fromimage(image.resize(tuple(int(side) for side in size), resample=_resample(interp)))


def imrotate(arr, angle, interp="bilinear"):
    """``arr`` rotated ``angle`` degrees counter-clockwise (byte-scaled through ``toimage``)."""
    image = toimage(numpy.asarray(arr))
    return fromimage(image.rotate(angle, resample=_resample(interp)))


def imfilter(arr, ftype):
    """``arr`` (byte-scaled through ``toimage``) through one of Pillow's fixed filters, named as in ``FILTERS``."""
    image = toimage(arr)
    if ftype not in FILTERS:
        raise ValueError(f"Unknown filter type. (`ftype={ftype!r}`; SciPy's imfilter knows "
                         f"{', '.join(sorted(FILTERS))})")
    return fromimage(image.filter(FILTERS[ftype]))


def imshow(arr):
    """Show ``arr`` (byte-scaled through ``toimage``) as SciPy did: a temporary PNG opened by the command in
    ``$SCIPY_PIL_IMAGE_VIEWER`` (default ``see``), waited for, then deleted.

    Under ``python -m tf1compat`` on a machine with no display and no viewer variable set, the image is
    saved where ``plt.show()`` saves figures (``--figures``) instead, as no viewer could open.
    """
    image = toimage(arr)
    if VIEWER_VARIABLE not in os.environ:
        from tf1compat.cli import headless_figures

        if headless_figures.save_image(image) is not None:
            return
    command = os.environ.get(VIEWER_VARIABLE, "see")
    handle, path = tempfile.mkstemp(".png")
    os.close(handle)
    try:
        image.save(path)
        status = subprocess.call(f"{command} {path}", shell=True)
    finally:
        os.unlink(path)
    if status != 0:
        raise RuntimeError(f"Could not execute image viewer. (`{command} {path}` exited with status {status}; "
                           f"set {VIEWER_VARIABLE} to an image viewer command, e.g. `eog` or `display`)")
