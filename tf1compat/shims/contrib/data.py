"""``tf.contrib.data`` for TF1 scripts: ``tf.compat.v1.data.experimental`` plus the few contrib-only helpers."""
import tensorflow

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks

_v1 = tensorflow.compat.v1
_experimental = _v1.data.experimental
# contrib.data names (TF 1.15) that tf.data.experimental kept under the same name and semantics.
_SAME_NAME = (
    "Counter", "CsvDataset", "Optional", "RandomDataset", "Reducer", "SqlDataset", "TFRecordWriter",
    "bucket_by_sequence_length", "choose_from_datasets", "copy_to_device", "dense_to_sparse_batch",
    "enumerate_dataset", "get_next_as_optional", "get_single_element", "group_by_reducer", "group_by_window",
    "ignore_errors", "make_batched_features_dataset", "make_csv_dataset", "make_saveable_from_iterator",
    "map_and_batch", "parallel_interleave", "parse_example_dataset", "prefetch_to_device",
    "rejection_resample", "sample_from_datasets", "scan", "shuffle_and_repeat", "unbatch", "unique",
)
globals().update({name: getattr(_experimental, name) for name in _SAME_NAME})


def batch_and_drop_remainder(batch_size):
    """A ``Dataset.apply`` transformation: batches of exactly ``batch_size``, the short last one dropped."""
    return lambda dataset: dataset.batch(batch_size, drop_remainder=True)


def padded_batch_and_drop_remainder(batch_size, padded_shapes, padding_values=None):
    """``padded_batch`` with the short last batch dropped, as a ``Dataset.apply`` transformation."""
    return lambda dataset: dataset.padded_batch(batch_size, padded_shapes, padding_values, drop_remainder=True)


def sloppy_interleave(map_func, cycle_length, block_length=1):
    """``parallel_interleave(..., sloppy=True)``: interleaves, taking whichever input is ready first."""
    return _experimental.parallel_interleave(map_func, cycle_length, block_length, sloppy=True)


def sliding_window_batch(window_size, stride=1):
    """Batches of ``window_size`` consecutive elements, each window ``stride`` after the last; partial windows dropped."""
    def _batch_window(*windows):
        nested = windows[0] if len(windows) == 1 else windows
        return tensorflow.data.Dataset.zip(nested).batch(window_size, drop_remainder=True)

    return lambda dataset: dataset.window(window_size, shift=stride, drop_remainder=True).flat_map(_batch_window)


__all__ = sorted((*_SAME_NAME, "batch_and_drop_remainder", "padded_batch_and_drop_remainder",
                  "sloppy_interleave", "sliding_window_batch"))
__getattr__, __dir__ = contrib_module_hooks("contrib.data", __name__, __all__)
