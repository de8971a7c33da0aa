"""MNIST's gzip-compressed IDX files: read them strictly, write them reproducibly."""
import gzip
import struct
import zlib

import numpy

IMAGE_MAGIC = 2051  # 0x00000803: unsigned bytes, 3 dimensions (count, rows, columns)
LABEL_MAGIC = 2049  # 0x00000801: unsigned bytes, 1 dimension (count)
NUM_CLASSES = 10
_KINDS = {IMAGE_MAGIC: ("image", 3), LABEL_MAGIC: ("label", 1)}
_FIX = "delete it to re-download, or point train_dir at a folder holding the four MNIST .gz files"


class MNISTFormatError(ValueError):
    """An MNIST file or folder that cannot be used; the message names it, the problem and the fix.

    Attributes:
        path: the file or folder.
        problem: what is wrong with it.
    """

    def __init__(self, path, problem, fix=_FIX):
        self.path = path
        self.problem = problem
        super().__init__(f"`{path}`: {problem}; {fix}")

    def __reduce__(self):
        return (type(self), (self.path, self.problem))


def read_images(path):
    """The images of IDX image file ``path`` as uint8 ``[count, rows, columns, 1]``."""
    return decode_images(_read_bytes(path), path)


def read_labels(path):
    """The labels of IDX label file ``path`` as uint8 ``[count]``, each checked to be 0-9."""
    return decode_labels(_read_bytes(path), path)


def decode_images(compressed, path):
    """Gzip-compressed IDX image bytes (read from ``path``) as uint8 ``[count, rows, columns, 1]``."""
    dims, pixels = decode(compressed, path, IMAGE_MAGIC)
    return pixels.reshape(dims[0], dims[1], dims[2], 1)


def decode_labels(compressed, path):
    """Gzip-compressed IDX label bytes (read from ``path``) as uint8 ``[count]``."""
    return decode(compressed, path, LABEL_MAGIC)[1]


def decode(compressed, path, magic):
    """Split gzip-compressed IDX bytes into (dimensions, flat uint8 payload).

    Raises:
        MNISTFormatError: not gzip, cut short, wrong magic number, payload size not
            as the header declares, or (labels) a value outside 0-9.
    """
    kind, ndim = _KINDS[magic]
    data = _gunzip(compressed, path)
    header_size = 4 * (1 + ndim)
    if len(data) < header_size:
        raise MNISTFormatError(path, f"only {len(data)} bytes after decompression, too short for "
                                     f"an IDX {kind} header ({header_size} bytes); the file is truncated")
    found = struct.unpack(">I", data[:4])[0]
    if found != magic:
        raise MNISTFormatError(path, f"wrong magic number {found} (expected {magic} for an IDX {kind} file)")
    dims = struct.unpack(f">{ndim}I", data[4:header_size])
    expected = int(numpy.prod(dims, dtype=numpy.int64))
    payload = numpy.frombuffer(data, dtype=numpy.uint8, offset=header_size)
    if payload.size != expected:
        shape = "x".join(str(d) for d in dims)
        state = "truncated" if payload.size < expected else "followed by unexpected extra bytes"
        raise MNISTFormatError(path, f"{state}: the header declares {shape} {kind} bytes ({expected}) "
                                     f"but {payload.size} follow")
    if magic == LABEL_MAGIC and payload.size and payload.max() >= NUM_CLASSES:
        raise MNISTFormatError(path, f"label value {payload.max()} outside 0-{NUM_CLASSES - 1}")
    return dims, payload


def write_images(path, images):
    """Write uint8 ``images`` ``[count, rows, columns]`` (or ``[..., 1]``) as a gzip IDX file."""
    images = numpy.asarray(images, dtype=numpy.uint8)
    _write(path, IMAGE_MAGIC, images.reshape(images.shape[:3]))


def write_labels(path, labels):
    """Write uint8 ``labels`` ``[count]`` as a gzip IDX file."""
    _write(path, LABEL_MAGIC, numpy.asarray(labels, dtype=numpy.uint8).reshape(-1))


def _write(path, magic, array):
    header = struct.pack(f">I{array.ndim}I", magic, *array.shape)
    # mtime=0 and no stored file name: the same arrays always give the same bytes.
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out:
        out.write(header + array.tobytes())


def _read_bytes(path):
    try:
        with open(path, "rb") as stream:
            return stream.read()
    except IsADirectoryError:
        raise MNISTFormatError(path, "is a folder, not an IDX .gz file") from None
    except OSError as error:
        raise MNISTFormatError(path, f"cannot be read ({error.strerror or error})",
                               "check that it exists and that you may read it") from None


def _gunzip(compressed, path):
    if not compressed:
        raise MNISTFormatError(path, "is empty (0 bytes): an interrupted download or copy?")
    try:
        return gzip.decompress(compressed)
    except EOFError:
        raise MNISTFormatError(path, "the gzip stream ends early: the file is truncated "
                                     "(an interrupted download or copy?)") from None
    except (OSError, zlib.error) as error:
        raise MNISTFormatError(path, f"not a valid gzip file ({error})") from None
