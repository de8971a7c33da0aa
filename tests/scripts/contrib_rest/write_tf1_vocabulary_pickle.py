"""Write the pickle TF 1.x's `VocabularyProcessor.save` produced (no TensorFlow needed), for restore tests.

Usage: write_tf1_vocabulary_pickle.py PATH. The object graph is TF1's: a VocabularyProcessor
(`max_document_length`, `min_frequency`, `vocabulary_`, `_tokenizer`) holding a
CategoricalVocabulary (`_unknown_token`, `_mapping`, `_support_reverse`, `_reverse_mapping`,
`_freq`, `_freeze`), each class named by its module path in TF 1.x.
"""
import collections
import pickle
import sys
import types

TEXT = "tensorflow.contrib.learn.python.learn.preprocessing.text"
VOCABULARY = "tensorflow.contrib.learn.python.learn.preprocessing.categorical_vocabulary"


def stand_in_modules():
    """Modules at TF1's paths holding empty classes and a tokenizer function with TF1's names."""
    text, vocabulary = types.ModuleType(TEXT), types.ModuleType(VOCABULARY)
    text.VocabularyProcessor = type("VocabularyProcessor", (), {"__module__": TEXT})
    vocabulary.CategoricalVocabulary = type("CategoricalVocabulary", (), {"__module__": VOCABULARY})

    def tokenizer(iterator):
        return iterator

    tokenizer.__module__, tokenizer.__qualname__ = TEXT, "tokenizer"
    text.tokenizer = tokenizer
    sys.modules[TEXT], sys.modules[VOCABULARY] = text, vocabulary
    return text, vocabulary


def main(path):
    text, vocabulary_module = stand_in_modules()
    vocabulary = vocabulary_module.CategoricalVocabulary()
    freq = collections.defaultdict(int, {"hello": 2, "world": 2})
    vocabulary.__dict__.update(_unknown_token="<UNK>", _mapping={"<UNK>": 0, "hello": 1, "world": 2},
                               _support_reverse=True, _reverse_mapping=["<UNK>", "hello", "world"], _freq=freq,
                               _freeze=True)
    processor = text.VocabularyProcessor()
    processor.__dict__.update(max_document_length=3, min_frequency=0, vocabulary_=vocabulary,
                              _tokenizer=text.tokenizer)
    with open(path, "wb") as handle:
        handle.write(pickle.dumps(processor, protocol=2))  # TF1 ran on Python 2 and 3: protocol 2 reads on both


if __name__ == "__main__":
    main(sys.argv[1])
