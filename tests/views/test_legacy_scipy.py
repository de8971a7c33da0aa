"""The legacy SciPy view: SciPy 1.1's image functions byte for byte, misc re-exports, old module paths, simps."""
import numpy
import pytest
import scipy.integrate
import scipy.sparse.linalg
import scipy.special
from PIL import Image

from tests.views.legacy_stack_loader import LOAD_LIBRARY
from tf1compat.views.scipy import images, integration

DOC_IMAGE = numpy.array([[91.06794177, 3.39058326, 84.4221549], [73.88003259, 80.91433048, 4.88878881],
                         [51.53875334, 34.45808177, 27.5873488]])


def test_bytescale_gives_scipy_1_1_documented_bytes_and_rounds_half_up():
    assert images.bytescale(DOC_IMAGE).tolist() == [[255, 0, 236], [205, 225, 4], [140, 90, 70]]
    assert images.bytescale(DOC_IMAGE, high=200, low=100).tolist() == [[200, 100, 192], [180, 188, 102],
                                                                        [155, 135, 128]]
    assert images.bytescale(DOC_IMAGE, cmin=0, cmax=255).tolist() == [[91, 3, 84], [74, 81, 5], [52, 34, 28]]
    # 0.25 * 255 = 63.75 -> 64; 0.5 * 255 = 127.5 -> 128 (half up); constant input: scale 1
    assert images.bytescale(numpy.array([0.0, 0.25, 0.5, 1.0])).tolist() == [0, 64, 128, 255]
    assert images.bytescale(numpy.full(3, 7.0)).tolist() == [0, 0, 0]
    already = numpy.array([3, 200], dtype=numpy.uint8)
    assert images.bytescale(already) is already
    with pytest.raises(ValueError, match="`high` should be less than or equal to 255"):
        images.bytescale(DOC_IMAGE, high=300)


def test_imresize_byte_scales_floats_and_takes_percent_fraction_or_shape():
    grid = numpy.array([[0.0, 1.0], [2.0, 3.0]])  # byte-scaled: 0, 85, 170, 255
    doubled = images.imresize(grid, 200, interp="nearest")
    assert doubled.dtype == numpy.uint8
    assert doubled.tolist() == [[0, 0, 85, 85], [0, 0, 85, 85], [170, 170, 255, 255], [170, 170, 255, 255]]
    assert images.imresize(grid, 1.5, interp="nearest").shape == (3, 3)  # int(2 * 1.5)
    assert images.imresize(grid, (3, 5), interp="bicubic").shape == (3, 5)  # (rows, columns)
    assert images.imresize(grid, 50).shape == (1, 1)
    as_float = images.imresize(grid, 200, interp="nearest", mode="F")
    assert as_float.dtype == numpy.float32 and as_float[3, 3] == 3.0  # mode 'F': no byte-scaling
    colour = numpy.zeros((2, 2, 3), dtype=numpy.uint8)
    colour[0, 0] = (255, 0, 0)
    assert images.imresize(colour, (4, 4), interp="nearest")[1, 1].tolist() == [255, 0, 0]
    expected = numpy.asarray(Image.fromarray(images.bytescale(grid)).resize((4, 4), Image.Resampling.BILINEAR))
    assert images.imresize(grid, 200).tolist() == expected.tolist()  # bilinear, Pillow's filter 2
    with pytest.raises(ValueError, match="`interp='area'`: SciPy's image functions know bicubic, bilinear"):
        images.imresize(grid, 200, interp="area")


def test_imsave_writes_byte_scaled_pixels_and_imread_reads_them(tmp_path):
    path = str(tmp_path / "grey.png")
    images.imsave(path, numpy.array([[0.0, 0.5], [1.0, 0.25]]))
    assert Image.open(path).mode == "L"
    assert numpy.asarray(Image.open(path)).tolist() == [[0, 128], [255, 64]]
    assert images.imread(path).tolist() == [[0, 128], [255, 64]]
    rgb = numpy.array([[[10, 200, 30], [0, 0, 0]]], dtype=numpy.uint8)
    images.imsave(str(tmp_path / "rgb.png"), rgb)
    assert images.imread(str(tmp_path / "rgb.png")).tolist() == rgb.tolist()
    flat = images.imread(str(tmp_path / "rgb.png"), flatten=True)
    assert flat.dtype == numpy.float32  # ITU-R 601-2 luma, in float ('F' mode)
    assert flat[0, 0] == pytest.approx(10 * 0.299 + 200 * 0.587 + 30 * 0.114, abs=1e-3)
    images.imsave(str(tmp_path / "as.jpeg"), rgb, format="png")
    assert Image.open(str(tmp_path / "as.jpeg")).format == "PNG"


def pixels(image):
    return numpy.asarray(image).ravel().tolist()


