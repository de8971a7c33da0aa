"""Compare input pipelines by the batches they yield: exact order, or each example once per epoch."""
import numpy as np


def row_ids(batches, reference):
    """Each batch's rows as indices into ``reference`` (rows are matched by their bytes).

    Args:
        batches: a list of arrays ``[batch, ...]`` (one feature array per batch).
        reference: the data set ``[n, ...]``; its rows must be distinct.

    Raises:
        ValueError: ``reference`` has duplicate rows, or a batch holds a row not in it.
    """
    reference = np.ascontiguousarray(reference)
    index = {row.tobytes(): position for position, row in enumerate(reference)}
    if len(index) != len(reference):
        raise ValueError(f"`reference`: {len(reference) - len(index)} duplicate row(s); "
                         "use data with distinct rows to identify examples")
    ids = []
    for number, batch in enumerate(batches):
        keys = [row.tobytes() for row in np.ascontiguousarray(batch, dtype=reference.dtype)]
        unknown = [key for key in keys if key not in index]
        if unknown:
            raise ValueError(f"`batch {number}`: {len(unknown)} row(s) are not in the data set")
        ids.append([index[key] for key in keys])
    return ids


def epoch_coverage(id_batches, epoch_length):
    """Split the stream of ids into epochs of ``epoch_length``: ``[(count, distinct), ...]`` per epoch.

    An epoch that shows each of its examples exactly once has ``count == distinct == epoch_length``.
    """
    stream = [example for batch in id_batches for example in batch]
    epochs = [stream[start:start + epoch_length] for start in range(0, len(stream), epoch_length)]
    return [(len(epoch), len(set(epoch))) for epoch in epochs]


def epochs_reordered(id_batches, epoch_length):
    """True when no two epochs of the stream come in the same order (a reshuffle each epoch)."""
    stream = [example for batch in id_batches for example in batch]
    orders = {tuple(stream[start:start + epoch_length]) for start in range(0, len(stream), epoch_length)}
    return len(orders) == -(-len(stream) // epoch_length)


def batch_sizes(batches):
    return [len(batch) for batch in batches]


def compare_shuffled(report, side, id_batches, epoch_length, num_epochs):
    """Record that ``side``'s shuffled stream shows every example once per epoch, reshuffled."""
    report.compare_exact(f"{side} shuffled: (count, distinct) per epoch",
                         [(epoch_length, epoch_length)] * num_epochs, epoch_coverage(id_batches, epoch_length))
    report.compare_exact(f"{side} shuffled: a new order every epoch", True, epochs_reordered(id_batches, epoch_length))
