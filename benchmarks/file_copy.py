"""wholefile_copy: legacy WholeFileReader queue vs the migrated tf.data copy vs a plain Python copy.

    python -m benchmarks.file_copy --variant migrated --workdir /tmp/bench [--quick]

The parent makes the JPEGs once (``prepare``) and syncs the disk between variants.
"""
import os
import shutil
import sys
import time

from benchmarks.variant_process import run_variant

FILE_COUNT = 3000
QUICK_FILE_COUNT = 20
IMAGE_SIDE = 32


def input_folder(workdir):
    return os.path.join(workdir, "jpegs")


def input_files(workdir):
    folder = input_folder(workdir)
    return [os.path.join(folder, name) for name in sorted(os.listdir(folder))]


def prepare(workdir, quick):
    """Write the small JPEGs (random noise, so each file differs) once; keep them for every round."""
    import numpy as np
    from PIL import Image

    folder = input_folder(workdir)
    count = QUICK_FILE_COUNT if quick else FILE_COUNT
    if os.path.isdir(folder) and len(os.listdir(folder)) == count:
        return
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    pixels = np.random.default_rng(0).integers(0, 256, size=(count, IMAGE_SIDE, IMAGE_SIDE, 3), dtype=np.uint8)
    for index, image in enumerate(pixels):
        Image.fromarray(image).save(os.path.join(folder, f"image_{index:05d}.jpg"), format="JPEG", quality=90)


def _timed_copy(workdir, variant, copy):
    """Run ``copy(files, out_dir)`` into a fresh folder; files/s and MB/s of that call alone."""
    files = input_files(workdir)
    out_dir = os.path.join(workdir, "copies", variant)
    shutil.rmtree(out_dir, ignore_errors=True)
    started = time.perf_counter()
    copied = copy(files, out_dir)
    seconds = time.perf_counter() - started
    total_bytes = sum(os.path.getsize(path) for path in files)
    if copied != len(files):
        raise RuntimeError(f"`{variant}` copied {copied} of {len(files)} files")
    shutil.rmtree(out_dir)
    return {"files_per_second": len(files) / seconds, "megabytes_per_second": total_bytes / seconds / 1e6,
            "files": len(files), "seconds": seconds}


def legacy(workdir, quick):
    """legacy_examples/wholefile_copy.py's ``copy_files`` (string_input_producer + WholeFileReader), 1 epoch."""
    from benchmarks.legacy_cnn import load_legacy

    wholefile_copy = load_legacy("wholefile_copy")
    return _timed_copy(workdir, "legacy", lambda files, out_dir: len(
        wholefile_copy.copy_files(files, out_dir, num_epochs=1, overwrite=True)))


def migrated(workdir, quick):
    """migration/wholefile_copy.py's ``copy_files`` as shipped, 1 epoch."""
    from migration import wholefile_copy

    return _timed_copy(workdir, "migrated", lambda files, out_dir: len(
        wholefile_copy.copy_files(files, out_dir, num_epochs=1, overwrite=True)))


def python(workdir, quick):
    """What one would write without TensorFlow: ``shutil.copyfile`` in a loop, same output names."""
    def copy(files, out_dir):
        os.makedirs(out_dir)
        for index, path in enumerate(files):
            shutil.copyfile(path, os.path.join(out_dir, f"test_{index}.jpg"))
        return len(files)

    return _timed_copy(workdir, "python", copy)


VARIANTS = {"legacy": legacy, "migrated": migrated, "python": python}

if __name__ == "__main__":
    sys.exit(run_variant("python -m benchmarks.file_copy", VARIANTS))
