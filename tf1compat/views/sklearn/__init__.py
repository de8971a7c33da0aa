"""The scikit-learn a legacy script sees: 0.19's ``cross_validation``, ``grid_search``, ``learning_curve``,
``externals.joblib`` / ``six``, ``preprocessing.Imputer``, ``metrics.jaccard_similarity_score`` and the old
keywords of ``TSNE``, ``OneHotEncoder`` and ``KMeans``, on today's scikit-learn.

Parts: ``table`` (the data), ``splitters`` (0.19's KFold, StratifiedKFold, ShuffleSplit, LeaveOneOut),
``cross_validation``, ``grid_search``, ``learning_curve``, ``imputer`` (the removed modules' contents),
``estimator_keywords`` (constructors' old keywords), ``jaccard_similarity``, ``withdrawn_datasets``
(``load_boston``, ``fetch_mldata``: errors naming the replacements).
"""

from tf1compat.views.legacy_package import LegacyPackage
from tf1compat.views.sklearn.table import TABLE

PACKAGE = LegacyPackage("sklearn", "scikit-learn", TABLE)
legacy_import = PACKAGE.legacy_import
report_lines = PACKAGE.report_lines
uninstall = PACKAGE.uninstall_attributes

__all__ = ["TABLE", "PACKAGE", "legacy_import", "report_lines", "uninstall"]
