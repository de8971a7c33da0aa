"""scikit-learn 0.19's ``load_boston`` and ``fetch_mldata``: data that is gone, so each call names where to go instead.

``load_boston`` (removed in 1.2) read the Boston house-prices table bundled with scikit-learn;
it was withdrawn for an ethical problem with one of its features, and tf1compat does not ship it.
``fetch_mldata`` (removed in 0.22) downloaded from mldata.org, which closed in 2018. The names
import, so a script that only imports them runs; calling one raises ``UnsupportedLegacyAPIError``.
"""
from tf1compat.errors import UnsupportedLegacyAPIError

_NEEDS_NETWORK = "downloads once (network), then reads its cache"


def load_boston(return_X_y=False):  # pylint: disable=invalid-name,unused-argument
    """Raises: the Boston data is not served; the error names the replacements."""
    raise UnsupportedLegacyAPIError(
        "sklearn.datasets.load_boston()",
        "scikit-learn 1.2 removed the Boston house-prices data for an ethical problem with its feature B (built on "
        "the assumption that racial self-segregation raised house prices), and tf1compat does not ship it",
        "sklearn.datasets.fetch_california_housing() (another regression set), or, to study the original, "
        f'sklearn.datasets.fetch_openml(name="boston", version=1); each {_NEEDS_NETWORK}')


def fetch_mldata(dataname, target_name="label", data_name="data", transpose_data=True,
                 data_home=None):  # pylint: disable=unused-argument
    """Raises: mldata.org is gone; the error names the OpenML replacement (and, for MNIST, the offline reader)."""
    if dataname.lower().replace("-", " ") == "mnist original":
        replacement = ("sklearn.datasets.fetch_openml('mnist_784', version=1, as_frame=False) (data as floats "
                       f"0-255, targets as the strings '0'-'9'; {_NEEDS_NETWORK}), or offline tf1compat's MNIST "
                       "reader: from tensorflow.examples.tutorials.mnist import input_data; "
                       "input_data.read_data_sets(folder) (an embedded MNIST subset when there is no network)")
    else:
        replacement = ("sklearn.datasets.fetch_openml(name=..., version=...) (most mldata.org sets are on openml.org, "
                       f"some under other names; {_NEEDS_NETWORK})")
    raise UnsupportedLegacyAPIError(f"sklearn.datasets.fetch_mldata({dataname!r})",
                                    "scikit-learn 0.22 removed it: mldata.org, where it downloaded from, closed in "
                                    "2018", replacement)
