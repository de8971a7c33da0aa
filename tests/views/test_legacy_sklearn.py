"""The legacy scikit-learn view: 0.19's cross_validation splitters, grid_search, learning_curve, joblib, Imputer,
jaccard_similarity_score, six, and the withdrawn datasets' errors."""
import joblib
import numpy
import pytest
import six
from scipy import sparse
from sklearn import model_selection
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge

from tf1compat.errors import UnsupportedLegacyAPIError
from tf1compat.views.sklearn import cross_validation, grid_search, learning_curve
from tf1compat.views.sklearn.imputer import Imputer


def as_lists(splits):
    return [(train.tolist(), test.tolist()) for train, test in splits]


def test_kfold_of_n_yields_index_arrays_and_has_a_length():
    folds = cross_validation.KFold(5, n_folds=2)
    assert len(folds) == 2
    assert as_lists(folds) == [([3, 4], [0, 1, 2]), ([0, 1, 2], [3, 4])]  # the first n % n_folds folds one larger
    assert as_lists(folds) == as_lists(folds)  # iterable again
    shuffled = cross_validation.KFold(6, n_folds=3, shuffle=True, random_state=0)
    tests = [test.tolist() for _, test in shuffled]
    assert all(test == sorted(test) for test in tests) and sorted(sum(tests, [])) == list(range(6))
    order = numpy.arange(6)
    numpy.random.RandomState(0).shuffle(order)  # shuffled once, as 0.19 did, then cut in order
    assert tests == [sorted(order[:2].tolist()), sorted(order[2:4].tolist()), sorted(order[4:].tolist())]
    with pytest.raises(ValueError, match="n_folds=1"):
        cross_validation.KFold(4, n_folds=1)
    with pytest.raises(ValueError, match="greater than the number of samples: 3"):
        cross_validation.KFold(3, n_folds=4)


def test_stratified_kfold_and_shuffle_split_give_0_19s_documented_splits():
    assert as_lists(cross_validation.StratifiedKFold([0, 0, 1, 1], n_folds=2)) == [([1, 3], [0, 2]), ([0, 2], [1, 3])]
    labels = [0, 0, 0, 1, 1, 1, 1, 1, 1]
    folds = cross_validation.StratifiedKFold(labels, n_folds=3)
    assert folds.test_folds.tolist() == [0, 1, 2, 0, 0, 1, 1, 2, 2] and len(folds) == 3
    splits = cross_validation.ShuffleSplit(4, n_iter=3, test_size=.25, random_state=0)
    assert len(splits) == 3
    assert as_lists(splits) == [([3, 1, 0], [2]), ([2, 1, 3], [0]), ([0, 2, 1], [3])]
    assert as_lists(cross_validation.ShuffleSplit(4, n_iter=3, train_size=0.5, test_size=.25, random_state=0)) == [
        ([3, 1], [2]), ([2, 1], [0]), ([0, 2], [3])]
    assert as_lists(cross_validation.LeaveOneOut(3)) == [([1, 2], [0]), ([0, 2], [1]), ([0, 1], [2])]


def test_functions_use_three_old_folds_by_default():
    features = numpy.random.RandomState(0).randn(30, 2)
    target = (features[:, 0] > 0).astype(int)
    scores = cross_validation.cross_val_score(LogisticRegression(), features, target)
    folds = list(cross_validation.StratifiedKFold(target, 3))
    expected = model_selection.cross_val_score(LogisticRegression(), features, target, cv=folds)
    assert scores.tolist() == expected.tolist() and len(scores) == 3
    assert cross_validation.cross_val_predict(LogisticRegression(), features, target).shape == (30,)
    train, test = cross_validation.train_test_split(numpy.arange(8), random_state=0)
    assert (len(train), len(test)) == (6, 2)  # test_size 0.25, rounded up
    permutation = numpy.random.RandomState(0).permutation(8)
    assert test.tolist() == permutation[:2].tolist() and train.tolist() == permutation[2:].tolist()
    sizes, train_scores, _ = learning_curve.learning_curve(Ridge(), features, features[:, 1], train_sizes=[0.5, 1.0])
    assert sizes.tolist() == [10, 20] and train_scores.shape == (2, 3)


def test_grid_search_takes_0_19_arguments_and_keeps_grid_scores():
    features = numpy.random.RandomState(1).randn(24, 2)
    target = (features[:, 1] > 0).astype(int)
    search = grid_search.GridSearchCV(LogisticRegression(), {"C": [0.1, 1.0]}, fit_params=None, iid=True)
    search.fit(features, target)
    assert [score.parameters for score in search.grid_scores_] == [{"C": 0.1}, {"C": 1.0}]
    assert search.grid_scores_[1].cv_validation_scores.shape == (3,)
    assert search.grid_scores_[1].mean_validation_score == search.cv_results_["mean_test_score"][1]
    assert search.cv is None and search.get_params()["iid"] is True  # the old arguments survive clone/get_params
    assert isinstance(search, model_selection.GridSearchCV) and search.best_params_ in ({"C": 0.1}, {"C": 1.0})


