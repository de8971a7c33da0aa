"""TF 0.12's summary ops (``tf.scalar_summary`` ...): the same summary kernels, tags used as given.

TF 1.0's ``tf.summary.scalar(name, ...)`` prefixes the name scope to the tag; 0.12's ops did not, so
these call the ops themselves (the kernels are still in TensorFlow 2.21) and add the result to
``collections`` (default ``GraphKeys.SUMMARIES``) as 0.12 did.
"""
import tensorflow

_v1 = tensorflow.compat.v1
_raw = tensorflow.raw_ops


def _collected(summary, collections):
    for key in collections if collections is not None else [_v1.GraphKeys.SUMMARIES]:
        _v1.add_to_collection(key, summary)
    return summary


def scalar_summary(tags, values, collections=None, name=None):
    """A ``Summary`` of scalar ``values`` under ``tags`` (a string, or a string tensor shaped like ``values``)."""
    with _v1.name_scope(name, "ScalarSummary", [tags, values]) as scope:
        return _collected(_raw.ScalarSummary(tags=tags, values=values, name=scope), collections)


def histogram_summary(tag, values, collections=None, name=None):
    """A ``Summary`` with a histogram of ``values`` under ``tag``."""
    with _v1.name_scope(name, "HistogramSummary", [tag, values]) as scope:
        return _collected(_raw.HistogramSummary(tag=tag, values=values, name=scope), collections)


def image_summary(tag, tensor, max_images=3, collections=None, name=None):
    """A ``Summary`` with up to ``max_images`` images of the 4-D ``tensor``, tagged ``tag/image/N``."""
    with _v1.name_scope(name, "ImageSummary", [tag, tensor]) as scope:
        return _collected(_raw.ImageSummary(tag=tag, tensor=tensor, max_images=max_images, name=scope), collections)


def audio_summary(tag, tensor, sample_rate, max_outputs=3, collections=None, name=None):
    """A ``Summary`` with up to ``max_outputs`` clips of ``tensor`` ([batch, frames(, channels)]) at ``sample_rate``."""
    with _v1.name_scope(name, "AudioSummary", [tag, tensor]) as scope:
        sample_rate = _v1.convert_to_tensor(sample_rate, dtype=_v1.float32)
        return _collected(_raw.AudioSummaryV2(tag=tag, tensor=tensor, sample_rate=sample_rate,
                                              max_outputs=max_outputs, name=scope), collections)


def merge_summary(inputs, collections=None, name=None):
    """One ``Summary`` merging the serialized summaries ``inputs``."""
    return _v1.summary.merge(inputs, collections=collections, name=name)


def merge_all_summaries(key=_v1.GraphKeys.SUMMARIES):
    """Every summary op in collection ``key`` merged into one, or ``None`` if there is none."""
    return _v1.summary.merge_all(key)
