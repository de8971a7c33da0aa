"""TF 0.12's names that TensorFlow 1.0 renamed or reordered, as data (facts: tf_upgrade.py, TensorFlow r1.0).

None of them collides with a TF 1.x name: a renamed one is absent from ``tf.compat.v1``, and a reordered
call is told from a 1.x call by its argument types exactly as tf_upgrade.py's reorder table reads them
(``tf.concat(0, [a, b])``: an int where 1.x has the values), so they are served in the legacy namespace
as they are. ``table_entries`` turns this into ``api.table`` entries; ``migration.scan`` flags the
reordered calls by shape (``migration/scan/rules.py``).
"""
_SHIMS = "tf1compat.shims.tf0_12"
_V1 = "tensorflow.compat.v1"
_WHY = "a TF 0.12 name, renamed in TensorFlow 1.0 (tf_upgrade.py)"

# tf_upgrade.py's symbol_renames whose 0.12 name tf.compat.v1 no longer has: 0.12 name -> TF 1.0 name.
# (Its `band_part` / `set_diag` targets never existed; TF 1.0 named them matrix_band_part / matrix_set_diag.)
RENAMES = {
    "mul": "multiply", "sub": "subtract", "neg": "negative", "inv": "reciprocal",
    "listdiff": "setdiff1d", "list_diff": "setdiff1d", "pack": "stack", "unpack": "unstack",
    "select": "where", "complex_abs": "abs", "image.per_image_whitening": "image.per_image_standardization",
    "train.SummaryWriter": "summary.FileWriter",
    "batch_matrix_diag": "matrix_diag", "batch_band_part": "matrix_band_part", "batch_set_diag": "matrix_set_diag",
    "batch_matrix_transpose": "matrix_transpose", "batch_matrix_determinant": "matrix_determinant",
    "batch_matrix_inverse": "matrix_inverse", "batch_cholesky": "cholesky", "batch_cholesky_solve": "cholesky_solve",
    "batch_matrix_solve": "matrix_solve", "batch_matrix_triangular_solve": "matrix_triangular_solve",
    "batch_matrix_solve_ls": "matrix_solve_ls", "batch_self_adjoint_eig": "self_adjoint_eig",
    "batch_self_adjoint_eigvals": "self_adjoint_eigvals", "batch_svd": "svd", "batch_fft": "fft",
    "batch_ifft": "ifft", "batch_fft2d": "fft2d", "batch_ifft2d": "ifft2d", "batch_fft3d": "fft3d",
    "batch_ifft3d": "ifft3d",
    # TF 0.12's recurrent API, which TF 1.0 moved to tf.contrib.rnn / tf.contrib.legacy_seq2seq.
    "nn.rnn": "nn.static_rnn", "nn.bidirectional_rnn": "nn.static_bidirectional_rnn",
}

# 0.12 names whose 0.12 behaviour a shim keeps: 0.12 name -> (shim attribute, TF 1.0 form, TF2 replacement).
SHIMMED = {
    "scalar_summary": ("summaries:scalar_summary", "tf.summary.scalar", "tf.summary.scalar(name, value, step=...)"),
    "histogram_summary": ("summaries:histogram_summary", "tf.summary.histogram",
                          "tf.summary.histogram(name, value, step=...)"),
    "image_summary": ("summaries:image_summary", "tf.summary.image", "tf.summary.image(name, value, step=...)"),
    "audio_summary": ("summaries:audio_summary", "tf.summary.audio",
                      "tf.summary.audio(name, value, sample_rate, step=...)"),
    "merge_summary": ("summaries:merge_summary", "tf.summary.merge", "nothing: TF2 summaries are written as they run"),
    "merge_all_summaries": ("summaries:merge_all_summaries", "tf.summary.merge_all",
                            "nothing: TF2 summaries are written as they run"),
    "batch_matmul": ("argument_orders:batch_matmul", "tf.matmul(adjoint_a=, adjoint_b=)", "tf.linalg.matmul"),
    "nn.seq2seq": ("tf1compat.shims.contrib.legacy_seq2seq", "tf.contrib.legacy_seq2seq",
                   "Keras RNN layers with return_state (+ tf.keras.layers.AdditiveAttention)"),
    "nn.rnn_cell._linear": ("tf1compat.shims.rnn_linear:linear_tf0_12", "a private TF 0.12 helper",
                            "tf.keras.layers.Dense over tf.concat(args, -1)"),
}

