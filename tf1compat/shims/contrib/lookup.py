"""``tf.contrib.lookup`` for TF1 scripts: TensorFlow's lookup tables (still in core) under their TF 1.15 contrib names."""
from tensorflow.python.ops import lookup_ops

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks

# contrib.lookup re-exported these core lookup_ops names unchanged.
_CORE = ("HashTable", "IdTableWithHashBuckets", "InitializableLookupTableBase", "KeyValueTensorInitializer",
         "LookupInterface", "TableInitializerBase", "TextFileIndex", "TextFileInitializer",
         "TextFileIdTableInitializer", "TextFileStringTableInitializer", "HasherSpec", "StrongHashSpec",
         "FastHashSpec", "index_table_from_file", "index_to_string_table_from_file")
globals().update({name: getattr(lookup_ops, name) for name in _CORE})


def index_table_from_tensor(mapping, num_oov_buckets=0, default_value=-1, hasher_spec=lookup_ops.FastHashSpec,
                            dtype=lookup_ops.dtypes.string, name=None):
    """A table mapping each string (or int) of the 1-D ``mapping`` to its position (TF1 contrib argument names)."""
    return lookup_ops.index_table_from_tensor(mapping, num_oov_buckets=num_oov_buckets, default_value=default_value,
                                              hasher_spec=hasher_spec, dtype=dtype, name=name)


def index_to_string_table_from_tensor(mapping, default_value="UNK", name=None):
    """A table mapping each position of the 1-D string ``mapping`` back to its string (TF1 contrib names)."""
    return lookup_ops.index_to_string_table_from_tensor(mapping, default_value=default_value, name=name)


def string_to_index(tensor, mapping, default_value=-1, name=None):
    """The position of each string of ``tensor`` in ``mapping`` (``default_value`` if absent); TF1's deprecated helper."""
    table = index_table_from_tensor(mapping, default_value=default_value, name=name)
    return table.lookup(tensor)


def index_to_string(tensor, mapping, default_value="UNK", name=None):
    """The string of ``mapping`` at each int64 position of ``tensor``; TF1's deprecated helper."""
    table = index_to_string_table_from_tensor(mapping, default_value=default_value, name=name)
    return table.lookup(tensor)


def string_to_index_table_from_file(vocabulary_file=None, num_oov_buckets=0, vocab_size=None, default_value=-1,
                                    hasher_spec=lookup_ops.FastHashSpec, name=None):
    """TF1's deprecated name of ``index_table_from_file`` for string keys."""
    return lookup_ops.index_table_from_file(vocabulary_file, num_oov_buckets, vocab_size, default_value,
                                            hasher_spec, name=name)


def string_to_index_table_from_tensor(mapping, num_oov_buckets=0, default_value=-1,
                                      hasher_spec=lookup_ops.FastHashSpec, name=None):
    """TF1's deprecated name of ``index_table_from_tensor`` for string keys."""
    return index_table_from_tensor(mapping, num_oov_buckets, default_value, hasher_spec, name=name)


class MutableHashTable(lookup_ops.MutableHashTable):
    """A mutable hash table with TF1's constructor (``shared_name`` fourth; TF2 names the table itself)."""

    def __init__(self, key_dtype, value_dtype, default_value, shared_name=None, name="MutableHashTable",
                 checkpoint=True):
        super().__init__(key_dtype, value_dtype, default_value, name=name, checkpoint=checkpoint)


class MutableDenseHashTable(lookup_ops.DenseHashTable):
    """An open-addressing mutable hash table with TF1's constructor (``shared_name`` before ``name``)."""

    def __init__(self, key_dtype, value_dtype, default_value, empty_key, deleted_key, initial_num_buckets=None,
                 shared_name=None, name="MutableDenseHashTable", checkpoint=True):
        super().__init__(key_dtype, value_dtype, default_value, empty_key, deleted_key,
                         initial_num_buckets=initial_num_buckets, name=name, checkpoint=checkpoint)


__all__ = sorted(set(_CORE) | {"index_table_from_tensor", "index_to_string_table_from_tensor", "string_to_index",
                               "index_to_string", "string_to_index_table_from_file",
                               "string_to_index_table_from_tensor", "MutableHashTable", "MutableDenseHashTable"})

__getattr__, __dir__ = contrib_module_hooks("contrib.lookup", __name__, __all__)