def test_imputer_is_a_simple_imputer_and_rows_are_refused():
    imputer = Imputer(strategy="median")
    assert isinstance(imputer, SimpleImputer)
    assert imputer.fit_transform([[1.0, numpy.nan], [3.0, 4.0], [5.0, 8.0]]).tolist() == [[1, 6], [3, 4], [5, 8]]
    with pytest.raises(UnsupportedLegacyAPIError, match=r"`sklearn.preprocessing.Imputer\(axis=1\)` is not provided"):
        Imputer(axis=1)


def test_a_legacy_script_imports_the_removed_modules(legacy_module):
    script = legacy_module("""
        from sklearn.cross_validation import KFold, train_test_split
        from sklearn import cross_validation, grid_search
        import sklearn.learning_curve
        from sklearn.externals import joblib
        import sklearn.externals.joblib as joblib_too
        from sklearn.preprocessing import Imputer, StandardScaler
        """)
    assert script.KFold is cross_validation.KFold and script.cross_validation is cross_validation
    assert script.grid_search is grid_search and script.sklearn.learning_curve is learning_curve
    assert script.joblib is joblib and script.joblib_too is joblib and script.Imputer is Imputer
    assert script.StandardScaler.__module__.startswith("sklearn.preprocessing")


def test_0_19_splitters_not_served_name_their_replacement():
    with pytest.raises(UnsupportedLegacyAPIError, match=r"`sklearn.cross_validation.LabelKFold` is not provided .*"
                                                         r"Replacement: sklearn.model_selection.GroupKFold"):
        cross_validation.LabelKFold  # noqa: B018
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        cross_validation.nothing  # noqa: B018


def test_jaccard_similarity_score_is_0_19s(legacy_module):
    script = legacy_module("from sklearn.metrics import jaccard_similarity_score as score\n")
    assert (script.score([0, 1, 2, 3], [0, 2, 1, 3]), script.score([0, 1, 2, 3], [0, 2, 1, 3], normalize=False)) == (
        0.5, 2)  # 0.19's docstring: the accuracy, for multiclass
    assert script.score([0, 1, 1, 0], [0, 1, 0, 0], sample_weight=[1, 1, 2, 1]) == 0.6
    assert script.score(numpy.array([[0, 1], [1, 1]]), numpy.ones((2, 2))) == 0.75  # 0.19's docstring: multilabel
    true, predicted = numpy.array([[0, 1], [1, 1], [0, 0]]), numpy.array([[1, 1], [1, 1], [0, 0]])
    assert script.score(true, predicted) == pytest.approx((0.5 + 1 + 1) / 3)  # nothing on either side: 1
    assert script.score(true, predicted, normalize=False) == 2.5
    assert script.score(sparse.csr_matrix(true), sparse.csr_matrix(predicted), sample_weight=[1, 2, 1]) == 0.875
    with pytest.raises(ValueError, match="can't handle a mix of binary and multilabel-indicator targets"):
        script.score([0, 1], [[0, 1], [1, 1]])


def test_removed_datasets_import_and_their_calls_name_the_replacements(legacy_module):
    script = legacy_module("""
        from sklearn.datasets import load_boston, fetch_mldata, load_iris
        from sklearn.externals import six
        from sklearn.externals.six.moves import range as six_range
        """)
    assert script.six is six and script.six_range is range and script.load_iris().data.shape == (150, 4)
    with pytest.raises(UnsupportedLegacyAPIError, match=(
            r"^`sklearn.datasets.load_boston\(\)` is not provided by tf1compat's legacy views: scikit-learn 1.2 "
            r"removed the Boston house-prices data for an ethical problem with its feature B .* and tf1compat does "
            r"not ship it. Replacement: sklearn.datasets.fetch_california_housing\(\) \(another regression set\), "
            r"or, to study the original, sklearn.datasets.fetch_openml\(name=\"boston\", version=1\); each downloads "
            r"once \(network\), then reads its cache$")):
        script.load_boston()
    with pytest.raises(UnsupportedLegacyAPIError, match=(
            r"^`sklearn.datasets.fetch_mldata\('MNIST original'\)` is not provided by tf1compat's legacy views: "
            r"scikit-learn 0.22 removed it: mldata.org, where it downloaded from, closed in 2018. Replacement: "
            r"sklearn.datasets.fetch_openml\('mnist_784', version=1, as_frame=False\) .* or offline tf1compat's MNIST "
            r"reader: from tensorflow.examples.tutorials.mnist import input_data; input_data.read_data_sets\(folder\)")):
        script.fetch_mldata("MNIST original")
    with pytest.raises(UnsupportedLegacyAPIError, match=r"fetch_mldata\('leukemia'\)` .* Replacement: "
                                                         r"sklearn.datasets.fetch_openml\(name=\.\.\., version=\.\.\.\)"):
        script.fetch_mldata("leukemia")

