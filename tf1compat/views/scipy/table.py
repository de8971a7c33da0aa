"""The SciPy <= 1.1 knowledge: each name SciPy removed that TF1-era code uses, what it did, its replacement (data only).

Keys are dotted paths under ``scipy`` (``"misc.imread"`` is ``scipy.misc.imread``).
"""
from tf1compat.views.legacy_name import MODULE, PROPERTY, LegacyName

_IMAGES = "tf1compat.views.scipy.images"
_INTEGRATION = "tf1compat.views.scipy.integration"
_SAMPLES = "tf1compat.views.scipy.sample_data"
_DIFFERENCES = "tf1compat.views.scipy.finite_differences"
_SPARSE = ("scipy.sparse:spmatrix",)
# the window functions scipy.signal re-exported from scipy.signal.windows until SciPy 1.13
_WINDOWS = ("boxcar", "triang", "parzen", "bohman", "blackman", "nuttall", "blackmanharris", "flattop", "bartlett",
            "barthann", "hamming", "kaiser", "gaussian", "general_gaussian", "chebwin", "cosine", "hann",
            "exponential", "tukey")
_IMAGEIO = "imageio.v3.imread / numpy.asarray(PIL.Image.open(path))"


def _image(name, did, replacement, removed_in="1.3"):  # deprecated in 1.0, gone in 1.3 (its release notes)
    return LegacyName(f"{_IMAGES}:{name}", did, replacement, removed_in)


def _special(name):
    return LegacyName(f"scipy.special:{name}", f"scipy.special.{name}, re-exported", f"scipy.special.{name}", "1.3")


def _sample(name, did):
    return LegacyName(f"{_SAMPLES}:{name}", did, f"scipy.datasets.{name}() (downloads once; needs pooch)", "1.15")


TABLE = {
    "misc.imread": _image("imread", "read an image file into an array (flatten=True: float32 grey, mode 'F')",
                          _IMAGEIO),
    "misc.imsave": _image("imsave", "write an array as an image, byte-scaling non-uint8 input to 0-255",
                          "PIL.Image.fromarray(array.astype(numpy.uint8)).save(path) (scale floats yourself)"),
    "misc.imresize": _image("imresize", "resize an image array through PIL, byte-scaling to uint8",
                            "numpy.asarray(PIL.Image.fromarray(a).resize((w, h), PIL.Image.Resampling.BILINEAR))"),
    "misc.imrotate": _image("imrotate", "rotate an image array through PIL, byte-scaling to uint8",
                            "numpy.asarray(PIL.Image.fromarray(a).rotate(angle))"),
    "misc.toimage": _image("toimage", "make a PIL image of an array, byte-scaling to [low, high]",
                           "PIL.Image.fromarray(array) (scale floats to uint8 yourself)"),
    "misc.fromimage": _image("fromimage", "a PIL image as an array", "numpy.asarray(image)"),
    "misc.bytescale": _image("bytescale", "scale an array linearly to uint8 [low, high], rounding half up",
                             "((a - a.min()) * 255 / (a.max() - a.min()) + 0.5).astype(numpy.uint8)"),
    "misc.imfilter": _image("imfilter", "a byte-scaled image through one of Pillow's fixed filters ('blur', ...)",
                            "numpy.asarray(PIL.Image.fromarray(a).filter(PIL.ImageFilter.BLUR))"),
    "misc.imshow": _image("imshow", "open a byte-scaled image in $SCIPY_PIL_IMAGE_VIEWER (default `see`)",
                          "PIL.Image.fromarray(a).show() or matplotlib.pyplot.imshow(a)"),
    "misc.logsumexp": _special("logsumexp"),
    "misc.comb": _special("comb"),
    "misc.factorial": _special("factorial"),
    "misc.factorial2": _special("factorial2"),
    "misc.factorialk": _special("factorialk"),
    "misc.pade": LegacyName("scipy.interpolate:pade", "scipy.interpolate.pade, re-exported",
                            "scipy.interpolate.pade", "1.3"),
    "misc.face": _sample("face", "the bundled raccoon photograph, 768x1024x3 uint8 (gray=True: 768x1024)"),
    "misc.ascent": _sample("ascent", "the bundled 512x512 grey test picture"),
    "misc.electrocardiogram": _sample("electrocardiogram", "the bundled 5-minute ECG at 360 Hz, in mV"),
    "ndimage.imread": _image("imread", "read an image file into an array, as scipy.misc.imread", _IMAGEIO),
    "sparse.linalg.eigen.arpack": LegacyName(
        "scipy.sparse.linalg", "the ARPACK wrappers' module (eigsh, eigs, ArpackNoConvergence)",
        "from scipy.sparse.linalg import eigsh", "1.8", kind=MODULE),
    "integrate.simps": LegacyName(f"{_INTEGRATION}:simps", "Simpson's rule; even sample counts by even='avg'",
                                  "scipy.integrate.simpson (different rule for even counts)", "1.14"),
    "integrate.trapz": LegacyName("scipy.integrate:trapezoid", "the trapezoidal rule",
                                  "scipy.integrate.trapezoid", "1.14"),
    "integrate.cumtrapz": LegacyName(f"{_INTEGRATION}:cumtrapz", "cumulative trapezoidal rule, any scalar initial",
                                     "scipy.integrate.cumulative_trapezoid (initial=0 only)", "1.14"),
    "misc.derivative": LegacyName(f"{_DIFFERENCES}:derivative", "the n-th derivative by a central difference",
                                  "a central difference written out (or scipy.differentiate.derivative)", "1.15"),
    "misc.central_diff_weights": LegacyName(f"{_DIFFERENCES}:central_diff_weights",
                                            "the weights of an Np-point central difference", "(write them out)",
                                            "1.15"),
    "spmatrix.A": LegacyName("tf1compat.views.scipy.sparse_matrices:dense", "the sparse matrix as a dense ndarray",
                             "m.toarray()", "1.14", PROPERTY, _SPARSE),
    "spmatrix.H": LegacyName("tf1compat.views.scipy.sparse_matrices:conjugate_transpose", "the conjugate transpose", "m.conj().T", "1.14",
                             PROPERTY, _SPARSE),
}
TABLE.update({f"signal.{name}": LegacyName(f"scipy.signal.windows:{name}", f"the {name} window, re-exported",
                                           f"scipy.signal.windows.{name}", "1.13") for name in _WINDOWS})
