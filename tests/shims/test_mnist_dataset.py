"""TF1's MNIST DataSet contract: next_batch order, shuffling, epoch wrap-around, dtype, one_hot."""
import numpy
import pytest
from hypothesis import given, settings, strategies

from tf1compat.shims.mnist.dataset import DataSet, dense_to_one_hot, image_dtype


def indexed(n, seed=0):
    """A DataSet whose example i has image value i and label i, so batches reveal their indices."""
    images = numpy.arange(n, dtype=numpy.uint8).reshape(n, 1, 1, 1)
    return DataSet(images, numpy.arange(n), dtype="uint8", seed=seed)


def batches(data, batch_size, calls, shuffle):
    out = []
    for _ in range(calls):
        images, labels = data.next_batch(batch_size, shuffle=shuffle)
        assert images[:, 0].tolist() == labels.tolist()  # images and labels stay paired
        out.append((labels.tolist(), data.epochs_completed))
    return out


def test_unshuffled_batches_follow_data_order_and_wrap_around():
    got = batches(indexed(10), 4, 6, shuffle=False)
    assert got == [([0, 1, 2, 3], 0), ([4, 5, 6, 7], 0), ([8, 9, 0, 1], 1),
                   ([2, 3, 4, 5], 1), ([6, 7, 8, 9], 1), ([0, 1, 2, 3], 2)]


def test_exact_epoch_end_increments_epochs_on_the_next_call():
    # TF1 only notices the epoch ended when the following batch would run past it.
    got = batches(indexed(6), 3, 3, shuffle=False)
    assert got == [([0, 1, 2], 0), ([3, 4, 5], 0), ([0, 1, 2], 1)]


def reference_stream(n, seed, epochs):
    """The example order TF1 produces: seed numpy, then permute the (already permuted) data each epoch."""
    numpy.random.seed(seed)
    data, stream = numpy.arange(n), []
    for _ in range(epochs):
        order = numpy.arange(n)
        numpy.random.shuffle(order)
        data = data[order]
        stream.extend(data.tolist())
    return stream


def test_shuffled_batches_join_the_epoch_remainder_with_the_next_shuffled_epoch():
    got = [labels for labels, _ in batches(indexed(10, seed=5), 4, 7, shuffle=True)]
    stream = reference_stream(10, 5, 3)
    assert got == [stream[i:i + 4] for i in range(0, 28, 4)]
    # Batch 3 = the last 2 of epoch 1 + the first 2 of the reshuffled epoch 2.
    assert got[2] == stream[8:10] + stream[10:12]
    assert sorted(stream[:10]) == list(range(10)) and stream[:10] != stream[10:20]


def test_same_seed_gives_same_batches_and_other_seed_differs():
    first = batches(indexed(50, seed=7), 16, 5, shuffle=True)
    again = batches(indexed(50, seed=7), 16, 5, shuffle=True)
    other = batches(indexed(50, seed=8), 16, 5, shuffle=True)
    assert first == again
    assert first != other


def test_batch_larger_than_data_set_keeps_tf1_arithmetic():
    got = batches(indexed(3), 5, 3, shuffle=False)
    assert got == [([0, 1, 2, 0, 1], 1), ([2, 0, 1, 2], 2), ([0, 1, 2], 3)]


@settings(max_examples=60, deadline=None)
@given(n=strategies.integers(1, 40), data=strategies.data())
def test_property_every_example_once_per_epoch_and_epoch_count(n, data):
    batch_size = data.draw(strategies.integers(1, n), label="batch_size")
    calls = data.draw(strategies.integers(1, 3 * n // batch_size + 2), label="calls")
    shuffle = data.draw(strategies.booleans(), label="shuffle")
    got = batches(indexed(n, seed=1), batch_size, calls, shuffle=shuffle)
    stream = [i for labels, _ in got for i in labels]
    assert len(stream) == calls * batch_size
    for start in range(0, len(stream), n):
        epoch = stream[start:start + n]
        if shuffle:
            assert len(set(epoch)) == len(epoch)  # no example twice within an epoch
            assert len(epoch) < n or sorted(epoch) == list(range(n))
        else:
            assert epoch == list(range(len(epoch)))
    # After k calls the last example taken lies in epoch (k*b - 1) // n.
    assert [epochs for _, epochs in got] == [(k * batch_size - 1) // n for k in range(1, calls + 1)]


def test_float32_images_scaled_by_exactly_one_255th_and_reshaped():
    images = numpy.array([0, 1, 128, 255], dtype=numpy.uint8).reshape(1, 2, 2, 1)
    flat = DataSet(images, numpy.array([3]), seed=0).images
    assert flat.dtype == numpy.float32 and flat.shape == (1, 4)
    assert flat.tolist() == numpy.multiply(numpy.float32([[0, 1, 128, 255]]), 1.0 / 255.0).tolist()
    assert flat[0, 3] == 1.0
    kept = DataSet(images, numpy.array([3]), dtype="uint8", reshape=False, seed=0).images
    assert kept.dtype == numpy.uint8 and kept.shape == (1, 2, 2, 1) and kept.max() == 255


def test_dtype_accepts_tensorflow_numpy_and_string_forms():
    import tensorflow as tf  # only to prove a legacy script's tf.float32 is understood

    assert image_dtype(tf.float32) == numpy.float32
    assert image_dtype(tf.uint8) == numpy.uint8
    assert image_dtype(tf.float32.as_numpy_dtype) == numpy.float32
    assert image_dtype(numpy.dtype("uint8")) == numpy.uint8
    assert image_dtype("float32") == numpy.float32
    for bad in (tf.float64, "int32", numpy.float16, None):
        with pytest.raises(TypeError, match="Invalid image dtype .*expected uint8 or float32"):
            image_dtype(bad)


def test_dense_to_one_hot_values():
    one_hot = dense_to_one_hot(numpy.array([3, 0, 9], dtype=numpy.uint8), 10)
    assert one_hot.shape == (3, 10) and one_hot.dtype == numpy.float64
    assert one_hot.argmax(axis=1).tolist() == [3, 0, 9]
    assert one_hot.sum() == 3.0


def test_fake_data_batches_as_tf1():
    fake = DataSet([], [], fake_data=True, one_hot=True, seed=0)
    images, labels = fake.next_batch(2, fake_data=True)
    assert fake.num_examples == 10000
    assert images == [[1] * 784, [1] * 784]
    assert labels == [[1] + [0] * 9] * 2
    assert DataSet([], [], fake_data=True, seed=0).next_batch(3, fake_data=True)[1] == [0, 0, 0]


def test_mismatched_images_and_labels_rejected():
    with pytest.raises(ValueError, match=r"images.shape: \(2, 1, 1, 1\) labels.shape: \(3,\)"):
        DataSet(numpy.zeros((2, 1, 1, 1), numpy.uint8), numpy.zeros(3), seed=0)
