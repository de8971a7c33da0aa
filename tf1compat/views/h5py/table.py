"""The h5py 2.x knowledge (2018: h5py 2.8): what h5py 3.0 removed or changed that TF1-era code uses (data only)."""
from tf1compat.views.legacy_name import DEFAULT, PROPERTY, LegacyName

_OLD = "tf1compat.views.h5py.old_api"

TABLE = {
    "Dataset.value": LegacyName(f"{_OLD}:value", "the whole dataset read into an array (a scalar for a 0-d one)",
                                "dataset[()]", "3.0", PROPERTY, ("h5py:Dataset",)),
    "File.__init__()": LegacyName(
        f"{_OLD}:append_by_default", "h5py.File(path) with no mode: read/write if the file exists (read-only "
        "if it is not writable), else create it", "h5py.File(path, 'a') (or 'r' to read)", "3.0", DEFAULT,
        ("h5py:File",)),
}
