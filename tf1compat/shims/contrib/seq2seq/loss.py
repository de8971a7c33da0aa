"""``tf.contrib.seq2seq.sequence_loss``: weighted cross-entropy of logit sequences (TF 1.15 semantics, tf.compat.v1 ops)."""
import tensorflow

_v1 = tensorflow.compat.v1


def _check_ranks(logits, targets, weights):
    for label, tensor, rank, layout in (("logits", logits, 3, "[batch_size, sequence_length, num_classes]"),
                                        ("targets", targets, 2, "[batch_size, sequence_length]"),
                                        ("weights", weights, 2, "[batch_size, sequence_length]")):
        if tensor.get_shape().ndims != rank:
            raise ValueError(f"`{label}` must be a {layout} tensor; got shape {tensor.get_shape()}")


def _weighted_mean(losses, weights, axis=None):
    # Weighted average over `axis`; 0 where the weights sum to 0 (as TF1.15 did).
    return _v1.div_no_nan(_v1.reduce_sum(losses, axis=axis), _v1.reduce_sum(weights, axis=axis))


def _mean_over_nonzero(losses, weights, axis=None):
    # TF1.15's "sum_over": the weighted sum divided by the number of non-zero weights.
    count = _v1.cast(_v1.count_nonzero(weights, axis=axis), losses.dtype)
    return _v1.div_no_nan(_v1.reduce_sum(losses, axis=axis), count)


def sequence_loss(logits, targets, weights, average_across_timesteps=True, average_across_batch=True,
                  sum_over_timesteps=False, sum_over_batch=False, softmax_loss_function=None, name=None):
    """Weighted cross-entropy of a sequence of logits.

    Args:
        logits: [batch_size, sequence_length, num_classes] float tensor.
        targets: [batch_size, sequence_length] int tensor of class ids.
        weights: [batch_size, sequence_length] float tensor (e.g. a tf.sequence_mask).
        average_across_timesteps / average_across_batch: reduce that axis by a weighted average.
        sum_over_timesteps / sum_over_batch: reduce that axis by the weighted sum divided by the
            number of non-zero weights. Cannot be combined with the average of the same axis.
        softmax_loss_function: ``fn(labels=..., logits=...)`` used instead of sparse softmax
            cross-entropy; gets the flattened [N] labels and [N, num_classes] logits.
        name: name scope (default ``sequence_loss``).

    Returns:
        A float tensor of rank 0, 1 or 2: [batch_size, sequence_length] with the axes that
        were reduced removed.

    Raises:
        ValueError: wrong ranks, or average and sum requested for the same axis.
    """
    logits, targets, weights = (_v1.convert_to_tensor(t) for t in (logits, targets, weights))
    _check_ranks(logits, targets, weights)
    if average_across_timesteps and sum_over_timesteps:
        raise ValueError("`average_across_timesteps` and `sum_over_timesteps` cannot both be True")
    if average_across_batch and sum_over_batch:
        raise ValueError("`average_across_batch` and `sum_over_batch` cannot both be True")
    with _v1.name_scope(name, "sequence_loss", [logits, targets, weights]):
        flat_logits = _v1.reshape(logits, [-1, _v1.shape(logits)[2]])
        flat_targets = _v1.reshape(targets, [-1])
        loss_function = softmax_loss_function or _v1.nn.sparse_softmax_cross_entropy_with_logits
        losses = loss_function(labels=flat_targets, logits=flat_logits) * _v1.reshape(weights, [-1])
        if average_across_timesteps and average_across_batch:
            return _weighted_mean(losses, weights)
        if sum_over_timesteps and sum_over_batch:
            return _mean_over_nonzero(losses, weights)
        losses = _v1.reshape(losses, _v1.shape(logits)[0:2])
        if average_across_timesteps or average_across_batch:
            return _weighted_mean(losses, weights, axis=[0] if average_across_batch else [1])
        if sum_over_timesteps or sum_over_batch:
            return _mean_over_nonzero(losses, weights, axis=[0] if sum_over_batch else [1])
        return losses
