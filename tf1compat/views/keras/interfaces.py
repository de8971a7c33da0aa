"""Keras 2.2.4's Keras-1 argument conversions, as data (its ``keras/legacy/interfaces.py``, re-expressed).

Each ``LegacyInterface`` says which positional arguments a call accepts, which Keras-1 keyword
spellings became which Keras 2 ones, which old values were translated, and which special
converter (``preprocessor``, a name in ``tf1compat.views.keras.legacy_arguments``) handles the
forms a rename cannot (``Conv2D(32, 3, 3)``, ``samples_per_epoch``...). Keras 2.2.4 converted
each of them with a ``UserWarning`` ('Update your `Dense` call to the Keras 2 API: ...').
"""
from dataclasses import dataclass, field

_DIM_ORDERING = {"dim_ordering": {"tf": "channels_last", "th": "channels_first", "default": None}}
_WEIGHT_RENAMES = (("init", "kernel_initializer"), ("W_regularizer", "kernel_regularizer"),
                   ("b_regularizer", "bias_regularizer"), ("W_constraint", "kernel_constraint"),
                   ("b_constraint", "bias_constraint"), ("bias", "use_bias"))
_CONV_RENAMES = (("nb_filter", "filters"), ("subsample", "strides"), ("border_mode", "padding"),
                 ("dim_ordering", "data_format")) + _WEIGHT_RENAMES


@dataclass(frozen=True)
class LegacyInterface:
    """How Keras 2.2.4 converted one Keras-1 call signature."""

    positional: tuple = None  # the positional arguments allowed (None: not checked)
    renames: tuple = ()  # (Keras 1 keyword, Keras 2 keyword)
    values: dict = field(default_factory=dict)  # keyword -> {old value: new value}
    preprocessor: str = None  # special converter in legacy_arguments (positional Keras-1 forms)


_CONV2D = LegacyInterface(("filters", "kernel_size"), _CONV_RENAMES, _DIM_ORDERING, "conv2d")
_CONV3D = LegacyInterface(("filters", "kernel_size"), _CONV_RENAMES, _DIM_ORDERING, "conv3d")
_POOLING_ND = LegacyInterface(("pool_size", "strides", "padding"),
                              (("border_mode", "padding"), ("dim_ordering", "data_format")), _DIM_ORDERING)
_POOLING_1D = LegacyInterface(("pool_size", "strides", "padding"),
                              (("pool_length", "pool_size"), ("stride", "strides"), ("border_mode", "padding")))
_GLOBAL_POOLING = LegacyInterface(None, (("dim_ordering", "data_format"),), _DIM_ORDERING)
_DIM_ORDERING_ONLY = (("dim_ordering", "data_format"),)
_RECURRENT = LegacyInterface(
    ("units",),
    (("output_dim", "units"), ("init", "kernel_initializer"), ("inner_init", "recurrent_initializer"),
     ("inner_activation", "recurrent_activation"), ("W_regularizer", "kernel_regularizer"),
     ("b_regularizer", "bias_regularizer"), ("U_regularizer", "recurrent_regularizer"),
     ("dropout_W", "dropout"), ("dropout_U", "recurrent_dropout"), ("consume_less", "implementation")),
    {"consume_less": {"cpu": 0, "mem": 1, "gpu": 2}}, "recurrent")

