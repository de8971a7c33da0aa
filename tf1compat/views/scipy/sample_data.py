"""SciPy <= 1.1's sample images and signal (``scipy.misc.face``, ``ascent``, ``electrocardiogram``).

SciPy 1.1 shipped the data inside the package; SciPy 1.10 moved it to ``scipy.datasets``, which
downloads each file once (through ``pooch``) into a cache. The arrays are the same (face: 768x1024x3
uint8, grey with ``gray=True``; ascent: 512x512; electrocardiogram: 108000 samples in mV at 360 Hz);
what can fail now is the download, so that failure names the fix.
"""


def _fetch(name, *args):
    try:
        import scipy.datasets

        return getattr(scipy.datasets, name)(*args)
    except (ImportError, OSError) as error:  # no pooch; no network (requests' errors are OSErrors)
        raise RuntimeError(
            f"scipy.misc.{name}(): SciPy 1.10 moved its sample data to scipy.datasets, which downloads it "
            f"on first use, and that failed ({type(error).__name__}: {error}). Fix: `pip install pooch` and run "
            f"once with network access (the file is then cached), or load an image of your own with "
            f"scipy.misc.imread") from error


def face(gray=False):
    """The raccoon face, 768x1024x3 uint8 (``gray=True``: 768x1024, 0.21 R + 0.71 G + 0.07 B truncated)."""
    return _fetch("face", gray)


def ascent():
    """The 512x512 grey 'ascent' picture."""
    return _fetch("ascent")


def electrocardiogram():
    """Five minutes of an electrocardiogram at 360 Hz, in mV (108000 samples)."""
    return _fetch("electrocardiogram")
