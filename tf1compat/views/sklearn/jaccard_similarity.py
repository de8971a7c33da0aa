"""scikit-learn 0.19's ``metrics.jaccard_similarity_score`` (removed in 0.23).

For binary and multiclass targets it was the accuracy (the share of equal labels). For multilabel
indicator matrices it was each sample's |true AND predicted| / |true OR predicted|, 1.0 for a sample
with no label on either side, averaged over samples (weighted by ``sample_weight``) or summed
(``normalize=False``). Today's ``jaccard_score`` differs: it averages per label by default and scores
an empty sample 0.
"""
import numpy
from scipy import sparse
from sklearn.metrics import accuracy_score
from sklearn.utils.multiclass import type_of_target


def jaccard_similarity_score(y_true, y_pred, normalize=True, sample_weight=None):
    """The mean (``normalize=False``: the sum) over samples of 0.19's Jaccard similarity of their label sets."""
    # accuracy_score checks the targets as 0.19's did (lengths, no mix of multilabel and multiclass)
    accuracy = accuracy_score(y_true, y_pred, normalize=normalize, sample_weight=sample_weight)
    if not type_of_target(y_true).startswith("multilabel"):
        return accuracy
    true, pred = (y.toarray() if sparse.issparse(y) else numpy.asarray(y) for y in (y_true, y_pred))
    either = numpy.count_nonzero(true + pred, axis=1)
    both = numpy.count_nonzero(true * pred, axis=1)
    with numpy.errstate(divide="ignore", invalid="ignore"):
        score = both / either
    score[either == 0] = 1.0
    if normalize:
        return numpy.average(score, weights=sample_weight)
    return score.sum() if sample_weight is None else numpy.dot(score, sample_weight)
