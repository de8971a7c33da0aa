"""The scikit-learn 0.19 knowledge: the modules, names and keywords scikit-learn removed that TF1-era code uses.

Keys are dotted paths under ``sklearn`` for names and modules (served by the modules beside this one), and
``Class.__init__(keyword=)`` for a keyword of an estimator's constructor. ``NOT_PROVIDED`` are the keys whose
view raises ``UnsupportedLegacyAPIError`` with the replacement (the data is gone, or 0.19's behaviour is not
rebuilt); ``SCAN_TABLE`` spells the keywords as ``migration.scan`` finds them: ``sklearn.manifold.TSNE(n_iter=)``.
"""
from tf1compat.views.legacy_name import KEYWORD, MODULE, LegacyName

_HERE = "tf1compat.views.sklearn"
_KEYWORDS = f"{_HERE}.estimator_keywords"
_TSNE, _KMEANS = ("sklearn.manifold:TSNE",), ("sklearn.cluster:KMeans",)
_ONE_HOT = ("sklearn.preprocessing:OneHotEncoder",)


def _keyword(factory, did, replacement, removed_in, owners):
    return LegacyName(f"{_KEYWORDS}:{factory}", did, replacement, removed_in, KEYWORD, owners)


TABLE = {
    "cross_validation": LegacyName(
        f"{_HERE}.cross_validation", "KFold(n, n_folds), StratifiedKFold(y, n_folds), ShuffleSplit(n, n_iter), "
        "train_test_split, cross_val_score (cv=None: 3 folds)",
        "sklearn.model_selection (KFold(n_splits).split(X), cv=5 by default)", "0.20", kind=MODULE),
    "grid_search": LegacyName(
        f"{_HERE}.grid_search", "GridSearchCV / RandomizedSearchCV with fit_params, iid, grid_scores_, 3 folds",
        "sklearn.model_selection.GridSearchCV (cv_results_)", "0.20", kind=MODULE),
    "learning_curve": LegacyName(
        f"{_HERE}.learning_curve", "learning_curve / validation_curve over 3 folds",
        "sklearn.model_selection.learning_curve / validation_curve", "0.20", kind=MODULE),
    "externals.joblib": LegacyName("joblib", "the vendored joblib", "import joblib", "0.23", kind=MODULE),
    "preprocessing.Imputer": LegacyName(
        f"{_HERE}.imputer:Imputer", "fill missing values with the column mean, median or most frequent value",
        "sklearn.impute.SimpleImputer(missing_values=np.nan)", "0.22"),
    "externals.six": LegacyName("six", "the vendored six (Python 2/3 compatibility)", "import six", "0.23",
                                kind=MODULE),
    "metrics.jaccard_similarity_score": LegacyName(
        f"{_HERE}.jaccard_similarity:jaccard_similarity_score",
        "the accuracy for (multi)class targets; per-sample |true & pred| / |true | pred| averaged for multilabel",
        "sklearn.metrics.accuracy_score, or jaccard_score(average='samples', zero_division=1.0) for multilabel",
        "0.23"),
    "datasets.load_boston": LegacyName(
        f"{_HERE}.withdrawn_datasets:load_boston", "the bundled Boston house-prices table (withdrawn: not served)",
        "sklearn.datasets.fetch_california_housing() (downloads)", "1.2"),
    "datasets.fetch_mldata": LegacyName(
        f"{_HERE}.withdrawn_datasets:fetch_mldata", "download a data set from mldata.org (closed in 2018: not served)",
        "sklearn.datasets.fetch_openml('mnist_784', version=1, as_frame=False) (downloads)", "0.22"),
    "TSNE.__init__(n_iter=)": _keyword("tsne_n_iter", "the number of iterations, the 250 early ones included",
                                       "TSNE(max_iter=...)", "1.7", _TSNE),
    "OneHotEncoder.__init__(sparse=)": _keyword("one_hot_sparse", "sparse=False: transform gives a dense array",
                                                "OneHotEncoder(sparse_output=False)", "1.4", _ONE_HOT),
    "OneHotEncoder.__init__(categorical_features=)": _keyword(
        "one_hot_categorical_features", "encode only these columns, the others after them (not served)",
        'ColumnTransformer([("onehot", OneHotEncoder(), columns)], remainder="passthrough")', "0.22", _ONE_HOT),
    "OneHotEncoder.__init__(n_values=)": _keyword(
        "one_hot_n_values", "n codes (0..n-1) per feature, unseen ones kept as columns (not served)",
        "OneHotEncoder(categories=[list(range(n)) for n in n_values])", "0.22", _ONE_HOT),
    "KMeans.__init__(n_jobs=)": _keyword("kmeans_n_jobs", "run the n_init runs on n_jobs processes (ignored)",
                                         "nothing (KMeans uses OpenMP threads)", "1.0", _KMEANS),
    "KMeans.__init__(precompute_distances=)": _keyword(
        "kmeans_precompute_distances", "precompute the distance matrix: speed and memory only (ignored)", "nothing",
        "1.0", _KMEANS),
}

NOT_PROVIDED = frozenset({"datasets.load_boston", "datasets.fetch_mldata",
                          "OneHotEncoder.__init__(categorical_features=)", "OneHotEncoder.__init__(n_values=)"})


def _scan_key(key):
    """``"TSNE.__init__(n_iter=)"`` -> ``"sklearn.manifold.TSNE(n_iter=)"``: the class called, as scripts write it."""
    if TABLE[key].kind != KEYWORD:
        return key
    return f"{TABLE[key].owners[0].replace(':', '.')}({key.partition('(')[2]}"


SCAN_TABLE = {_scan_key(key): entry for key, entry in TABLE.items()}  # what migration.scan reads
