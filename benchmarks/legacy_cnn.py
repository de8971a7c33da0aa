"""The legacy cnn_mnist graph (its own ``build_graph``) fed by placeholders, by input queues or by a fixed batch."""
import os

import tf1compat

LEGACY_EXAMPLES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "legacy_examples")


def load_legacy(name):
    """``legacy_examples/<name>.py`` imported in a legacy scope (TF1 graph mode in this process)."""
    return tf1compat.load_legacy_module(os.path.join(LEGACY_EXAMPLES, f"{name}.py"), name=f"legacy_{name}")


def build_on(cnn, images, labels, learning_rate, seed):
    """``cnn.build_graph`` in the default graph with its ``x``/``y`` placeholders replaced by tensors.

    The graph is built once as written, exported as a meta graph and imported with an
    ``input_map``: the TF1 way to rewire a placeholder-fed model onto a queue, unchanged.
    Returns the same handles as ``build_graph`` (without x, y and the summaries).
    """
    tf = cnn.tf
    with tf.Graph().as_default():
        handles = cnn.build_graph(learning_rate, seed)
        meta_graph = tf.train.export_meta_graph()
    tf.train.import_meta_graph(meta_graph, input_map={handles["x"].name: images, handles["y"].name: labels})
    graph = tf.get_default_graph()
    return {key: graph.as_graph_element(handle.name) for key, handle in handles.items()
            if key not in ("x", "y", "summaries")}


def queue_batches(coordinator_loop, images, labels, batch_size, seed):
    """Endless shuffled batches from ``slice_input_producer`` + ``tf.train.batch`` (coordinator_loop's pipeline)."""
    return coordinator_loop.input_pipeline(images, labels, batch_size, num_epochs=None, shuffle=True, seed=seed)

