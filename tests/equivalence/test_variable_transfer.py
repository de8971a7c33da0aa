"""Tests of migration.equivalence.transfer: legacy values into TF2 variables by name, all or nothing."""
import keras
import numpy as np
import pytest
import tensorflow as tf

from migration.equivalence import VariableMismatchError, assign_variables

W = np.arange(6, dtype=np.float32).reshape(2, 3)
B = np.array([0.5, -0.5, 1.0], np.float32)


def dense_layer():
    layer = keras.layers.Dense(3, name="head")
    layer.build((None, 2))
    return layer


def test_assigns_through_keras_paths_and_returns_the_plan():
    layer = dense_layer()
    plan = assign_variables(layer, {"fc/w": W, "fc/b": B}, {"fc/w": "head/kernel", "fc/b": "head/bias"})
    np.testing.assert_array_equal(layer.kernel.numpy(), W)
    np.testing.assert_array_equal(layer.bias.numpy(), B)
    assert plan == {"fc/w": layer.kernel, "fc/b": layer.bias}
    np.testing.assert_allclose(layer(np.ones((1, 2), np.float32)).numpy(), [[3.5, 4.5, 8.0]], rtol=1e-6)


def test_default_map_matches_tf_variable_names_and_objects_work():
    w = tf.Variable(np.zeros((2, 3), np.float32), name="fc/w")
    b = tf.Variable(np.zeros(3, np.float32), name="other")
    assign_variables([w, b], {"fc/w": W, "fc/b": B}, {"fc/w": "fc/w", "fc/b": b})
    np.testing.assert_array_equal(w.numpy(), W)
    np.testing.assert_array_equal(b.numpy(), B)
    assign_variables({"fc/w": w}, {"fc/w": W * 2})  # name_map=None: same names
    np.testing.assert_array_equal(w.numpy(), W * 2)


def test_every_problem_is_listed_and_nothing_is_assigned():
    layer = dense_layer()
    before = [variable.numpy().copy() for variable in layer.variables]
    values = {"fc/w": np.zeros((3, 3), np.float32), "fc/b": B.astype(np.float64),
              "fc/w/Adam": W, "global_step": np.int64(3)}
    name_map = {"fc/w": "head/kernel", "fc/b": "head/bias", "fc/extra": "head/kernel", "global_step": "head/nope"}
    with pytest.raises(VariableMismatchError) as caught:
        assign_variables(layer, values, name_map, ignore=["*/Adam*"])
    assert sorted(caught.value.problems) == sorted([
        "mis-shaped: `fc/w` has shape (3, 3), TF2 `head/kernel` has (2, 3)",
        "mis-typed: `fc/b` is float64, TF2 `head/bias` is float32",
        "missing: `fc/extra` is in the name map but not in the legacy values",
        "`global_step`: unknown TF2 variable `head/nope` (known: bias, head/bias, head/kernel, kernel)",
    ])
    assert str(caught.value).startswith("`assign_variables`: 4 problem(s), nothing was assigned:")
    for variable, old in zip(layer.variables, before):
        np.testing.assert_array_equal(variable.numpy(), old)


def test_unmapped_values_unassigned_variables_and_ambiguous_names():
    first, second = dense_layer(), dense_layer()
    with pytest.raises(VariableMismatchError) as caught:
        assign_variables([first.kernel, first.bias, second.kernel], {"w": W, "b": B, "v": W},
                         {"w": "kernel", "b": first.bias})
    assert sorted(caught.value.problems) == sorted([
        "`w`: ambiguous TF2 name `kernel` (2 variables); map to the variable object",
        "unexpected: legacy `v` is not in the name map (map it, or pass it in ignore=)",
        "missing: TF2 variable `head/kernel` receives no legacy value",
        "missing: TF2 variable `head/kernel` receives no legacy value",
    ])


def test_two_names_onto_one_variable_is_refused():
    layer = dense_layer()
    with pytest.raises(VariableMismatchError, match="`b` and `a` both map to `head/bias`|`a` and `b` both"):
        assign_variables([layer.bias], {"a": B, "b": B}, {"a": layer.bias, "b": "head/bias"})
