"""scikit-learn 0.19's ``sklearn.cross_validation`` module (removed in 0.20), on today's ``model_selection``.

The splitters are 0.19's (``splitters``); the functions call today's ``model_selection`` with an
old-style ``cv``: ``None`` means 3 folds (today: 5), an integer means 0.19's ``StratifiedKFold``
for classifiers with binary or multiclass targets, otherwise ``KFold``.
"""
import numbers

from scipy import sparse
from sklearn import model_selection
from sklearn.base import is_classifier
from sklearn.utils.multiclass import type_of_target

from tf1compat.views.sklearn.splitters import KFold, LeaveOneOut, ShuffleSplit, StratifiedKFold

__all__ = ["KFold", "StratifiedKFold", "ShuffleSplit", "LeaveOneOut", "train_test_split", "cross_val_score",
           "cross_val_predict", "check_cv"]


def check_cv(cv, X=None, y=None, classifier=False):  # pylint: disable=invalid-name
    """0.19's cross-validation object for ``cv`` (None: 3 folds; an int: stratified for classifiers)."""
    cv = 3 if cv is None else cv
    if not isinstance(cv, numbers.Integral):
        return cv
    if classifier and type_of_target(y) in ("binary", "multiclass"):
        return StratifiedKFold(y, cv)
    if classifier:
        return KFold(len(y), cv)
    return KFold(X.shape[0] if sparse.issparse(X) else len(X), cv)


def _splits(estimator, X, y, cv):  # pylint: disable=invalid-name
    return list(check_cv(cv, X, y, classifier=is_classifier(estimator)))


def train_test_split(*arrays, test_size=None, train_size=None, random_state=None, stratify=None):
    """Random train/test split of each array (default test_size 0.25), as today's (same draws)."""
    if test_size is None and train_size is None:
        test_size = 0.25
    return model_selection.train_test_split(*arrays, test_size=test_size, train_size=train_size,
                                            random_state=random_state, stratify=stratify)


def cross_val_score(estimator, X, y=None, scoring=None, cv=None, n_jobs=1, verbose=0,  # pylint: disable=invalid-name
                    fit_params=None, pre_dispatch="2*n_jobs"):
    """Scores of ``estimator`` over 0.19's folds of ``cv``."""
    return model_selection.cross_val_score(estimator, X, y, scoring=scoring, cv=_splits(estimator, X, y, cv),
                                           n_jobs=n_jobs, verbose=verbose, params=fit_params,
                                           pre_dispatch=pre_dispatch)


def cross_val_predict(estimator, X, y=None, cv=None, n_jobs=1, verbose=0, fit_params=None,  # pylint: disable=invalid-name
                      pre_dispatch="2*n_jobs", method="predict"):
    """Out-of-fold predictions of ``estimator`` over 0.19's folds of ``cv``."""
    return model_selection.cross_val_predict(estimator, X, y, cv=_splits(estimator, X, y, cv), n_jobs=n_jobs,
                                             verbose=verbose, params=fit_params, pre_dispatch=pre_dispatch,
                                             method=method)


_NOT_PROVIDED = {  # 0.19 names this view does not serve -> today's replacement
    "StratifiedShuffleSplit": "sklearn.model_selection.StratifiedShuffleSplit(n_splits, test_size).split(X, y)",
    "LabelKFold": "sklearn.model_selection.GroupKFold(n_splits).split(X, y, groups)",
    "LeaveOneLabelOut": "sklearn.model_selection.LeaveOneGroupOut().split(X, y, groups)",
    "LeavePLabelOut": "sklearn.model_selection.LeavePGroupsOut(n_groups).split(X, y, groups)",
    "LabelShuffleSplit": "sklearn.model_selection.GroupShuffleSplit(n_splits).split(X, y, groups)",
    "LeavePOut": "sklearn.model_selection.LeavePOut(p).split(X)",
    "PredefinedSplit": "sklearn.model_selection.PredefinedSplit(test_fold).split()",
    "permutation_test_score": "sklearn.model_selection.permutation_test_score",
}


def __getattr__(name):
    if name in _NOT_PROVIDED:
        from tf1compat.errors import UnsupportedLegacyAPIError

        raise UnsupportedLegacyAPIError(f"sklearn.cross_validation.{name}",
                                        "tf1compat serves 0.19's KFold, StratifiedKFold, ShuffleSplit and LeaveOneOut "
                                        "only", _NOT_PROVIDED[name])
    raise AttributeError(f"module 'sklearn.cross_validation' has no attribute '{name}'")