# tf_keras layer class name -> the conversions Keras 2.2.4 applied to its constructor.
LAYERS = {
    "Dense": LegacyInterface(("units",), (("output_dim", "units"),) + _WEIGHT_RENAMES),
    "Dropout": LegacyInterface(("rate", "noise_shape", "seed"), (("p", "rate"),)),
    "SpatialDropout1D": LegacyInterface(("rate",), (("p", "rate"),)),
    "SpatialDropout2D": LegacyInterface(("rate",), (("p", "rate"),) + _DIM_ORDERING_ONLY, _DIM_ORDERING),
    "SpatialDropout3D": LegacyInterface(("rate",), (("p", "rate"),) + _DIM_ORDERING_ONLY, _DIM_ORDERING),
    "GaussianDropout": LegacyInterface(("rate",), (("p", "rate"),)),
    "GaussianNoise": LegacyInterface(("stddev",), (("sigma", "stddev"),)),
    "PReLU": LegacyInterface(("alpha_initializer",), (("init", "alpha_initializer"),)),
    "Embedding": LegacyInterface(
        ("input_dim", "output_dim"),
        (("init", "embeddings_initializer"), ("W_regularizer", "embeddings_regularizer"),
         ("W_constraint", "embeddings_constraint")), preprocessor="embedding"),
    "BatchNormalization": LegacyInterface(
        (), (("beta_init", "beta_initializer"), ("gamma_init", "gamma_initializer")), preprocessor="batchnorm"),
    "Conv1D": LegacyInterface(
        ("filters", "kernel_size"),
        (("nb_filter", "filters"), ("filter_length", "kernel_size"), ("subsample_length", "strides"),
         ("border_mode", "padding")) + _WEIGHT_RENAMES, preprocessor="conv1d"),
    "Conv2D": _CONV2D,
    "Conv2DTranspose": LegacyInterface(("filters", "kernel_size"), _CONV_RENAMES, _DIM_ORDERING, "deconv2d"),
    "SeparableConv2D": LegacyInterface(
        ("filters", "kernel_size"),
        tuple(pair for pair in _CONV_RENAMES if pair[0] not in ("init", "W_regularizer", "W_constraint")),
        _DIM_ORDERING, "separable_conv2d"),
    "Conv3D": _CONV3D,
    "ConvLSTM2D": LegacyInterface(
        ("filters", "kernel_size"),
        _CONV_RENAMES + (("inner_init", "recurrent_initializer"), ("U_regularizer", "recurrent_regularizer"),
                         ("inner_activation", "recurrent_activation"), ("dropout_W", "dropout"),
                         ("dropout_U", "recurrent_dropout")), _DIM_ORDERING, "convlstm2d"),
    "MaxPooling1D": _POOLING_1D,
    "AveragePooling1D": _POOLING_1D,
    "MaxPooling2D": _POOLING_ND,
    "AveragePooling2D": _POOLING_ND,
    "MaxPooling3D": _POOLING_ND,
    "AveragePooling3D": _POOLING_ND,
    "GlobalMaxPooling2D": _GLOBAL_POOLING,
    "GlobalAveragePooling2D": _GLOBAL_POOLING,
    "GlobalMaxPooling3D": _GLOBAL_POOLING,
    "GlobalAveragePooling3D": _GLOBAL_POOLING,
    "UpSampling1D": LegacyInterface(("size",), (("length", "size"),)),
    "UpSampling2D": LegacyInterface(("size",), _DIM_ORDERING_ONLY, _DIM_ORDERING),
    "UpSampling3D": LegacyInterface(("size",), _DIM_ORDERING_ONLY, _DIM_ORDERING),
    "ZeroPadding2D": LegacyInterface(("padding",), _DIM_ORDERING_ONLY, _DIM_ORDERING, "zeropadding2d"),
    "ZeroPadding3D": LegacyInterface(("padding",), _DIM_ORDERING_ONLY, _DIM_ORDERING),
    "Cropping2D": LegacyInterface(("cropping",), _DIM_ORDERING_ONLY, _DIM_ORDERING),
    "Cropping3D": LegacyInterface(("cropping",), _DIM_ORDERING_ONLY, _DIM_ORDERING),
    "SimpleRNN": _RECURRENT,
    "GRU": _RECURRENT,
    "LSTM": _RECURRENT,
    "Lambda": LegacyInterface(("function", "output_shape")),
}

# Keras 2.2.4's own defaults where tf_keras changed them (old weights and numbers depend on them).
KERAS22_DEFAULTS = {
    "LSTM": {"recurrent_activation": "hard_sigmoid"},
    "GRU": {"recurrent_activation": "hard_sigmoid", "reset_after": False},
    "LSTMCell": {"recurrent_activation": "hard_sigmoid"},
    "GRUCell": {"recurrent_activation": "hard_sigmoid", "reset_after": False},
    "ConvLSTM2D": {"recurrent_activation": "hard_sigmoid"},
}

# The other spellings of Keras 2.2.4's layers (its module-level aliases; no warning in 2.2.4).
ALIASES = {
    "Convolution1D": "Conv1D", "Convolution2D": "Conv2D", "Convolution3D": "Conv3D",
    "SeparableConvolution2D": "SeparableConv2D", "Convolution2DTranspose": "Conv2DTranspose",
    "Deconvolution2D": "Conv2DTranspose", "Deconv2D": "Conv2DTranspose",
    "Deconvolution3D": "Conv3DTranspose", "Deconv3D": "Conv3DTranspose",
    "AvgPool1D": "AveragePooling1D", "MaxPool1D": "MaxPooling1D", "AvgPool2D": "AveragePooling2D",
    "MaxPool2D": "MaxPooling2D", "AvgPool3D": "AveragePooling3D", "MaxPool3D": "MaxPooling3D",
    "GlobalMaxPool1D": "GlobalMaxPooling1D", "GlobalMaxPool2D": "GlobalMaxPooling2D",
    "GlobalMaxPool3D": "GlobalMaxPooling3D", "GlobalAvgPool1D": "GlobalAveragePooling1D",
    "GlobalAvgPool2D": "GlobalAveragePooling2D", "GlobalAvgPool3D": "GlobalAveragePooling3D",
}

# Model methods and constructors.
GENERATOR_METHODS = LegacyInterface(
    ("generator", "steps_per_epoch", "epochs"),
    (("samples_per_epoch", "steps_per_epoch"), ("val_samples", "steps"), ("nb_epoch", "epochs"),
     ("nb_val_samples", "validation_steps"), ("nb_worker", "workers"), ("pickle_safe", "use_multiprocessing"),
     ("max_q_size", "max_queue_size")), preprocessor="generator_methods")
MODEL_CONSTRUCTOR = LegacyInterface(None, (("input", "inputs"), ("output", "outputs")))
INPUT = LegacyInterface(None, (("input_dtype", "dtype"),))
