"""Beam bookkeeping: ``tile_batch`` (copy each example per beam) and ``gather_tree`` (backtrack the parents)."""
import tensorflow

from tf1compat.shims.contrib.seq2seq.structure import dimension

_v1 = tensorflow.compat.v1
nest = tensorflow.nest


def _tile_one(tensor, multiplier):
    tensor = _v1.convert_to_tensor(tensor, name="t")
    if tensor.shape.ndims is None or tensor.shape.ndims < 1:
        raise ValueError("t must have statically known rank")
    shape = _v1.shape(tensor)
    tiling = [1] * (tensor.shape.ndims + 1)
    tiling[1] = multiplier
    static_batch = tensorflow.compat.dimension_value(tensor.shape[0])
    tiled = _v1.tile(_v1.expand_dims(tensor, 1), tiling)
    tiled = _v1.reshape(tiled, _v1.concat(([shape[0] * multiplier], shape[1:]), 0))
    tiled.set_shape(_v1.TensorShape([None if static_batch is None else static_batch * multiplier])
                    .concatenate(tensor.shape[1:]))
    return tiled


def tile_batch(t, multiplier, name=None):
    """Repeat each batch entry ``multiplier`` times: [b, ...] -> [b * multiplier, ...] as t0, t0, .., t1, ...

    ``t`` may be a nested structure of tensors (each is tiled).

    Raises:
        ValueError: a tensor of ``t`` has no static rank or rank 0.
    """
    flat = nest.flatten(t)
    with _v1.name_scope(name, "tile_batch", flat + [multiplier]):
        return nest.map_structure(lambda one: _tile_one(one, multiplier), t)


def gather_tree(step_ids, parent_ids, max_sequence_lengths, end_token, name=None):
    """The full beams, backtracked from the last step through ``parent_ids`` (TF1's GatherTree op).

    Args:
        step_ids: int32 [max_time, batch_size, beam_width], the id chosen at each step.
        parent_ids: int32 [max_time, batch_size, beam_width], the beam each id extended.
        max_sequence_lengths: int32 [batch_size], steps to backtrack per batch entry.
        end_token: int32 scalar; steps past a length, and after a beam's first end_token, get it.
        name: name scope.

    Returns:
        int32 [max_time, batch_size, beam_width]: ``out[t, b, k]`` is step t of the beam that
        ends as beam k.
    """
    with _v1.name_scope(name, "GatherTree", [step_ids, parent_ids, max_sequence_lengths, end_token]):
        step_ids = _v1.convert_to_tensor(step_ids, name="step_ids")
        parent_ids = _v1.convert_to_tensor(parent_ids, dtype=step_ids.dtype, name="parent_ids")
        lengths = _v1.convert_to_tensor(max_sequence_lengths, dtype=_v1.int32, name="max_sequence_lengths")
        end_token = _v1.convert_to_tensor(end_token, dtype=step_ids.dtype, name="end_token")
        max_time, beam_width = _v1.shape(step_ids)[0], _v1.shape(step_ids)[2]
        beams = _v1.zeros_like(step_ids[0]) + _v1.range(beam_width, dtype=step_ids.dtype)

        def back_one_step(carry, per_step):
            _, current = carry
            ids, parents, time = per_step
            inside = _v1.expand_dims(time < lengths, 1)  # broadcast over beams by tf.where (v2)
            chosen = _v1.gather(ids, current, batch_dims=1)
            previous = _v1.gather(parents, current, batch_dims=1)
            return tensorflow.where(inside, chosen, end_token), tensorflow.where(inside, previous, current)

        traced, _ = _v1.scan(back_one_step, (step_ids, parent_ids, _v1.range(max_time)),
                             initializer=(beams, beams), reverse=True)
        # Everything after a beam's first end_token becomes end_token.
        ended_before = _v1.cumsum(_v1.cast(_v1.equal(traced, end_token), _v1.int32), axis=0, exclusive=True) > 0
        result = tensorflow.where(ended_before, end_token, traced)
        result.set_shape(step_ids.shape)
        return result


def gather_tree_from_array(t, parent_ids, sequence_length):
    """Reorder ``t`` [max_time, batch_size * beam_width, ...] so each beam's history follows its parents."""
    max_time = dimension(parent_ids, 0)
    batch_size = dimension(parent_ids, 1)
    beam_width = dimension(parent_ids, 2)
    beam_ids = _v1.tile(_v1.reshape(_v1.range(beam_width), [1, 1, -1]), [max_time, batch_size, 1])
    longest = _v1.cast(_v1.reduce_max(sequence_length, axis=1), _v1.int32)
    sorted_ids = gather_tree(beam_ids, parent_ids, longest, end_token=beam_width + 1)
    in_bounds = _v1.transpose(_v1.sequence_mask(sequence_length, maxlen=max_time), perm=[2, 0, 1])
    sorted_ids = _v1.where(in_bounds, sorted_ids, beam_ids)
    time_index = _v1.tile(_v1.reshape(_v1.range(max_time), [-1, 1, 1]), [1, batch_size, beam_width])
    batch_index = _v1.tile(_v1.reshape(_v1.range(batch_size), [1, -1, 1]), [max_time, 1, beam_width])
    indices = _v1.stack([time_index, batch_index, sorted_ids], -1)
    final_shape = _v1.shape(t)
    ordered = _v1.gather_nd(_v1.reshape(t, [max_time, batch_size, beam_width, -1]), indices)
    return _v1.reshape(ordered, final_shape)
