"""``tf.contrib.training`` for TF1 scripts: HParams, the queue-based bucketing helpers, and (from tf-slim,
where contrib.training's training and evaluation loops moved) create_train_op, train, evaluate_repeatedly..."""
import importlib

import numpy as np
import tensorflow

from tf1compat.shims.contrib import tf_slim_aliases  # noqa: F401  (first: restores the aliases tf_slim needs)
from tf1compat.shims.contrib.hparam import HParams, parse_values
from tf1compat.shims.contrib.module_hooks import contrib_module_hooks

_v1 = tensorflow.compat.v1
# tf_slim.training is shadowed by a function of the same name in tf_slim's namespace: import by path.
_SLIM_MODULES = [importlib.import_module(f"tf_slim.training.{part}") for part in ("training", "evaluation")]
_SLIM = {name: getattr(module, name) for module in _SLIM_MODULES for name in module.__all__}
globals().update(_SLIM)
__all__ = ["HParams", "parse_values", "bucket", "bucket_by_sequence_length"] + sorted(_SLIM)


def _bucket_queue(index, tensors, shapes, capacity, dynamic_pad, shared_name):
    dtypes = [t.dtype for t in tensors]
    queue_name = f"bucket_{index}_queue"
    if dynamic_pad:
        return _v1.PaddingFIFOQueue(capacity, dtypes, shapes, shared_name=shared_name, name=queue_name)
    return _v1.FIFOQueue(capacity, dtypes, shapes, shared_name=shared_name, name=queue_name)


def _shapes_of(tensors, shapes, dynamic_pad):
    shapes = shapes or [t.get_shape() for t in tensors]
    if not dynamic_pad and not all(_v1.TensorShape(s).is_fully_defined() for s in shapes):
        raise ValueError("`bucket` needs fully defined shapes for every tensor unless dynamic_pad=True; "
                         "pass shapes=... or dynamic_pad=True")
    return shapes


def _batches_of(queue, batch_size, allow_smaller_final_batch):
    if allow_smaller_final_batch:
        return queue.dequeue_up_to(batch_size)
    return queue.dequeue_many(batch_size)


def _output_queue(queues, flat, enqueues, capacity, shared_name, batches_of):
    """Queue runners: ``enqueues`` fill the bucket queues, one move per bucket sends its batches to one
    output queue; returns that queue's dequeue ``[bucket_id, *batch]``."""
    close_buckets = _v1.group(*[q.close() for q in queues])
    cancel_buckets = _v1.group(*[q.close(cancel_pending_enqueues=True) for q in queues])
    _v1.train.add_queue_runner(_v1.train.QueueRunner(queues[0], enqueues, close_op=close_buckets,
                                                     cancel_op=cancel_buckets))
    # Batches differ in size (padding, smaller final batch): the output queue holds any shape.
    top = _v1.FIFOQueue(capacity, [_v1.int32] + [t.dtype for t in flat], shared_name=shared_name, name="top_queue")
    moves = []
    for index, queue in enumerate(queues):
        batch = batches_of(queue)
        moves.append(top.enqueue([_v1.constant(index, _v1.int32)] + (batch if isinstance(batch, list) else [batch])))
    # Stopping must also wake the moves blocked on a bucket's dequeue: cancel closes every queue.
    _v1.train.add_queue_runner(_v1.train.QueueRunner(
        top, moves, close_op=_v1.group(top.close(), close_buckets),
        cancel_op=_v1.group(top.close(cancel_pending_enqueues=True), cancel_buckets)))
    return top.dequeue()


