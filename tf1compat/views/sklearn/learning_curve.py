"""scikit-learn 0.19's ``sklearn.learning_curve`` module (removed in 0.20): today's functions over 0.19's folds."""
import numpy
from sklearn import model_selection
from sklearn.base import is_classifier

from tf1compat.views.sklearn.cross_validation import check_cv

__all__ = ["learning_curve", "validation_curve"]


def learning_curve(estimator, X, y, train_sizes=numpy.linspace(0.1, 1.0, 5), cv=None, scoring=None,  # pylint: disable=invalid-name
                   exploit_incremental_learning=False, n_jobs=1, pre_dispatch="all", verbose=0, error_score="raise"):
    """``(train_sizes_abs, train_scores, test_scores)`` over 0.19's folds (``cv=None``: 3)."""
    folds = list(check_cv(cv, X, y, classifier=is_classifier(estimator)))
    return model_selection.learning_curve(estimator, X, y, train_sizes=train_sizes, cv=folds, scoring=scoring,
                                          exploit_incremental_learning=exploit_incremental_learning, n_jobs=n_jobs,
                                          pre_dispatch=pre_dispatch, verbose=verbose, error_score=error_score)


def validation_curve(estimator, X, y, param_name, param_range, cv=None, scoring=None, n_jobs=1,  # pylint: disable=invalid-name
                     pre_dispatch="all", verbose=0):
    """``(train_scores, test_scores)`` for each value of ``param_name`` over 0.19's folds (``cv=None``: 3)."""
    folds = list(check_cv(cv, X, y, classifier=is_classifier(estimator)))
    return model_selection.validation_curve(estimator, X, y, param_name=param_name, param_range=param_range,
                                            cv=folds, scoring=scoring, n_jobs=n_jobs, pre_dispatch=pre_dispatch,
                                            verbose=verbose)
