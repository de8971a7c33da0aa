"""legacy_seq2seq's losses over lists of per-step logits, targets and weights (TF 1.15 semantics)."""
import tensorflow

_v1 = tensorflow.compat.v1


def sequence_loss_by_example(logits, targets, weights, average_across_timesteps=True, softmax_loss_function=None,
                             name=None):
    """Per-example log-perplexity: ``sum_t w_t * crossent_t``, divided by ``sum_t w_t + 1e-12`` if averaging.

    Args:
        logits: list of [batch, num_symbols] tensors, one per step.
        targets: list of [batch] int tensors. weights: list of [batch] float tensors.
        softmax_loss_function: ``fn(labels=..., logits=...) -> [batch]``, replacing sparse softmax
            cross-entropy (e.g. a sampled softmax).

    Returns:
        A [batch] float tensor.

    Raises:
        ValueError: the three lists differ in length.
    """
    if len(targets) != len(logits) or len(weights) != len(logits):
        raise ValueError("`sequence_loss_by_example` logits, weights and targets must have the same length; "
                         f"got {len(logits)}, {len(weights)}, {len(targets)}")
    with _v1.name_scope(name, "sequence_loss_by_example", list(logits) + list(targets) + list(weights)):
        weighted = []
        for logit, target, weight in zip(logits, targets, weights):
            if softmax_loss_function is None:
                # TF1 accepted scalar targets here: flatten to [batch].
                crossent = _v1.nn.sparse_softmax_cross_entropy_with_logits(
                    labels=_v1.reshape(target, [-1]), logits=logit)
            else:
                crossent = softmax_loss_function(labels=target, logits=logit)
            weighted.append(crossent * weight)
        log_perplexities = _v1.add_n(weighted)
        if average_across_timesteps:
            log_perplexities /= _v1.add_n(weights) + 1e-12  # the epsilon keeps all-zero weights finite
    return log_perplexities


def sequence_loss(logits, targets, weights, average_across_timesteps=True, average_across_batch=True,
                  softmax_loss_function=None, name=None):
    """The batch sum of ``sequence_loss_by_example``, divided by the batch size if ``average_across_batch``.

    Returns:
        A scalar float tensor (the average log-perplexity per symbol with both averages on).
    """
    with _v1.name_scope(name, "sequence_loss", list(logits) + list(targets) + list(weights)):
        cost = _v1.reduce_sum(sequence_loss_by_example(
            logits, targets, weights, average_across_timesteps=average_across_timesteps,
            softmax_loss_function=softmax_loss_function))
        if not average_across_batch:
            return cost
        return cost / _v1.cast(_v1.shape(targets[0])[0], cost.dtype)
