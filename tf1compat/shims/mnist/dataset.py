"""TF1's MNIST ``DataSet``: the in-memory images and labels behind ``next_batch``, exactly as TF 1.x."""
import sys

import numpy

_DEFAULT_GRAPH_SEED = 87654321  # what TF1's random_seed.get_seed pairs with an op seed


def image_dtype(dtype):
    """The numpy dtype for ``dtype`` given as a TF dtype, numpy dtype or string; uint8 or float32 only.

    TF1 used ``dtypes.as_dtype(dtype).base_dtype``; duck typing gives the same without
    importing TensorFlow (``tf.float32`` has ``base_dtype`` and ``as_numpy_dtype``).
    """
    base = getattr(dtype, "base_dtype", dtype)
    try:
        resolved = numpy.dtype(getattr(base, "as_numpy_dtype", base))
    except TypeError:
        resolved = None
    if resolved not in (numpy.dtype(numpy.uint8), numpy.dtype(numpy.float32)):
        raise TypeError(f"Invalid image dtype {dtype!r}, expected uint8 or float32")
    return resolved


def seed_numpy(seed):
    """Seed numpy's global RNG as TF1's DataSet did: ``numpy.random.seed(seed1 if seed is None else seed2)``.

    TF1 took (seed1, seed2) from ``random_seed.get_seed(seed)``, which consults the graph
    seed set by ``tf.set_random_seed``; use TensorFlow's own ``get_seed`` when it is loaded.
    """
    tensorflow = sys.modules.get("tensorflow")
    get_seed = getattr(getattr(getattr(tensorflow, "compat", None), "v1", None), "get_seed", None)
    if get_seed is not None:
        graph_seed, op_seed = get_seed(seed)
    else:
        graph_seed, op_seed = (None, None) if seed is None else (_DEFAULT_GRAPH_SEED, seed)
    numpy.random.seed(graph_seed if seed is None else op_seed)


def dense_to_one_hot(labels_dense, num_classes):
    """Class indices ``[N]`` to one-hot float64 rows ``[N, num_classes]`` (float64 as in TF1)."""
    labels_dense = numpy.asarray(labels_dense)
    one_hot = numpy.zeros((labels_dense.shape[0], num_classes))
    one_hot[numpy.arange(labels_dense.shape[0]), labels_dense.ravel()] = 1
    return one_hot


class DataSet:
    """Images and labels with TF1's ``next_batch``: shuffle on the first call and at every epoch end.

    A batch that crosses an epoch boundary is the rest of the old epoch followed by the
    start of the newly shuffled one, as in TF1. Shuffling uses numpy's *global* RNG,
    seeded here, so batches match a TF 1.x run with the same seed.
    """

    def __init__(self, images, labels, fake_data=False, one_hot=False, dtype="float32", reshape=True, seed=None):
        seed_numpy(seed)
        dtype = image_dtype(dtype)
        if fake_data:
            self._num_examples = 10000
            self.one_hot = one_hot
        else:
            if images.shape[0] != labels.shape[0]:
                raise ValueError(f"images.shape: {images.shape} labels.shape: {labels.shape}")
            self._num_examples = images.shape[0]
            if reshape:
                if images.shape[3] != 1:
                    raise ValueError(f"reshape=True needs single-channel images, got shape {images.shape}")
                images = images.reshape(images.shape[0], images.shape[1] * images.shape[2])
            if dtype == numpy.float32:
                # [0, 255] -> [0.0, 1.0], multiplying by 1/255 exactly as TF1 did (not dividing).
                images = numpy.multiply(images.astype(numpy.float32), 1.0 / 255.0)
        self._images = images
        self._labels = labels
        self._epochs_completed = 0
        self._index_in_epoch = 0

    @property
    def images(self):
        return self._images

    @property
    def labels(self):
        return self._labels

    @property
    def num_examples(self):
        return self._num_examples

    @property
    def epochs_completed(self):
        return self._epochs_completed

    def next_batch(self, batch_size, fake_data=False, shuffle=True):
        """The next ``batch_size`` examples as (images, labels)."""
        if fake_data:
            fake_image = [1] * 784
            fake_label = [1] + [0] * 9 if self.one_hot else 0
            return [fake_image for _ in range(batch_size)], [fake_label for _ in range(batch_size)]
        start = self._index_in_epoch
        if self._epochs_completed == 0 and start == 0 and shuffle:
            self._permute()
        if start + batch_size <= self._num_examples:
            self._index_in_epoch += batch_size
            return self._images[start:self._index_in_epoch], self._labels[start:self._index_in_epoch]
        self._epochs_completed += 1
        rest = self._num_examples - start
        images_rest = self._images[start:self._num_examples]
        labels_rest = self._labels[start:self._num_examples]
        if shuffle:
            self._permute()
        # Batches larger than the data set keep TF1's arithmetic too (rest may go negative).
        self._index_in_epoch = batch_size - rest
        end = self._index_in_epoch
        return (numpy.concatenate((images_rest, self._images[0:end]), axis=0),
                numpy.concatenate((labels_rest, self._labels[0:end]), axis=0))

    def _permute(self):
        order = numpy.arange(self._num_examples)
        numpy.random.shuffle(order)
        self._images = self._images[order]
        self._labels = self._labels[order]
