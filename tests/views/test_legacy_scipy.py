"""The legacy SciPy view: SciPy 1.1's image functions byte for byte, misc re-exports, old module paths, simps."""
import numpy
import pytest
import scipy.integrate
import scipy.sparse.linalg
import scipy.special
from PIL import Image

from tests.views.legacy_stack_loader import LOAD_LIBRARY
from tf1compat.cli import headless_figures
from tf1compat.views.scipy import finite_differences, images, integration, sample_data

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


def test_imfilter_byte_scales_then_applies_pillows_fixed_kernel():
    impulse = numpy.zeros((5, 5), dtype=numpy.uint8)
    impulse[2, 2] = 10
    edges = images.imfilter(impulse, "find_edges")  # kernel: 8 in the middle, -1 around; clipped to 0-255
    assert edges.dtype == numpy.uint8 and edges.shape == (5, 5)
    assert edges[1:4, 1:4].tolist() == [[0, 0, 0], [0, 80, 0], [0, 0, 0]]
    floats = numpy.zeros((5, 5))
    floats[2, 2], floats[0, 0] = 0.5, 1.0  # byte-scaled first: 0.5 -> 128, so 8 * 128 clips to 255
    assert images.imfilter(floats, "find_edges")[2, 2] == 255
    smooth = images.imfilter(numpy.full((4, 4), 7, dtype=numpy.uint8), "smooth")
    assert smooth.tolist() == [[7] * 4] * 4  # a normalised kernel keeps a flat image flat
    with pytest.raises(ValueError, match=r"^Unknown filter type\. \(`ftype='gaussian'`; SciPy's imfilter knows blur, "):
        images.imfilter(impulse, "gaussian")


def test_imshow_opens_a_byte_scaled_png_in_the_viewer_command_then_deletes_it(tmp_path, monkeypatch):
    shown = tmp_path / "shown.png"
    monkeypatch.setenv(images.VIEWER_VARIABLE, f"sh -c 'cp \"$0\" {shown}; echo \"$0\" > {tmp_path}/temp_path'")
    images.imshow(numpy.array([[0.0, 1.0], [2.0, 3.0]]))
    assert numpy.asarray(Image.open(shown)).tolist() == [[0, 85], [170, 255]]
    temporary = (tmp_path / "temp_path").read_text().strip()
    assert temporary.endswith(".png") and not __import__("os").path.exists(temporary)
    monkeypatch.setenv(images.VIEWER_VARIABLE, "false")
    with pytest.raises(RuntimeError, match=r"^Could not execute image viewer\. \(`false /.*\.png` exited with status "
                                           r"1; set SCIPY_PIL_IMAGE_VIEWER to an image viewer command"):
        images.imshow(numpy.zeros((2, 2)))


def test_imshow_under_the_runner_with_no_display_saves_the_image_beside_the_figures(tmp_path, monkeypatch):
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", images.VIEWER_VARIABLE):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(headless_figures, "_destination", {"folder": str(tmp_path / "figures"), "stem": "gan"})
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "gan_1.png").write_bytes(b"the user's figure")
    images.imshow(numpy.array([[0, 255], [255, 0]], dtype=numpy.uint8))
    assert (tmp_path / "figures" / "gan_1.png").read_bytes() == b"the user's figure"  # never overwritten
    assert numpy.asarray(Image.open(tmp_path / "figures" / "gan_2.png")).tolist() == [[0, 255], [255, 0]]


def test_sample_data_comes_from_scipy_datasets_and_a_failed_download_names_the_fix(tmp_path, monkeypatch):
    import bz2

    import scipy.datasets._fetchers as fetchers

    pixels = (numpy.arange(768 * 1024 * 3) % 251).astype(numpy.uint8)
    (tmp_path / "face.dat").write_bytes(bz2.compress(pixels.tobytes()))
    monkeypatch.setattr(fetchers, "fetch_data", lambda name, *rest: str(tmp_path / name))
    colour, grey = sample_data.face(), sample_data.face(gray=True)
    assert colour.shape == (768, 1024, 3) and colour.dtype == numpy.uint8 and colour[0, 1].tolist() == [3, 4, 5]
    assert grey.shape == (768, 1024) and grey[0, 1] == int(0.21 * 3 + 0.71 * 4 + 0.07 * 5)  # 3.82 -> 3

    def no_pooch(*args):
        raise ImportError("Missing optional dependency 'pooch' required for scipy.datasets module.")

    monkeypatch.setattr(fetchers, "fetch_data", no_pooch)
    with pytest.raises(RuntimeError, match=r"^scipy\.misc\.ascent\(\): SciPy 1\.10 moved .* \(ImportError: Missing "
                                           r"optional dependency 'pooch'.*Fix: `pip install pooch`"):
        sample_data.ascent()


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
        from scipy.misc import imresize, logsumexp, imfilter, imshow, factorial2, pade, face
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
    assert (script.imfilter, script.imshow, script.face) == (images.imfilter, images.imshow, sample_data.face)
    assert script.factorial2 is scipy.special.factorial2 and script.pade is scipy.interpolate.pade
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


def test_derivative_and_central_difference_weights_as_scipy_1_14():
    assert finite_differences.central_diff_weights(3).tolist() == pytest.approx([-0.5, 0.0, 0.5], abs=1e-15)
    assert finite_differences.central_diff_weights(5, 1).tolist() == pytest.approx(
        [1 / 12, -2 / 3, 0.0, 2 / 3, -1 / 12], abs=1e-12)
    assert finite_differences.central_diff_weights(5, 2).tolist() == pytest.approx(
        [-1 / 12, 4 / 3, -5 / 2, 4 / 3, -1 / 12], abs=1e-12)
    assert finite_differences.derivative(lambda x: x ** 3, 1.0, dx=0.5, n=2, order=5) == pytest.approx(6.0, abs=1e-12)
    assert finite_differences.derivative(numpy.sin, 0.0, dx=1e-3) == pytest.approx(1 - 1e-6 / 6, abs=1e-12)
    assert finite_differences.derivative(lambda x, a: a * x ** 2, 2.0, args=(3.0,)) == pytest.approx(12.0)
    with pytest.raises(ValueError, match="must be odd"):
        finite_differences.derivative(numpy.sin, 0.0, order=4)
    with pytest.raises(ValueError, match="at least the derivative order"):
        finite_differences.central_diff_weights(3, 3)


def test_signal_windows_and_sparse_shorthands_in_the_scope_only(legacy_module):
    import scipy.signal.windows
    import scipy.sparse

    script = legacy_module("""
        import numpy as np
        import scipy.sparse as sp
        from scipy import signal
        from scipy.signal import gaussian, hann


        def shorthand(matrix):
            return matrix.A, matrix.H
        """)
    assert script.gaussian is scipy.signal.windows.gaussian and script.signal.tukey is scipy.signal.windows.tukey
    assert script.hann(4).tolist() == pytest.approx([0.0, 0.75, 0.75, 0.0])
    matrix = scipy.sparse.csr_matrix(numpy.array([[1 + 2j, 0], [3j, 4]]))
    dense, conjugate = script.shorthand(matrix)
    assert isinstance(dense, numpy.ndarray) and dense.tolist() == [[1 + 2j, 0], [3j, 4]]
    assert conjugate.toarray().tolist() == [[1 - 2j, -3j], [0, 4]]
    assert not hasattr(matrix, "A") and not hasattr(scipy.signal, "gaussian")  # this file: today's SciPy
