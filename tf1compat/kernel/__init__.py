"""``python -m tf1compat.kernel install|remove``: the ``tf1compat`` Jupyter kernel (see tf1compat.notebooks)."""