# TF 1.x kept 0.12's summary ops in tf.contrib.deprecated (tf_upgrade.py renames two of them from there).
CONTRIB_DEPRECATED = ("scalar_summary", "histogram_summary", "image_summary", "audio_summary", "merge_summary",
                      "merge_all_summaries")

# tf_upgrade.py's function_reorders that tf.compat.v1 still names: 0.12 name -> (shim attribute, 0.12
# signature, TF 1.0 signature). The shim decides by argument types and reports only the 0.12 form.
REORDERED = {
    "concat": ("argument_orders:concat", "concat(concat_dim, values)", "tf.concat(values, axis)"),
    "split": ("argument_orders:split", "split(split_dim, num_split, value)",
              "tf.split(value, num_or_size_splits, axis)"),
    "sparse_split": ("argument_orders:sparse_split", "sparse_split(split_dim, num_split, sp_input)",
                     "tf.sparse.split(sp_input=, num_split=, axis=)"),
    "reverse": ("argument_orders:reverse", "reverse(tensor, dims) with one bool per dimension",
                "tf.reverse(tensor, axis) with the reversed axes' indices"),
    "nn.softmax_cross_entropy_with_logits": (
        "argument_orders:softmax_cross_entropy_with_logits", "nn.softmax_cross_entropy_with_logits(logits, labels)",
        "tf.nn.softmax_cross_entropy_with_logits(labels=, logits=)"),
    "nn.sparse_softmax_cross_entropy_with_logits": (
        "argument_orders:sparse_softmax_cross_entropy_with_logits",
        "nn.sparse_softmax_cross_entropy_with_logits(logits, labels)",
        "tf.nn.sparse_softmax_cross_entropy_with_logits(labels=, logits=)"),
    "nn.sigmoid_cross_entropy_with_logits": (
        "argument_orders:sigmoid_cross_entropy_with_logits", "nn.sigmoid_cross_entropy_with_logits(logits, targets)",
        "tf.nn.sigmoid_cross_entropy_with_logits(labels=, logits=)"),
}


def _target(shim):
    return shim if shim.startswith("tf1compat.") else f"{_SHIMS}.{shim}"


def table_entries(entry_type):
    """``{TF1 name: entry_type(...)}`` for every name above (``entry_type`` is ``api.table.Entry``)."""
    entries = {}
    for old, new in RENAMES.items():
        module, _, name = f"{_V1}.{new}".rpartition(".")
        entries[old] = entry_type("provided", "tf0_12", f"tf.{new} (its TF 1.0 name)", shim=f"{module}:{name}",
                                  reason=_WHY)
    for old, (shim, tf1, tf2) in SHIMMED.items():
        entries[old] = entry_type("provided", "tf0_12", f"{tf2} (TF 1.0: {tf1})", shim=_target(shim), reason=_WHY)
    entries.update({f"contrib.deprecated.{name}": entries[name] for name in CONTRIB_DEPRECATED})
    entries["contrib.deprecated.*"] = entry_type(
        "removed", "contrib", "tf.summary.scalar / histogram / image / audio",
        reason="tf.contrib was removed in TensorFlow 2.0; tf1compat provides only tf.contrib.deprecated's summary ops",
        severity="ERROR")
    for name, (shim, _, tf1) in REORDERED.items():
        entries[name] = entry_type("compat", "tf0_12", f"{tf1} (TF 1.0's argument order)", shim=_target(shim),
                                   severity="WARNING", counted=False)
    return entries


def old_form_entry(entry_type, name):
    """The entry ``--report`` shows for a call of ``name`` in its TF 0.12 argument order."""
    shim, _, tf1 = REORDERED[name]
    return entry_type("compat", "tf0_12", f"{tf1}: TF 1.0 reordered the arguments (tf_upgrade.py)",
                      shim=_target(shim), severity="WARNING")