def bucket(tensors, which_bucket, batch_size, num_buckets, num_threads=1, capacity=32, bucket_capacities=None,
           shapes=None, dynamic_pad=False, allow_smaller_final_batch=False, keep_input=True,
           shared_name=None, name=None):
    """Batch ``tensors`` (a list or dict) per bucket ``which_bucket``: ``(bucket_id [B]... , batched tensors)``.

    As TF1: one FIFO (padding if ``dynamic_pad``) queue per bucket fed by ``num_threads`` queue
    runner threads, a queue runner per bucket moving full batches to one output queue. Returns
    ``(which_bucket, outputs)``; ``which_bucket`` is the scalar bucket of the dequeued batch.
    """
    is_dict = isinstance(tensors, dict)
    keys = sorted(tensors) if is_dict else None
    flat = [_v1.convert_to_tensor(tensors[k]) for k in keys] if is_dict else [_v1.convert_to_tensor(t) for t in tensors]
    capacities = bucket_capacities or [capacity] * num_buckets
    if len(capacities) != num_buckets:
        raise ValueError(f"`bucket_capacities` must have {num_buckets} entries (one per bucket); got {len(capacities)}")
    with _v1.name_scope(name, "bucket", flat + [which_bucket]):
        shapes = _shapes_of(flat, shapes, dynamic_pad)
        queues = [_bucket_queue(i, flat, shapes, capacities[i], dynamic_pad, shared_name) for i in range(num_buckets)]
        which_bucket = _v1.cast(which_bucket, _v1.int32)
        enqueue = _v1.cond(_v1.convert_to_tensor(keep_input),
                           lambda: _v1.QueueBase.from_list(which_bucket, queues).enqueue(flat),
                           _v1.no_op)
        dequeued = _output_queue(queues, flat, [enqueue] * num_threads, max(capacities), shared_name,
                                 lambda queue: _batches_of(queue, batch_size, allow_smaller_final_batch))
        bucket_id, outputs = dequeued[0], dequeued[1:]
        bucket_id.set_shape([])
        for output, shape in zip(outputs, shapes):
            output.set_shape([None if allow_smaller_final_batch else batch_size] + _v1.TensorShape(shape).as_list())
    return bucket_id, (dict(zip(keys, outputs)) if is_dict else list(outputs))


def bucket_by_sequence_length(input_length, tensors, batch_size, bucket_boundaries, num_threads=1, capacity=32,
                              bucket_capacities=None, shapes=None, dynamic_pad=False,
                              allow_smaller_final_batch=False, keep_input=True, shared_name=None, name=None):
    """Batch ``tensors`` bucketed by ``input_length``: ``(sequence_length [B], batched tensors)``.

    Bucket ``i`` holds lengths in ``[bucket_boundaries[i-1], bucket_boundaries[i])`` (the first from
    the lowest int, the last to the highest), so there are ``len(bucket_boundaries) + 1`` buckets.
    """
    boundaries = list(bucket_boundaries)
    if not boundaries or sorted(boundaries) != boundaries:
        raise ValueError(f"`bucket_boundaries` must be a non-empty sorted list of ints; got {bucket_boundaries}")
    is_dict = isinstance(tensors, dict)
    with _v1.name_scope(name, "bucket_by_sequence_length", [input_length]):
        input_length = _v1.cast(input_length, _v1.int32)
        info = np.iinfo(np.int32)
        lower = _v1.constant([info.min] + boundaries, _v1.int32)
        upper = _v1.constant(boundaries + [info.max], _v1.int32)
        inside = _v1.logical_and(lower <= input_length, input_length < upper)
        which = _v1.reduce_min(_v1.where(inside))
        with_length = dict(tensors, __length__=input_length) if is_dict else [input_length] + list(tensors)
        if shapes is not None:
            shapes = [[]] + list(shapes) if not is_dict else shapes
        _, outputs = bucket(with_length, which, batch_size, len(boundaries) + 1, num_threads=num_threads,
                            capacity=capacity, bucket_capacities=bucket_capacities, shapes=shapes,
                            dynamic_pad=dynamic_pad, allow_smaller_final_batch=allow_smaller_final_batch,
                            keep_input=keep_input, shared_name=shared_name, name="bucket")
    if is_dict:
        return outputs.pop("__length__"), outputs
    return outputs[0], outputs[1:]


__getattr__, __dir__ = contrib_module_hooks("contrib.training", __name__, __all__)
