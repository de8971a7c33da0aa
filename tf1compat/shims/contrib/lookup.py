"""``tf.contrib.lookup`` for TF1 scripts: TensorFlow's lookup tables (still in core) under their TF 1.15 contrib names."""
import tensorflow
from tensorflow.python.ops import lookup_ops

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks

# contrib.lookup re-exported these core lookup_ops names unchanged.
_CORE = ("IdTableWithHashBuckets", "InitializableLookupTableBase", "KeyValueTensorInitializer",
         "LookupInterface", "TableInitializerBase", "TextFileIndex", "TextFileInitializer",
         "TextFileIdTableInitializer", "TextFileStringTableInitializer", "HasherSpec", "StrongHashSpec",
         "FastHashSpec", "index_table_from_file", "index_to_string_table_from_file")
globals().update({name: getattr(lookup_ops, name) for name in _CORE})
_v1 = tensorflow.compat.v1


def index_table_from_tensor(mapping, num_oov_buckets=0, default_value=-1, hasher_spec=lookup_ops.FastHashSpec,
                            dtype=_v1.string, name=None):
    """A table mapping each string (or int) of the 1-D ``mapping`` to its position (TF1 contrib argument names)."""
    if mapping is None:
        raise ValueError("mapping must be specified.")
    return lookup_ops.index_table_from_tensor(mapping, num_oov_buckets=num_oov_buckets, default_value=default_value,
                                              hasher_spec=hasher_spec, dtype=dtype, name=name)


def index_to_string_table_from_tensor(mapping, default_value="UNK", name=None):
    """A table mapping each position of the 1-D string ``mapping`` back to its string (TF1 contrib names)."""
    if mapping is None:
        raise ValueError("mapping must be specified.")
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
                                            hasher_spec, key_dtype=_v1.string, name=name)


def string_to_index_table_from_tensor(mapping, num_oov_buckets=0, default_value=-1,
                                      hasher_spec=lookup_ops.FastHashSpec, name=None):
    """TF1's deprecated name of ``index_table_from_tensor`` for string keys (ValueError for other dtypes)."""
    with _v1.name_scope(name, "string_to_index") as scope:
        mapping = _v1.convert_to_tensor(mapping)
    if mapping.dtype.base_dtype != _v1.string:
        raise ValueError("string_to_index_table_from_tensor requires string.")
    return index_table_from_tensor(mapping, num_oov_buckets, default_value, hasher_spec, name=scope)


class HashTable(lookup_ops.HashTable):
    """An initialise-once hash table with TF1 contrib's constructor (``shared_name`` third; TF2 names the
    shared resource itself, so it is accepted and not used). ``table.init`` is its initializer op.
    """

    def __init__(self, initializer, default_value, shared_name=None, name=None):
        super().__init__(initializer, default_value, name=name)


# TF 1.15's contrib.lookup already took these from core, with the signatures core still has.
MutableHashTable = lookup_ops.MutableHashTable
MutableDenseHashTable = lookup_ops.DenseHashTable


__all__ = sorted(set(_CORE) | {"index_table_from_tensor", "index_to_string_table_from_tensor", "string_to_index",
                               "index_to_string", "string_to_index_table_from_file",
                               "string_to_index_table_from_tensor", "HashTable", "MutableHashTable",
                               "MutableDenseHashTable"})

__getattr__, __dir__ = contrib_module_hooks("contrib.lookup", __name__, __all__)
