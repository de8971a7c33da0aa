"""The Keras 2.2.4 knowledge: each old name or argument spelling, what it did then, its replacement (data only).

``TABLE`` is what ``--report`` and ``migration.scan`` read: key -> ``KerasName(what, replacement,
removed_in)``. Keys are the names the view records: ``"Dense(output_dim=)"`` for a Keras-1
argument Keras 2.2 converted, ``"Sequential.predict_classes"`` for a method, ``"keras.layers.core"``
for a module path, ``"Adam(lr=)"`` for an optimizer spelling. ``REMOVED_NAMES`` are the names the
view refuses with a one-line error; ``OPTIMIZERS`` holds Keras 2.2.4's optimizer signatures.
"""
import re
from dataclasses import dataclass

from tf1compat.views.keras import interfaces, layout


@dataclass(frozen=True)
class KerasName:
    """What one Keras 2.2.4 name or spelling did, and what replaces it."""

    what: str  # what it did in Keras 2.2.4
    replacement: str  # what a port to tf.keras / Keras 3 writes instead
    removed_in: str  # the release that removed it ("Keras 2.4" is when Keras became tf.keras)


@dataclass(frozen=True)
class Keras22Optimizer:
    """One Keras 2.2.4 optimizer: its positional order and defaults (where tf_keras's differ)."""

    positional: tuple  # Keras 2.2.4's argument order, `lr` first
    defaults: dict  # Keras 2.2.4 defaults for the tf_keras legacy optimizer's arguments


OPTIMIZERS = {
    "SGD": Keras22Optimizer(("lr", "momentum", "decay", "nesterov"), {"learning_rate": 0.01}),
    "RMSprop": Keras22Optimizer(("lr", "rho", "epsilon", "decay"), {"learning_rate": 0.001}),
    "Adagrad": Keras22Optimizer(("lr", "epsilon", "decay"), {"learning_rate": 0.01, "initial_accumulator_value": 0.0}),
    "Adadelta": Keras22Optimizer(("lr", "rho", "epsilon", "decay"), {"learning_rate": 1.0}),
    "Adam": Keras22Optimizer(("lr", "beta_1", "beta_2", "epsilon", "decay", "amsgrad"), {"learning_rate": 0.001}),
    "Adamax": Keras22Optimizer(("lr", "beta_1", "beta_2", "epsilon", "decay"), {"learning_rate": 0.002}),
    "Nadam": Keras22Optimizer(("lr", "beta_1", "beta_2", "epsilon", "schedule_decay"), {"learning_rate": 0.002}),
}
NADAM_SCHEDULE_DECAY = 0.004  # the only value tf_keras's Nadam implements

_KERAS_1 = "Keras 2.4 (keras/legacy/interfaces.py went when Keras became tf.keras)"
_TF_KERAS = "tf.keras / Keras 3"

REMOVED_NAMES = {
    "Merge": KerasName("the Keras 1 merge layer (removed from Keras in 2.2.0)",
                       "keras.layers.concatenate / add / multiply / average / dot (or the Concatenate ... classes)",
                       "Keras 2.2.0"),
    "merge": KerasName("the Keras 1 merge function (removed from Keras in 2.2.0)",
                       "keras.layers.concatenate / add / multiply / average / dot", "Keras 2.2.0"),
    "MaxoutDense": KerasName("a Keras 1 layer Keras 2.2.4 kept as legacy; tf_keras has none",
                             "Dense(units * k) then a max over k (keras.layers.Reshape + a Lambda with K.max)",
                             "Keras 2.4"),
    "Highway": KerasName("a Keras 1 layer Keras 2.2.4 kept as legacy; tf_keras has none",
                         "a custom layer: y = T * H(x) + (1 - T) * x with two Dense layers", "Keras 2.4"),
    "Recurrent": KerasName("Keras 2.2.4's legacy abstract recurrent layer", "keras.layers.RNN with a cell",
                           "Keras 2.4"),
    "ConvRecurrent2D": KerasName("Keras 2.2.4's legacy abstract convolutional recurrent layer",
                                 "keras.layers.ConvLSTM2D", "Keras 2.4"),
    "HDF5Matrix": KerasName("an HDF5 dataset read as an array (keras.utils.io_utils)",
                            "h5py.File(path)[name][...] or a tf.data pipeline", "Keras 2.4"),
    "multi_gpu_model": KerasName("data parallelism by replicating the model on each GPU",
                                 "tf.distribute.MirroredStrategy", "TF 2.4"),
}

