"""TF1's ``CategoricalVocabulary``: categories (words) to ids, id 0 for unknown; pickle-compatible with TF 1.x.

The attribute names (``_mapping``, ``_reverse_mapping``, ``_freq``, ...) are TF1's, because TF1
pickled the whole object: a vocabulary saved by TF1 loads here and the other way round.
"""
import collections

# The module path TF1's pickles name; `preprocessing` registers this module under it.
TF1_MODULE = "tensorflow.contrib.learn.python.learn.preprocessing.categorical_vocabulary"


class CategoricalVocabulary:
    """Accumulates categories and maps each to an id (in order of first sight; 0 is the unknown token)."""

    def __init__(self, unknown_token="<UNK>", support_reverse=True):
        self._unknown_token = unknown_token
        self._mapping = {unknown_token: 0}
        self._support_reverse = support_reverse
        if support_reverse:
            self._reverse_mapping = [unknown_token]
        self._freq = collections.defaultdict(int)
        self._freeze = False

    def __len__(self):
        """The number of ids, the unknown token included."""
        return len(self._mapping)

    def freeze(self, freeze=True):
        """Stop (or with ``False`` resume) giving new categories ids; frozen, they map to 0."""
        self._freeze = freeze

    def get(self, category):
        """The id of ``category``, given a new id first if it is new and the vocabulary is not frozen."""
        if category not in self._mapping:
            if self._freeze:
                return 0
            self._mapping[category] = len(self._mapping)
            if self._support_reverse:
                self._reverse_mapping.append(category)
        return self._mapping[category]

    def add(self, category, count=1):
        """Count ``count`` more sightings of ``category`` (giving it an id if new)."""
        if self.get(category) <= 0:
            return
        self._freq[category] += count

    def trim(self, min_frequency, max_frequency=-1):
        """Keep categories seen more than ``min_frequency`` times (and fewer than ``max_frequency`` if > 0).

        Ids are renumbered 1..n by decreasing frequency, ties in sorted order (as TF1 did).
        """
        by_name = sorted(self._freq.items(), key=lambda item: (isinstance(item[0], str), item[0]))
        ranked = sorted(by_name, key=lambda item: item[1], reverse=True)
        self._mapping = {self._unknown_token: 0}
        if self._support_reverse:
            self._reverse_mapping = [self._unknown_token]
        next_id = 1
        for category, count in ranked:
            if max_frequency > 0 and count >= max_frequency:
                continue
            if count <= min_frequency:
                break
            self._mapping[category] = next_id
            next_id += 1
            if self._support_reverse:
                self._reverse_mapping.append(category)
        self._freq = dict(ranked[:next_id - 1])

    def reverse(self, class_id):
        """The category of id ``class_id``; ValueError if built with ``support_reverse=False``."""
        if not self._support_reverse:
            raise ValueError("This vocabulary wasn't initalized with support_reverse to support reverse() function.")
        return self._reverse_mapping[class_id]
