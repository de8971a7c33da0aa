"""``python -m migration.batch_size_study``: how batch size changes the cnn_mnist CNN's training (see ``cli``).

Parts: ``processes`` (one training run per batch size), ``results`` (their histories),
``outputs`` (CSV, summary, TensorBoard), ``figures``, ``cli``.
"""
