"""SciPy <= 1.13's shorthand properties of sparse matrices (``m.A``, ``m.H``; removed in 1.14)."""


def dense(self):
    """``m.A``: the matrix as a dense ndarray (``m.toarray()``)."""
    return self.toarray()


def conjugate_transpose(self):
    """``m.H``: the conjugate transpose (``m.conj().T``)."""
    return self.conj().T
