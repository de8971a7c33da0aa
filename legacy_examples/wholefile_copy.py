"""Copy image files through a TF1 input queue: string_input_producer + WholeFileReader + Coordinator.

The classic TF 1.x "read whole files" demo (2017-2019): a filename queue feeds a
WholeFileReader, queue runners fill it in background threads, and the main loop
writes every record it reads to read/test_N.jpg until the queue raises
OutOfRangeError after --num-epochs epochs.

    python -m tf1compat legacy_examples/wholefile_copy.py              # 3 sample images x 5 epochs
    python -m tf1compat legacy_examples/wholefile_copy.py a.jpg b.jpg --num-epochs 2 --shuffle
"""
import argparse
import os
import sys

import tensorflow as tf

# Setup
SAMPLE_LETTERS = ("A", "B", "C")
SAMPLE_COLOURS = ((200, 40, 40), (40, 160, 60), (40, 70, 200))


class CopyError(Exception):
    """Bad input or an unsafe output: one line on stderr, nothing written."""


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Copy image files through a TF1 WholeFileReader queue.")
    parser.add_argument("files", nargs="*", help="image files to copy (default: three sample images)")
    parser.add_argument("--files", dest="file_flag", nargs="+", default=[], help="image files (same as positional)")
    parser.add_argument("--num-epochs", type=int, default=5, help="how often each file is read (default 5)")
    parser.add_argument("--shuffle", action="store_true", help="shuffle the files in every epoch")
    parser.add_argument("--seed", type=int, default=None, help="seed of the shuffle")
    parser.add_argument("--out-dir", default="read", help="where test_N.jpg are written (default read/)")
    parser.add_argument("--overwrite", action="store_true", help="replace test_N.jpg files already in --out-dir")
    return parser.parse_args(argv)


def make_sample_images(folder):
    """Write A.jpg, B.jpg, C.jpg (a letter on a solid colour) into ``folder`` unless they exist."""
    from PIL import Image, ImageDraw, ImageFont
    os.makedirs(folder, exist_ok=True)
    paths = []
    for letter, colour in zip(SAMPLE_LETTERS, SAMPLE_COLOURS):
        path = os.path.join(folder, letter + ".jpg")
        if not os.path.exists(path):
            image = Image.new("RGB", (64, 64), colour)
            ImageDraw.Draw(image).text((20, 12), letter, fill=(255, 255, 255), font=ImageFont.load_default(36))
            image.save(path + ".tmp", format="JPEG", quality=90)
            os.replace(path + ".tmp", path)
        paths.append(path)
    return paths


def check_inputs(files, num_epochs):
    if num_epochs < 1:
        raise CopyError(f"`--num-epochs {num_epochs}`: must be at least 1; give e.g. --num-epochs 5")
    for path in files:
        if not os.path.isfile(path):
            raise CopyError(f"`{path}`: no such file; nothing was written; check the file list")


def planned_outputs(out_dir, count, overwrite):
    """The output paths test_0.jpg ... test_{count-1}.jpg, refusing to replace existing ones."""
    paths = [os.path.join(out_dir, f"test_{index}.jpg") for index in range(count)]
    existing = [path for path in paths if os.path.exists(path)]
    if existing and not overwrite:
        raise CopyError(f"`{existing[0]}` already exists ({len(existing)} of the {count} outputs do); "
                        f"nothing was written; pass --overwrite to replace them or choose another --out-dir")
    os.makedirs(out_dir, exist_ok=True)
    return paths


def write_atomically(path, data):
    """Write to a temporary name, then rename: an interrupted run leaves no half-written file."""
    temporary = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


# Data
def build_reader(files, num_epochs, shuffle, seed=None):
    """The filename queue and the reader: (key, value) tensors, one file per sess.run."""
    filename_queue = tf.train.string_input_producer(files, num_epochs=num_epochs, shuffle=shuffle, seed=seed)
    reader = tf.WholeFileReader()
    return reader.read(filename_queue)


# Copy
def copy_files(files, out_dir="read", num_epochs=5, shuffle=False, seed=None, overwrite=False):
    """Copy every read to out_dir/test_N.jpg; return the input keys in the order they were read."""
    check_inputs(files, num_epochs)
    outputs = planned_outputs(out_dir, len(files) * num_epochs, overwrite)
    tf.reset_default_graph()
    key, value = build_reader(files, num_epochs, shuffle, seed)
    # num_epochs lives in a local variable: it must be initialized.
    init = tf.group(tf.global_variables_initializer(), tf.local_variables_initializer())
    keys = []
    with tf.Session() as sess:
        sess.run(init)
        coord = tf.train.Coordinator()
        threads = tf.train.start_queue_runners(sess=sess, coord=coord)
        try:
            while not coord.should_stop():
                name, data = sess.run([key, value])
                write_atomically(outputs[len(keys)], data)
                keys.append(name.decode())
        except tf.errors.OutOfRangeError:
            pass  # the queue is closed and empty: every epoch was read
        finally:
            coord.request_stop()
        coord.join(threads)
    return keys


# Evaluate
def report(keys, files, num_epochs, out_dir):
    if len(keys) <= 30:
        for index, name in enumerate(keys):
            print(f"{os.path.join(out_dir, f'test_{index}.jpg')} <- {name}")
    print(f"wrote {len(keys)} files to {out_dir}/ ({len(files)} images x {num_epochs} epochs)")


def main(argv=None):
    args = parse_args(argv)
    files = args.files + args.file_flag
    if not files:
        # The samples live inside --out-dir so the demo leaves one folder behind.
        files = make_sample_images(os.path.join(args.out_dir, "samples"))
        print(f"no files given: copying the sample images {', '.join(files)} (made once, kept for reruns)")
    try:
        keys = copy_files(files, args.out_dir, args.num_epochs, args.shuffle, args.seed, args.overwrite)
    except CopyError as error:
        print(f"ERROR {error}", file=sys.stderr)
        return 2
    report(keys, files, args.num_epochs, args.out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
