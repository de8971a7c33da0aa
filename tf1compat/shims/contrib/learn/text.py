"""TF1's ``VocabularyProcessor`` (documents -> fixed-length word-id rows) and ``ByteProcessor``.

``save`` writes, and ``restore`` reads, the pickle TF1 wrote: the whole processor object, its
classes named by their TF1 module paths (``preprocessing`` registers those paths).
"""
import pickle
import re

import numpy as np
import tensorflow

from tf1compat.shims.contrib.learn.categorical_vocabulary import CategoricalVocabulary

# The module path TF1's pickles name; `preprocessing` registers this module under it.
TF1_MODULE = "tensorflow.contrib.learn.python.learn.preprocessing.text"
TOKENIZER_RE = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Z][a-z]+(?=[A-Z])|[\'\w\-]+", re.UNICODE)


def tokenizer(iterator):
    """Yield the list of tokens (TF1's regular expression) of each string of ``iterator``."""
    for value in iterator:
        yield TOKENIZER_RE.findall(value)


class ByteProcessor:
    """Maps documents to rows of ``max_document_length`` UTF-8 byte values (zero-padded)."""

    def __init__(self, max_document_length):
        self.max_document_length = max_document_length

    def fit(self, x):
        """Nothing to learn."""

    def fit_transform(self, x):
        """Same as ``transform``."""
        return self.transform(x)

    def reverse(self, x):
        """Yield the text of each byte row (trailing zeros dropped; ``""`` if not valid UTF-8)."""
        for data in x:
            document = np.trim_zeros(np.asarray(data).astype(np.int8), trim="b").tobytes()
            try:
                yield document.decode("utf-8")
            except UnicodeDecodeError:
                yield ""

    def transform(self, x):
        """Yield one uint8 row per document: its first bytes, zero-padded to ``max_document_length``."""
        for document in x:
            if isinstance(document, str):
                document = document.encode("utf-8")
            row = np.frombuffer(memoryview(document)[:self.max_document_length], dtype=np.uint8)
            yield np.pad(row, (0, self.max_document_length - len(row)), "constant")


class VocabularyProcessor:
    """Maps documents to rows of word ids, truncated or zero-padded to ``max_document_length``.

    ``fit`` learns a ``CategoricalVocabulary`` (words seen more than ``min_frequency`` times when it
    is > 0); unknown words and padding are id 0.
    """

    def __init__(self, max_document_length, min_frequency=0, vocabulary=None, tokenizer_fn=None):
        self.max_document_length = max_document_length
        self.min_frequency = min_frequency
        self.vocabulary_ = vocabulary if vocabulary else CategoricalVocabulary()
        self._tokenizer = tokenizer_fn if tokenizer_fn else tokenizer

    def fit(self, raw_documents, unused_y=None):
        """Learn (then freeze) the vocabulary of ``raw_documents``; returns self."""
        for tokens in self._tokenizer(raw_documents):
            for token in tokens:
                self.vocabulary_.add(token)
        if self.min_frequency > 0:
            self.vocabulary_.trim(self.min_frequency)
        self.vocabulary_.freeze()
        return self

    def fit_transform(self, raw_documents, unused_y=None):
        """``fit`` then ``transform`` (``raw_documents`` is read twice: pass a list, not a generator)."""
        self.fit(raw_documents)
        return self.transform(raw_documents)

    def transform(self, raw_documents):
        """Yield one int64 row of ``max_document_length`` word ids per document."""
        for tokens in self._tokenizer(raw_documents):
            word_ids = np.zeros(self.max_document_length, np.int64)
            for index, token in enumerate(tokens[:self.max_document_length]):
                word_ids[index] = self.vocabulary_.get(token)
            yield word_ids

    def reverse(self, documents):
        """Yield each row of ids as its words joined by spaces (id 0 -> ``<UNK>``)."""
        for item in documents:
            yield " ".join(self.vocabulary_.reverse(class_id) for class_id in item)

    def save(self, filename):
        """Pickle this processor to ``filename`` (any ``tf.io.gfile`` path), as TF1 did.

        Protocol 2, which every Python that ran TF 1.x (2.7 and 3.x) reads.
        """
        with tensorflow.io.gfile.GFile(filename, "wb") as handle:
            handle.write(pickle.dumps(self, protocol=2))

    @classmethod
    def restore(cls, filename):
        """The processor pickled in ``filename`` (by TF1 or by ``save``)."""
        with tensorflow.io.gfile.GFile(filename, "rb") as handle:
            return pickle.loads(handle.read())
