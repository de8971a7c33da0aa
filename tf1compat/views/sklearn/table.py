"""The scikit-learn 0.19 knowledge: modules and names scikit-learn removed that TF1-era code uses (data only).

Keys are dotted paths under ``sklearn``; the removed modules are served by the modules beside this one.
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
}
