"""``tf.contrib.predictor`` for TF1 scripts: call a SavedModel's signature like a function, in its own graph."""
import tensorflow

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks

_v1 = tensorflow.compat.v1
_SERVING = "serving_default"


class SavedModelPredictor:
    """``predictor({input_key: array})`` -> ``{output_key: array}``, one SavedModel signature in a Session."""

    def __init__(self, export_dir, signature_def_key=None, signature_def=None, input_names=None,
                 output_names=None, tags=None, graph=None, config=None):
        self._graph = graph or _v1.Graph()
        self._session = _v1.Session(graph=self._graph, config=config)
        with self._graph.as_default():
            meta_graph = _v1.saved_model.loader.load(self._session, tags or [_v1.saved_model.tag_constants.SERVING],
                                                     export_dir)
        if signature_def is None:
            key = signature_def_key or _SERVING
            if key not in meta_graph.signature_def:
                raise ValueError(f"`{export_dir}` has no signature {key!r}; it has {sorted(meta_graph.signature_def)}")
            signature_def = meta_graph.signature_def[key]
        input_names = input_names or {k: v.name for k, v in signature_def.inputs.items()}
        output_names = output_names or {k: v.name for k, v in signature_def.outputs.items()}
        self._feed_tensors = {k: self._graph.get_tensor_by_name(v) for k, v in input_names.items()}
        self._fetch_tensors = {k: self._graph.get_tensor_by_name(v) for k, v in output_names.items()}

    @property
    def session(self):
        return self._session

    @property
    def graph(self):
        return self._graph

    @property
    def feed_tensors(self):
        return self._feed_tensors

    @property
    def fetch_tensors(self):
        return self._fetch_tensors

    def __call__(self, input_dict):
        unknown = set(input_dict) - set(self._feed_tensors)
        if unknown:
            raise ValueError(f"inputs {sorted(unknown)} are not in the signature; it takes {sorted(self._feed_tensors)}")
        feed = {self._feed_tensors[key]: value for key, value in input_dict.items()}
        return self._session.run(self._fetch_tensors, feed_dict=feed)

    def __repr__(self):
        return f"SavedModelPredictor(feed_tensors={sorted(self._feed_tensors)}, fetch_tensors={sorted(self._fetch_tensors)})"


def from_saved_model(export_dir, signature_def_key=None, signature_def=None, input_names=None,
                     output_names=None, tags=None, graph=None, config=None):
    """A predictor for the SavedModel in ``export_dir`` (signature ``serving_default`` unless named)."""
    return SavedModelPredictor(export_dir, signature_def_key, signature_def, input_names, output_names,
                               tags, graph, config)


__all__ = ["SavedModelPredictor", "from_saved_model"]
__getattr__, __dir__ = contrib_module_hooks("contrib.predictor", __name__, __all__)
