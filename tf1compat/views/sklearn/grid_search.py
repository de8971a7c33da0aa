"""scikit-learn 0.19's ``sklearn.grid_search`` module (removed in 0.20): today's searches with 0.19's defaults.

``GridSearchCV`` / ``RandomizedSearchCV`` take 0.19's arguments (``fit_params``, ``iid``, ``n_jobs=1``,
``error_score='raise'``), cross-validate over 0.19's folds (``cv=None``: 3) and expose ``grid_scores_``
(one ``(parameters, mean_validation_score, cv_validation_scores)`` per candidate). They are subclasses of
today's classes, so everything else (``best_params_``, ``cv_results_``, ``predict``) is today's.
"""
import collections

import numpy
from sklearn import model_selection
from sklearn.base import is_classifier
from sklearn.model_selection import ParameterGrid, ParameterSampler

from tf1compat.views.sklearn.cross_validation import check_cv

__all__ = ["GridSearchCV", "RandomizedSearchCV", "ParameterGrid", "ParameterSampler"]

CVScoreTuple = collections.namedtuple("_CVScoreTuple", ("parameters", "mean_validation_score", "cv_validation_scores"))


class _OldSearch:
    """What 0.19's searches did differently: old folds, fit_params at construction, grid_scores_."""

    def fit(self, X, y=None, groups=None, **fit_params):  # pylint: disable=invalid-name
        folds = list(check_cv(self.cv, X, y, classifier=is_classifier(self.estimator)))
        requested, self.cv = self.cv, folds
        try:
            return super().fit(X, y, groups=groups, **{**(self.fit_params or {}), **fit_params})
        finally:
            self.cv = requested

    @property
    def grid_scores_(self):
        results = self.cv_results_
        splits = sorted(key for key in results if key.startswith("split") and key.endswith("_test_score"))
        return [CVScoreTuple(parameters, results["mean_test_score"][index],
                             numpy.array([results[key][index] for key in splits]))
                for index, parameters in enumerate(results["params"])]


class GridSearchCV(_OldSearch, model_selection.GridSearchCV):
    """Exhaustive search over ``param_grid``, with 0.19's arguments and defaults."""

    def __init__(self, estimator, param_grid, scoring=None, fit_params=None, n_jobs=1, iid=True, refit=True,
                 cv=None, verbose=0, pre_dispatch="2*n_jobs", error_score="raise", return_train_score=True):
        super().__init__(estimator, param_grid, scoring=scoring, n_jobs=n_jobs, refit=refit, cv=cv, verbose=verbose,
                         pre_dispatch=pre_dispatch, error_score=error_score, return_train_score=return_train_score)
        self.fit_params, self.iid = fit_params, iid


class RandomizedSearchCV(_OldSearch, model_selection.RandomizedSearchCV):
    """``n_iter`` random candidates from ``param_distributions``, with 0.19's arguments and defaults."""

    def __init__(self, estimator, param_distributions, n_iter=10, scoring=None, fit_params=None, n_jobs=1, iid=True,
                 refit=True, cv=None, verbose=0, pre_dispatch="2*n_jobs", random_state=None, error_score="raise",
                 return_train_score=True):
        super().__init__(estimator, param_distributions, n_iter=n_iter, scoring=scoring, n_jobs=n_jobs, refit=refit,
                         cv=cv, verbose=verbose, pre_dispatch=pre_dispatch, random_state=random_state,
                         error_score=error_score, return_train_score=return_train_score)
        self.fit_params, self.iid = fit_params, iid
