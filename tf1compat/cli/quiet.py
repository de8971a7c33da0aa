"""Keeps TensorFlow's start-up and deprecation noise off the user's terminal."""
import contextlib
import importlib
import logging
import os
import re
import sys
import tempfile
import warnings

# Lines TensorFlow's native code prints while loading on a CPU-only machine;
# TF_CPP_MIN_LOG_LEVEL does not cover the ones absl prints before it is set up.
_NATIVE_NOISE = re.compile(
    r"All log messages before absl::InitializeLog|oneDNN custom operations are on"
    r"|cudart_stub\.cc|cpu_feature_guard\.cc|To enable the following instructions"
    r"|rebuild TensorFlow with the appropriate compiler flags|cuda_platform\.cc|cuInit"
    r"|Unable to register cu(DNN|FFT|BLAS) factory|computation_placer\.cc|TF-TRT Warning"
)


def is_native_noise(line):
    """Whether ``line`` is one of the lines TensorFlow's native code prints while loading."""
    return bool(_NATIVE_NOISE.search(line))


def user_wants_logs():
    """A user who set TF_CPP_MIN_LOG_LEVEL themselves gets TensorFlow's logs as they asked."""
    return "TF_CPP_MIN_LOG_LEVEL" in os.environ and not os.environ.get("TF1COMPAT_SET_LOG_LEVEL")


def set_native_log_level():
    """Hide TensorFlow's C++ INFO/WARNING/ERROR logs unless the user chose a level."""
    if "TF_CPP_MIN_LOG_LEVEL" not in os.environ:
        os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
        os.environ["TF1COMPAT_SET_LOG_LEVEL"] = "1"


@contextlib.contextmanager
def filtered_native_stderr():
    """Capture file descriptor 2 while TensorFlow loads; pass on all but known noise."""
    if user_wants_logs():
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile(mode="w+b") as capture:
        os.dup2(capture.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            capture.seek(0)
            kept = [line for line in capture.read().decode("utf-8", "replace").splitlines(True)
                    if not _NATIVE_NOISE.search(line)]
            if kept:
                sys.stderr.write("".join(kept))
                sys.stderr.flush()


def import_tensorflow(importer=None):
    """Import and return TensorFlow with its start-up noise filtered (unless the user chose a log level).

    Args:
        importer: ``name -> module``; default ``importlib.import_module`` (the legacy scope
            passes the original ``__import__`` so its own hook is bypassed).
    """
    set_native_log_level()
    with filtered_native_stderr():
        return (importer or importlib.import_module)("tensorflow")


def quiet_python_logs():
    """Silence TensorFlow's Python deprecation warnings (``--report`` lists the TF1 APIs instead)."""
    if user_wants_logs():
        return
    from tensorflow.python.util import deprecation

    deprecation._PRINT_DEPRECATION_WARNINGS = False  # pylint: disable=protected-access
    logging.getLogger("tensorflow").setLevel(logging.ERROR)
    for module in (r"tensorflow(\..*)?", r"tf_keras(\..*)?", r"keras(\..*)?", r"tf_slim(\..*)?"):
        warnings.filterwarnings("ignore", category=UserWarning, module=module)
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=module)
    # tf_keras's legacy tf.layers / rnn_cell warn with the script's line as the location.
    warnings.filterwarnings("ignore", message=r"`(tf\.|layer\.apply)[\w.]*` is deprecated", category=UserWarning)
