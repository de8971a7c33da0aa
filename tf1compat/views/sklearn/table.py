"""The scikit-learn 0.19 knowledge: modules and names scikit-learn removed that TF1-era code uses (data only).

Keys are dotted paths under ``sklearn``; the removed modules are served by the modules beside this one
(``load_boston`` and ``fetch_mldata`` by errors naming the replacements: the data is gone).
"""
from tf1compat.views.legacy_name import MODULE, LegacyName

_HERE = "tf1compat.views.sklearn"

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
}
