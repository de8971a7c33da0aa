"""The one error tf1compat raises for TF1 APIs it cannot provide."""
import dis
import sys

_IMPORT_FROM = dis.opmap["IMPORT_FROM"]


class UnsupportedTF1APIError(Exception):
    """A TF1 API that TensorFlow 2 removed and tf1compat does not provide.

    What is raised is always also an ``ImportError`` (in an ``import`` statement) or
    an ``AttributeError`` (in ``tf.contrib.foo``), so legacy ``try/except`` fallbacks
    and ``hasattr`` keep working. Since Python 3.10 one class cannot be both (their C
    layouts conflict), so ``error_for`` picks the flavour from the calling context;
    catch ``UnsupportedTF1APIError`` to catch either.

    Attributes:
        symbol: the TF1 name as the script wrote it, e.g. ``tf.contrib.learn.DNNClassifier``.
        reason: why it is not provided.
        replacement: the TF2 API to use instead.
        example: the worked example NAME (``migration/NAME.py``) that shows the
            replacement, or ``None``.
    """

    def __init__(self, symbol, reason, replacement, example=None):
        self.symbol = symbol
        self.reason = reason
        self.replacement = replacement
        self.example = example
        message = (
            f"`{symbol}` is not provided by tf1compat: {reason}. "
            f"TF2 replacement: {replacement}"
        )
        if example:
            message += f" (worked example: migration/{example}.py)"
        super().__init__(message)

    def __reduce__(self):
        # Exceptions are pickled by their args; keep all four fields.
        return (type(self), (self.symbol, self.reason, self.replacement, self.example))


class UnsupportedTF1APIImportError(UnsupportedTF1APIError, ImportError):
    """Raised inside ``import`` / ``from ... import`` statements."""


class UnsupportedTF1APIAttributeError(UnsupportedTF1APIError, AttributeError):
    """Raised by attribute access such as ``tf.contrib.learn``."""


def error_for(symbol, reason, replacement, example=None, depth=2):
    """The right flavour of ``UnsupportedTF1APIError`` for the code ``depth`` frames up.

    ``from tensorflow.contrib import foo`` looks ``foo`` up with getattr; Python turns an
    AttributeError there into a bare "cannot import name", so that context gets the
    ImportError flavour, which passes through with its message.
    """
    frame = sys._getframe(depth)
    importing = frame.f_code.co_code[frame.f_lasti] == _IMPORT_FROM if frame.f_lasti >= 0 else False
    flavour = UnsupportedTF1APIImportError if importing else UnsupportedTF1APIAttributeError
    return flavour(symbol, reason, replacement, example)


def as_import_error(error):
    """The ImportError flavour of ``error`` (for errors raised inside ``__import__``)."""
    if isinstance(error, ImportError):
        return error
    return UnsupportedTF1APIImportError(error.symbol, error.reason, error.replacement, error.example)


class UnsupportedLegacyAPIError(NotImplementedError):
    """A name or signature of the 2018 Python stack (SciPy 1.1, pandas 0.23, ...) that a legacy view cannot
    serve faithfully: the sibling of ``UnsupportedTF1APIError`` for the packages around TensorFlow.

    Attributes:
        symbol: the old call as the script wrote it, e.g. ``plt.hold(False)``.
        reason: why the view does not provide it.
        replacement: what a port writes instead.
    """

    def __init__(self, symbol, reason, replacement):
        self.symbol, self.reason, self.replacement = symbol, reason, replacement
        super().__init__(f"`{symbol}` is not provided by tf1compat's legacy views: {reason}. Replacement: {replacement}")

    def __reduce__(self):
        return (type(self), (self.symbol, self.reason, self.replacement))
