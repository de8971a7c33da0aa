"""scikit-learn 0.19's ``preprocessing.Imputer`` (removed in 0.22), as today's ``SimpleImputer``."""
import numpy
from sklearn.impute import SimpleImputer

from tf1compat.errors import UnsupportedLegacyAPIError


def Imputer(missing_values="NaN", strategy="mean", axis=0, verbose=0, copy=True):  # pylint: disable=invalid-name,unused-argument
    """A ``SimpleImputer`` doing what 0.19's ``Imputer`` did along columns (``"NaN"`` means ``numpy.nan``;
    all-missing columns are dropped at transform, as 0.19 dropped them)."""
    if axis != 0:
        raise UnsupportedLegacyAPIError(
            f"sklearn.preprocessing.Imputer(axis={axis})", "imputing along rows has no counterpart in SimpleImputer",
            "SimpleImputer(...).fit_transform(X.T).T")
    missing = numpy.nan if isinstance(missing_values, str) and missing_values.lower() == "nan" else missing_values
    return SimpleImputer(missing_values=missing, strategy=strategy, copy=copy)