def test_toimage_modes_and_fromimage_expand_palettes():
    image = images.toimage(numpy.array([[0.0, 10.0]]), cmin=0, cmax=20, high=200, low=100)
    assert (image.mode, pixels(image)) == ("L", [100, 150])  # 5 per unit from 100
    assert images.toimage(numpy.array([[0.0, 255.0]]), mode="P").mode == "P"
    assert pixels(images.toimage(numpy.array([[1.5, -2.0]]), mode="F")) == [1.5, -2.0]
    assert pixels(images.toimage(numpy.array([[0.0, 4.0]]), mode="I")) == [0, 255]
    channels_first = numpy.zeros((3, 1, 2), dtype=numpy.uint8)
    channels_first[1] = 7
    assert images.fromimage(images.toimage(channels_first)).tolist() == [[[0, 7, 0], [0, 7, 0]]]
    palette = Image.new("P", (1, 1))
    palette.putpalette([9, 8, 7] * 256)
    assert images.fromimage(palette).tolist() == [[[9, 8, 7]]]
    with pytest.raises(ValueError, match="suitable array shape"):
        images.toimage(numpy.zeros((2, 2, 2)))
    with pytest.raises(TypeError, match="Input is not a PIL image"):
        images.fromimage(numpy.zeros((2, 2)))


def test_imrotate_goes_through_toimage():
    assert images.imrotate(numpy.array([[1, 2], [3, 4]], dtype=numpy.uint8), 180, interp="nearest").tolist() == [
        [4, 3], [2, 1]]


def test_simps_of_even_counts_averages_as_scipy_1_10_did():
    assert integration.simps([1, 2, 3, 4]) == 7.5
    x = numpy.arange(4.0)
    assert integration.simps(x ** 2, x) == pytest.approx(55 / 6)  # 'avg': (8/3 + 6.5 + 0.5 + 26/3) / 2
    assert scipy.integrate.simpson(x ** 2, x=x) == pytest.approx(9.0)  # today's rule differs
    assert integration.simps(x ** 2, x, even="first") == pytest.approx(8 / 3 + 6.5)
    assert integration.simps([0.0, 1.0, 4.0]) == pytest.approx(8 / 3)
    table = numpy.array([[1.0, 2.0, 3.0, 4.0], [0.0, 1.0, 4.0, 9.0]])
    assert integration.simps(table, axis=1).tolist() == pytest.approx([7.5, 55 / 6])
    assert integration.cumtrapz([1, 2, 3], initial=5).tolist() == [5.0, 1.5, 4.0]
    assert integration.cumtrapz([1, 2, 3]).tolist() == [1.5, 4.0]


@pytest.mark.filterwarnings("ignore:scipy.misc is deprecated:DeprecationWarning")
def test_a_legacy_script_gets_the_old_names_and_a_library_beside_it_todays_scipy(legacy_module, library_file):
    library = library_file("""
        import scipy.misc, scipy.integrate, scipy.sparse.linalg
        has_imread = hasattr(scipy.misc, "imread")
        has_simps = hasattr(scipy.integrate, "simps")
        """)
    script = legacy_module("""
        import scipy.misc
        import scipy.ndimage
        import scipy.sparse.linalg.eigen.arpack as arpack
        from scipy.misc import imresize, logsumexp
        from scipy.sparse.linalg.eigen.arpack import eigsh
        from scipy.integrate import simps, trapz, cumtrapz
        from scipy import misc
        {load_library}
        imread = scipy.misc.imread
        ndimage_imread = scipy.ndimage.imread
        """, load_library=LOAD_LIBRARY.format(path=library))
    assert script.eigsh is scipy.sparse.linalg.eigsh and script.arpack.eigsh is scipy.sparse.linalg.eigsh
    assert script.imresize is images.imresize and script.imread is images.imread is script.ndimage_imread
    assert script.logsumexp is scipy.special.logsumexp and script.trapz is scipy.integrate.trapezoid
    assert script.simps is integration.simps and script.misc.imsave is images.imsave
    assert script.scipy.__name__ == "scipy" and script.scipy.linalg is scipy.linalg  # the rest: real modules
    assert (script.library.has_imread, script.library.has_simps) == (False, False)
    assert script.library.scipy.integrate is scipy.integrate
    assert not hasattr(scipy.integrate, "simps")


def test_a_module_path_gone_from_scipy_is_served_by_the_view_alone(legacy_module, monkeypatch):
    from tf1compat.views import scipy as scipy_view

    package = scipy_view.PACKAGE
    monkeypatch.setattr(package, "_views", {})  # a fresh cache: scipy.misc is rebuilt from a missing module
    monkeypatch.setitem(__import__("sys").modules, "scipy.misc", None)  # as if SciPy 2 had removed it
    script = legacy_module("""
        from scipy.misc import bytescale
        import scipy.misc
        """)
    assert script.bytescale is images.bytescale and script.scipy.misc.imsave is images.imsave
