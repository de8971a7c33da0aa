"""TF1 notebooks unchanged: ``python -m tf1compat NOTEBOOK.ipynb``, ``%load_ext tf1compat`` and a ``tf1compat`` kernel.

Parts: ``shell`` (what makes an IPython shell's cells legacy), ``extension`` (``%load_ext tf1compat``),
``legacy_kernel`` (the kernel process: the runner's options, then ipykernel), ``kernelspec`` (install/remove
the ``tf1compat`` kernel spec), ``ipynb`` (reading and checking the ``.ipynb``), ``terminal_client``
(nbclient, with each output shown on the terminal as it arrives and figures saved) and ``runner``
(``python -m tf1compat NOTEBOOK.ipynb``).
"""
