"""tf.contrib.training.HParams: TF 1.15's parse grammar, typing, JSON round trips and errors (pure Python)."""
import json

import pytest

from tf1compat.shims.contrib.hparam import HParams, parse_values


def make():
    return HParams(learning_rate=0.1, num_layers=2, cell="lstm", use_attention=False, layer_sizes=[64, 32],
                   dropouts=[0.1, 0.2], names=["a", "b"])


def test_parse_scalars_lists_bools_and_strings():
    hparams = make().parse("learning_rate=0.5,num_layers=4,cell=gru, use_attention=true,"
                           "layer_sizes=[8, 16,32],dropouts=[1],names=[x y]")
    assert hparams.values() == {"learning_rate": 0.5, "num_layers": 4, "cell": "gru", "use_attention": True,
                                "layer_sizes": [8, 16, 32], "dropouts": [1.0], "names": ["x", "y"]}
    assert isinstance(hparams.dropouts[0], float) and isinstance(hparams.learning_rate, float)
    assert make().parse("cell=gru ,num_layers= 3").cell == "gru "  # TF1 keeps a string's trailing blanks


@pytest.mark.parametrize("text, value", [("true", True), ("True", True), ("false", False), ("False", False),
                                         ("1", True), ("0", False)])
def test_bool_spellings(text, value):
    assert make().parse(f"use_attention={text}").use_attention is value


def test_ints_become_floats_but_not_the_reverse():
    assert make().parse("learning_rate=3").learning_rate == 3.0
    with pytest.raises(ValueError, match="Could not parse hparam 'num_layers' of type 'int' with value '2.5'"):
        make().parse("num_layers=2.5")


@pytest.mark.parametrize("text, message", [
    ("learning_rate", "Malformed hyperparameter value: learning_rate"),
    ("=3", "Malformed hyperparameter value: =3"),
    ("unknown=3", "Unknown hyperparameter type for unknown"),
    ("num_layers=abc", "Could not parse hparam 'num_layers' of type 'int' with value 'abc'"),
    ("use_attention=maybe", "Could not parse hparam 'use_attention' of type 'bool' with value 'maybe'"),
    ("num_layers=1,num_layers=2", "Multiple assignments to variable 'num_layers'"),
    ("layer_sizes=[1,x]", "Could not parse hparam 'layer_sizes' of type 'int' with value '1,x'"),
    ("num_layers=[1,2]", "Must not pass a list for single-valued parameter: num_layers"),
    ("layer_sizes=3", "Must pass a list for multi-valued parameter: layer_sizes."),
    ("layer_sizes[0]=[1]", "Assignment of a list to a list index."),
])
def test_bad_strings_raise_value_error_with_tf1_messages(text, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        make().parse(text)


def test_parse_values_grammar_with_indices():
    types = {"x": int, "arr": int, "names": str}
    assert parse_values("x=5,arr[1]=3,arr[0]=2,names=[a,b]", types) == {"x": 5, "arr": {1: 3, 0: 2},
                                                                         "names": ["a", "b"]}
    assert parse_values("x=1,y=2", types, ignore_unknown=True) == {"x": 1}
    with pytest.raises(ValueError, match=r"Multiple assignments to variable 'arr\[1\]'"):
        parse_values("arr[1]=1,arr[1]=2", types)
    with pytest.raises(ValueError, match="Multiple assignments to variable 'x'"):
        parse_values("x=1,x[0]=2", types)


def test_values_json_round_trip_and_override():
    hparams = make()
    text = hparams.to_json(sort_keys=True)
    assert json.loads(text) == hparams.values()
    other = make().parse("num_layers=9,cell=gru")
    assert other.parse_json(text).values() == hparams.values()
    assert other.override_from_dict({"num_layers": 7}).num_layers == 7
    assert HParams(fn=len, x=1).to_json() == '{"x": 1}'  # callables are left out


def test_add_set_del_get_contains():
    hparams = make()
    hparams.add_hparam("batch_size", 32)
    assert "batch_size" in hparams and hparams.get("batch_size") == 32 and hparams.get("nope", 5) == 5
    hparams.set_hparam("batch_size", 64)
    assert hparams.batch_size == 64
    with pytest.raises(ValueError, match="Could not cast hparam 'batch_size'"):
        hparams.set_hparam("batch_size", 1.5)
    with pytest.raises(ValueError, match="Could not cast hparam 'cell'"):
        hparams.set_hparam("cell", 3)
    with pytest.raises(ValueError, match="Could not cast hparam 'use_attention'"):
        hparams.set_hparam("use_attention", 1)
    with pytest.raises(KeyError):
        hparams.set_hparam("missing", 1)
    with pytest.raises(ValueError, match="is incompatible with default=x"):
        hparams.get("batch_size", "x")
    hparams.del_hparam("batch_size")
    assert "batch_size" not in hparams and not hasattr(hparams, "batch_size")
    hparams.del_hparam("batch_size")  # absent: no error, as TF1


def test_reserved_and_empty_names_and_str():
    with pytest.raises(ValueError, match="Hyperparameter name is reserved: values"):
        HParams(values=1)
    with pytest.raises(ValueError, match="Multi-valued hyperparameters cannot be empty: sizes"):
        HParams(sizes=[])
    hparams = HParams(a=1, b="x", model_structure="structure")
    assert str(hparams) == "a=1,b=x" and repr(hparams) == "HParams([('a', 1), ('b', 'x')])"
    assert hparams.get_model_structure() == "structure"


def test_protocol_buffer_forms_raise_a_clear_error():
    for call in (lambda: HParams(hparam_def=object()), lambda: HParams(a=1).to_proto(),
                 lambda: HParams.from_proto(object())):
        with pytest.raises(NotImplementedError, match="HParamDef protocol buffer left TensorFlow"):
            call()