TABLE = {
    "Sequential.predict_classes": KerasName(
        "class indices: argmax of predict(), or (proba > 0.5).astype('int32') for one output unit",
        "np.argmax(model.predict(x), axis=-1) (or (model.predict(x) > 0.5).astype('int32'))", "TF 2.6"),
    "Sequential.predict_proba": KerasName("predict() (warning if outputs are outside [0, 1])", "model.predict(x)",
                                          "TF 2.6"),
    "Model.fit_generator": KerasName("fit on batches from a Python generator", "model.fit(generator, ...)",
                                     "Keras 3.0"),
    "Model.evaluate_generator": KerasName("evaluate on a generator", "model.evaluate(generator, ...)", "Keras 3.0"),
    "Model.predict_generator": KerasName("predict on a generator", "model.predict(generator, ...)", "Keras 3.0"),
    "Layer.add_weight(shape, ...)": KerasName("Keras 2.0's argument order (shape first, then name)",
                                             "self.add_weight(name=..., shape=..., initializer=...)", "Keras 2.4"),
    "fit(nb_epoch=)": KerasName("the Keras 1 name of `epochs`, converted with a warning", "fit(epochs=...)", _KERAS_1),
    "K.get_session": KerasName("the global TF1 Session Keras ran in", "eager execution (no session)", "TF 2.0"),
    "K.set_session": KerasName("make Keras run in the script's TF1 Session", "eager execution (no session)",
                               "TF 2.0"),
    "save(HDF5 by default)": KerasName("model.save / save_weights wrote HDF5 whatever the file name",
                                       "model.save('name.h5') (or the native 'name.keras')", "TF 2.0"),
    "compile(optimizer='name')": KerasName(
        "optimizer names meant Keras 2.2.4's classes and defaults (adadelta lr=1.0, adagrad lr=0.01, "
        "adamax/nadam lr=0.002)", "an optimizer object with the learning rate spelled out", _TF_KERAS),
}
for _name, _entry in REMOVED_NAMES.items():
    TABLE[_name] = _entry
for _name, _optimizer in OPTIMIZERS.items():
    TABLE[f"{_name}(lr=)"] = KerasName("the learning rate", f"{_name}(learning_rate=...)", "TF 2.11 (new optimizers)")
    TABLE[f"{_name}(decay=)"] = KerasName(
        "time-based decay: lr / (1 + decay * iterations)",
        "learning_rate=keras.optimizers.schedules.InverseTimeDecay(lr, 1, decay)", "TF 2.11 (new optimizers)")
for _layer, _interface in list(interfaces.LAYERS.items()) + [("fit_generator", interfaces.GENERATOR_METHODS),
                                                            ("Model", interfaces.MODEL_CONSTRUCTOR),
                                                            ("Input", interfaces.INPUT)]:
    for _old, _new in _interface.renames:
        TABLE[f"{_layer}({_old}=)"] = KerasName(f"the Keras 1 spelling of `{_new}`, converted with a warning",
                                                f"{_layer}({_new}=...)", _KERAS_1)
_PREPROCESSOR_FORMS = set()
for _old, _what in (("nb_row/nb_col", "kernel_size=(rows, cols)"), ("kernel_dim*", "kernel_size=(d1, d2, d3)"),
                    ("input_dim", "input_shape=(input_length, input_dim)"), ("forget_bias_init", "unit_forget_bias"),
                    ("output_shape", "(nothing: the output shape is computed)"), ("mode", "(nothing: mode 0 only)"),
                    ("init", "depthwise_initializer / pointwise_initializer")):
    for _layer in interfaces.LAYERS:
        if f"{_layer}({_old}=)" not in TABLE:
            # Listed for every layer without knowing which layer's preprocessor takes the form (Dense(input_dim=)
            # is plain Keras 2): --report names only the ones a run converted; migration.scan leaves them out.
            _PREPROCESSOR_FORMS.add(f"{_layer}({_old}=)")
            TABLE[f"{_layer}({_old}=)"] = KerasName(f"Keras 1 argument form, converted to {_what}",
                                                    f"{_layer}({_what})", _KERAS_1)
for _path in layout.MODULES:
    TABLE[_path] = KerasName(f"the Keras 2.2.4 module `{_path}`",
                             "tf.keras / tf_keras (" + _path.replace("keras", "tf_keras", 1) + " where it exists)",
                             "Keras 3.0 (`import keras` is Keras 3)")
TABLE["K.image_dim_ordering"] = KerasName("Keras 1's image layout switch ('tf' / 'th')",
                                          "K.image_data_format() / set_image_data_format('channels_last')",
                                          "Keras 2.4")


_KEYWORD_SPELLING = re.compile(r"^(\w+)\((\w+)=\)$")  # "Dense(output_dim=)", "fit(nb_epoch=)"


def _scan_entry(key, entry):
    """``TABLE``'s entry as ``migration.scan`` reads the other views' tables: a removed module path, a method of the
    real classes, or a Keras-1 keyword (``keras.Dense(output_dim=)``: any ``Dense(...)`` call in a file that imports
    keras, whatever its receiver). Other spellings are reported at run time by ``--report`` only."""
    from tf1compat.views import legacy_name

    if key.startswith("keras."):
        return key[len("keras."):], legacy_name.MODULE
    if "(" not in key and key.count(".") == 1 and key[0].isupper() and not key.startswith("K."):
        return key, legacy_name.METHOD
    if _KEYWORD_SPELLING.match(key) and key not in _PREPROCESSOR_FORMS:
        return f"keras.{key}", legacy_name.KEYWORD
    return None, None


def _scan_table():
    from tf1compat.views.legacy_name import LegacyName

    table = {}
    for key, entry in TABLE.items():
        scan_key, kind = _scan_entry(key, entry)
        if scan_key:
            removed_in = entry.removed_in.removeprefix("Keras ")  # the scan says "removed in Keras <version>"
            table[scan_key] = LegacyName(key, entry.what, entry.replacement, removed_in, kind)
    return table


SCAN_TABLE = _scan_table()  # what migration.scan reads (see migration/scan/legacy_stack.py)
