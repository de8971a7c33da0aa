"""Fetch one MNIST file safely: into a temporary file, verified, then renamed into place."""
import os
import shutil
import tempfile
import urllib.request

DEFAULT_SOURCE_URL = "https://storage.googleapis.com/cvdf-datasets/mnist/"
TIMEOUT_SECONDS = 5
# Environment switch for CI and tests: never touch the network, go straight to the fallback.
OFFLINE_VARIABLE = "TF1COMPAT_OFFLINE"

# Module-level so tests (and users behind odd proxies) can substitute their own opener:
# called as open_url(url, timeout=seconds), returning a readable, closable response.
open_url = urllib.request.urlopen


class DownloadFailed(OSError):
    """A download that did not produce a verified file (network error, bad content, offline)."""


def fetch(url, destination, verify, timeout=TIMEOUT_SECONDS):
    """Download ``url`` to ``destination``, which appears only once complete and verified.

    The bytes go to a hidden ``.part`` file in the same folder; ``verify(path)`` must
    accept it (raise otherwise) before it is renamed to ``destination``, so an
    interrupted or corrupt download never leaves a file that later reads as valid.

    Raises:
        DownloadFailed: offline, any network or write error, or ``verify`` refused the bytes.
    """
    if os.environ.get(OFFLINE_VARIABLE, "") not in ("", "0"):
        raise DownloadFailed(f"offline: {OFFLINE_VARIABLE} is set")
    folder, name = os.path.split(destination)
    handle, partial = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder or ".")
    try:
        with os.fdopen(handle, "wb") as out, open_url(url, timeout=timeout) as response:
            shutil.copyfileobj(response, out)
        verify(partial)
        os.replace(partial, destination)
    except Exception as error:
        # A verification error names the hidden .part file; the problem alone says more here.
        raise DownloadFailed(f"{url}: {getattr(error, 'problem', error)}") from error
    finally:
        # Also on KeyboardInterrupt: never leave a partial file behind.
        if os.path.exists(partial):
            os.unlink(partial)
