"""The legacy scikit-learn view: 0.19's cross_validation splitters, grid_search, learning_curve, joblib, Imputer,
the estimators' old keywords (TSNE n_iter, OneHotEncoder sparse, KMeans n_jobs), jaccard_similarity_score, six,
and the withdrawn datasets' errors."""
import joblib
import numpy
import pytest
import six
from scipy import sparse
from sklearn import clone, model_selection
from sklearn.cluster import KMeans
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.manifold import TSNE
from sklearn.preprocessing import OneHotEncoder

import tf1compat
from migration.scan.engine import scan_text
from tests.views.legacy_stack_loader import LOAD_LIBRARY
from tf1compat.errors import UnsupportedLegacyAPIError
from tf1compat.views import sklearn as sklearn_view
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


ESTIMATORS = """
import numpy as np
from sklearn.cluster import KMeans
from sklearn.manifold import TSNE
from sklearn.preprocessing import OneHotEncoder

points = np.random.RandomState(0).randn(30, 5)
tsne = TSNE(n_components=2, perplexity=5, init="pca", n_iter=250, method="exact", random_state=0)
embedding = tsne.fit_transform(points)
dense = OneHotEncoder(sparse=False).fit_transform([[0, 1], [1, 0], [2, 1]])
sparse = OneHotEncoder(sparse=True).fit_transform([[0, 1], [1, 0], [2, 1]])
defaults = OneHotEncoder(categorical_features="all", n_values="auto")
kmeans = KMeans(2, n_init=3, random_state=0, n_jobs=4, precompute_distances=True).fit(points)


def make(estimator, **keywords):
    return {{"TSNE": TSNE, "OneHotEncoder": OneHotEncoder}}[estimator](**keywords)
{load_library}
"""
ESTIMATORS_LIBRARY = """
from sklearn.cluster import KMeans
from sklearn.manifold import TSNE
from sklearn.preprocessing import OneHotEncoder

refused = []
for estimator, keywords in ((TSNE, {"n_iter": 250}), (OneHotEncoder, {"sparse": False}), (KMeans, {"n_jobs": 2})):
    try:
        estimator(**keywords)
    except TypeError as error:
        refused.append(str(error))
"""


@pytest.fixture
def estimators(legacy_module, library_file):
    return legacy_module(ESTIMATORS, load_library=LOAD_LIBRARY.format(path=library_file(ESTIMATORS_LIBRARY)))


def test_tsne_n_iter_is_max_iter_for_the_script(estimators):
    assert estimators.tsne.max_iter == 250 and "n_iter" not in estimators.tsne.get_params()
    today = TSNE(n_components=2, perplexity=5, init="pca", max_iter=250, method="exact", random_state=0)
    assert estimators.embedding.shape == (30, 2)
    assert numpy.array_equal(estimators.embedding, today.fit_transform(estimators.points))
    assert repr(clone(estimators.tsne)) == repr(today)  # clone and repr see today's parameters only
    with pytest.raises(TypeError, match=r"^TSNE\(\) got both n_iter= \(its scikit-learn 0.19 name\) and max_iter=; "
                                        r"pass max_iter= only$"):
        estimators.make("TSNE", n_iter=300, max_iter=300)


def test_one_hot_encoder_sparse_false_is_dense_and_old_columns_arguments_are_refused(estimators):
    assert estimators.dense.tolist() == [[1, 0, 0, 0, 1], [0, 1, 0, 1, 0], [0, 0, 1, 0, 1]]
    assert isinstance(estimators.dense, numpy.ndarray) and sparse.issparse(estimators.sparse)
    assert estimators.sparse.toarray().tolist() == estimators.dense.tolist()
    assert estimators.defaults.get_params() == OneHotEncoder().get_params()  # 0.19's defaults asked for today's
    with pytest.raises(UnsupportedLegacyAPIError, match=(
            r"^`OneHotEncoder\(categorical_features=\.\.\.\)` is not provided by tf1compat's legacy views: 0.19's "
            r"encoder took non-negative integer codes, encoded the chosen columns, .* Replacement: "
            r"sklearn.compose.ColumnTransformer\(\[\(\"onehot\", OneHotEncoder\(\), columns\)\], "
            r"remainder=\"passthrough\"\) \(encoded columns first, the others after, as 0.19 put them\)$")):
        estimators.make("OneHotEncoder", categorical_features=[0])
    with pytest.raises(UnsupportedLegacyAPIError, match=r"^`OneHotEncoder\(n_values=\.\.\.\)` is not provided .* "
                                                         r"Replacement: OneHotEncoder\(categories="):
        estimators.make("OneHotEncoder", n_values=3)


def test_kmeans_parallelism_keywords_are_ignored(estimators):
    today = KMeans(2, n_init=3, random_state=0).fit(estimators.points)
    assert estimators.kmeans.labels_.tolist() == today.labels_.tolist()
    assert estimators.kmeans.get_params() == today.get_params()


def test_outside_the_scope_estimators_refuse_the_old_keywords(estimators):
    assert estimators.library.refused == [
        "TSNE.__init__() got an unexpected keyword argument 'n_iter'",
        "OneHotEncoder.__init__() got an unexpected keyword argument 'sparse'",
        "KMeans.__init__() got an unexpected keyword argument 'n_jobs'"]
    with pytest.raises(TypeError, match="unexpected keyword argument 'n_iter'"):  # this file is not in the scope
        TSNE(n_iter=250)
    assert TSNE.__init__.__tf1compat_wraps__  # wrapped while the view is active, unwrapped by deactivate
    tf1compat.deactivate()
    assert not any(hasattr(cls.__init__, "__tf1compat_wraps__") for cls in (TSNE, OneHotEncoder, KMeans))


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


def test_report_and_scan_name_the_keywords_and_the_names_not_provided(estimators):
    lines = "\n".join(sklearn_view.report_lines())  # uses add up over the tests of this process
    assert "  TSNE.__init__(n_iter=)                   [removed in scikit-learn 1.7] -> TSNE(max_iter=...) (" in lines
    assert "  KMeans.__init__(precompute_distances=)   [removed in scikit-learn 1.0] -> nothing (" in lines
    findings = scan_text("from sklearn.manifold import TSNE\nfrom sklearn.datasets import load_boston\n"
                         "embedding = TSNE(init='pca', n_iter=5000, method='exact')\n")
    assert [(f.line, f.col, f.severity, f.symbol, f.kind) for f in findings] == [
        (2, 30, "ERROR", "sklearn.datasets.load_boston", "removed"),
        (3, 30, "WARNING", "sklearn.manifold.TSNE(n_iter=)", "provided")]
    assert findings[1].message == ("`n_iter=` of sklearn.manifold.TSNE was removed in scikit-learn 1.7 (tf1compat's "
                                   "legacy scikit-learn view accepts it); now: TSNE(max_iter=...)")
    assert findings[0].message.startswith("`sklearn.datasets.load_boston` was removed in scikit-learn 1.2 "
                                          "(tf1compat's legacy scikit-learn view cannot provide it); now: ")
