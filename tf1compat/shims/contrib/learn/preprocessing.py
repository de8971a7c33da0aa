"""``tf.contrib.learn.preprocessing`` for TF1 scripts: VocabularyProcessor and friends, pickle-compatible with TF1.

TF1 pickled a ``VocabularyProcessor`` as a whole, so its file names the classes' TF1 modules
(``tensorflow.contrib.learn.python.learn.preprocessing.text``, ``...categorical_vocabulary``, ``...categorical``).
Importing this module registers the shim modules under those names in ``sys.modules`` and gives
the classes those module names: TF1 files unpickle here, and files saved here unpickle in TF1.
"""
import sys

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks
from tf1compat.shims.contrib.learn import categorical, categorical_vocabulary, text
from tf1compat.shims.contrib.learn.categorical import CategoricalProcessor
from tf1compat.shims.contrib.learn.categorical_vocabulary import CategoricalVocabulary
from tf1compat.shims.contrib.learn.text import ByteProcessor, VocabularyProcessor, tokenizer


def register_tf1_module_paths():
    """Make each pickled class (and the default tokenizer) resolvable under its TF1 module path."""
    for module, names in ((text, ("VocabularyProcessor", "ByteProcessor", "tokenizer")),
                          (categorical_vocabulary, ("CategoricalVocabulary",)),
                          (categorical, ("CategoricalProcessor",))):
        sys.modules.setdefault(module.TF1_MODULE, module)
        for name in names:
            getattr(module, name).__module__ = module.TF1_MODULE


register_tf1_module_paths()

__all__ = ["ByteProcessor", "CategoricalProcessor", "CategoricalVocabulary", "VocabularyProcessor", "categorical",
           "categorical_vocabulary", "text", "tokenizer"]

__getattr__, __dir__ = contrib_module_hooks("contrib.learn.preprocessing", __name__, __all__)
