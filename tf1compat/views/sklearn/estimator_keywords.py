"""Keywords scikit-learn 0.19's estimators took that today's ``__init__`` refuses: renamed, ignored or refused.

Each factory here wraps a real class's ``__init__`` (a ``KEYWORD`` entry of the table): a call from
legacy-scope code that passes the old keyword gets 0.19's meaning; any other call goes to the real
``__init__`` unchanged. The wrapper keeps the real signature (``functools.wraps``), so
``get_params``, ``clone`` and ``repr`` see today's parameters only (``TSNE(n_iter=500)`` has
``max_iter=500``).
"""
import functools

from tf1compat.errors import UnsupportedLegacyAPIError



def _init_taking(keyword, adapt):
    """A factory ``(original, served) -> __init__``: ``adapt(class name, kwargs)`` rewrites ``keyword`` when the first
    caller outside scikit-learn (a script, or a subclass's ``super().__init__``) is legacy-scope code."""

    def factory(original, served):
        @functools.wraps(original)
        def __init__(self, *args, **kwargs):
            if keyword in kwargs and served():
                adapt(type(self).__name__, kwargs)
            original(self, *args, **kwargs)

        __init__.__tf1compat_wraps__ = original
        return __init__

    return factory


def _renamed(old, new):
    def adapt(cls, kwargs):
        if new in kwargs:
            raise TypeError(f"{cls}() got both {old}= (its scikit-learn 0.19 name) and {new}=; pass {new}= only")
        kwargs[new] = kwargs.pop(old)

    return _init_taking(old, adapt)


def _ignored(keyword):
    def adapt(cls, kwargs):  # pylint: disable=unused-argument
        del kwargs[keyword]

    return _init_taking(keyword, adapt)


def _refused(keyword, default, reason, replacement):
    """Refused, but for 0.19's default value, which asked for what today's class does (it is dropped)."""

    def adapt(cls, kwargs):
        if isinstance(kwargs[keyword], str) and kwargs[keyword] == default:
            del kwargs[keyword]
            return
        raise UnsupportedLegacyAPIError(f"{cls}({keyword}=...)", reason, replacement)

    return _init_taking(keyword, adapt)


# TSNE's n_iter: the total number of iterations, the 250 early-exaggeration ones included (= max_iter).
tsne_n_iter = _renamed("n_iter", "max_iter")
# OneHotEncoder's sparse: a scipy.sparse matrix (True) or a dense array (False) from transform.
one_hot_sparse = _renamed("sparse", "sparse_output")
# KMeans ran its n_init runs on n_jobs processes and could precompute the distance matrix: speed and memory only.
kmeans_n_jobs = _ignored("n_jobs")
kmeans_precompute_distances = _ignored("precompute_distances")

_ONE_HOT_0_19 = ("0.19's encoder took non-negative integer codes, encoded the chosen columns, put the other columns "
                 "after them, and kept n_values_, feature_indices_ and active_features_; today's encodes every "
                 "column it is given, by the categories it sees")
one_hot_categorical_features = _refused(
    "categorical_features", "all", _ONE_HOT_0_19,
    'sklearn.compose.ColumnTransformer([("onehot", OneHotEncoder(), columns)], remainder="passthrough") '
    "(encoded columns first, the others after, as 0.19 put them)")
one_hot_n_values = _refused(
    "n_values", "auto", _ONE_HOT_0_19,
    "OneHotEncoder(categories=[list(range(n)) for n in n_values]) (an int k: [list(range(k))] * n_features)")
