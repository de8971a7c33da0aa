"""legacy_seq2seq's ``model_with_buckets``: one shared-weight model and loss per (input, output) length bucket."""
import tensorflow

from tf1compat.shims.contrib.legacy_seq2seq.losses import sequence_loss, sequence_loss_by_example

_v1 = tensorflow.compat.v1


def _check_lengths(encoder_inputs, targets, weights, buckets):
    longest_input, longest_output = buckets[-1]
    for label, tensors, needed in (("encoder_inputs", encoder_inputs, longest_input),
                                   ("targets", targets, longest_output), ("weights", weights, longest_output)):
        if len(tensors) < needed:
            raise ValueError(f"`model_with_buckets` {label} has {len(tensors)} steps but the last bucket "
                             f"{tuple(buckets[-1])} needs at least {needed}; order buckets by size, largest last")


def model_with_buckets(encoder_inputs, decoder_inputs, targets, weights, buckets, seq2seq,
                       softmax_loss_function=None, per_example_loss=False, name=None):
    """Build ``seq2seq(encoder_inputs[:i], decoder_inputs[:o])`` for each bucket ``(i, o)``, sharing variables.

    The first bucket creates the variables, the others reuse them. Each bucket's loss is
    ``sequence_loss`` (or ``sequence_loss_by_example`` if ``per_example_loss``) over its first
    ``o`` targets and weights.

    Returns:
        ``(outputs, losses)``: per bucket, the list of output tensors and the loss tensor.

    Raises:
        ValueError: the input lists are shorter than the last bucket.
    """
    _check_lengths(encoder_inputs, targets, weights, buckets)
    loss_function = sequence_loss_by_example if per_example_loss else sequence_loss
    all_inputs = list(encoder_inputs) + list(decoder_inputs) + list(targets) + list(weights)
    outputs, losses = [], []
    with _v1.name_scope(name, "model_with_buckets", all_inputs):
        for index, (input_length, output_length) in enumerate(buckets):
            with _v1.variable_scope(_v1.get_variable_scope(), reuse=True if index > 0 else None):
                bucket_outputs, _ = seq2seq(encoder_inputs[:input_length], decoder_inputs[:output_length])
                outputs.append(bucket_outputs)
                losses.append(loss_function(bucket_outputs, targets[:output_length], weights[:output_length],
                                            softmax_loss_function=softmax_loss_function))
    return outputs, losses
