"""TF1's private ``_linear`` helper (``rnn_cell._linear`` in 0.12, ``core_rnn_cell._linear`` in 1.x) that RNN code imported.

The same map as legacy_seq2seq's ``linear``: ``concat(args, 1) @ kernel (+ bias)`` in the current variable scope.
"""
from tf1compat.shims.contrib.legacy_seq2seq.linear import linear as _linear  # noqa: F401
