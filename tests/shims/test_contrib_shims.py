"""The tf.contrib shims, seen from unmodified TF1 scripts run with ``python -m tf1compat``.

Two TF1 scripts (tests/scripts/contrib_*_check.py) run in parallel subprocesses, each computing
many results printed as one JSON document; the tests below assert on those values.
"""
import functools
import math

import numpy as np
import pytest

from tests.tf1_programs import run_tf1_programs

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

SCRIPTS = {"layers": "tests/scripts/contrib_layers_check.py", "rnn": "tests/scripts/contrib_rnn_check.py"}


@functools.lru_cache(maxsize=None)
def script_results():
    """Run both check scripts at once (TF1 graph mode needs its own process); parse their JSON."""
    finished = run_tf1_programs({name: [path] for name, path in SCRIPTS.items()})
    return {name: run.result for name, run in finished.items()}


@pytest.fixture(scope="module")
def layers():
    return script_results()["layers"]


@pytest.fixture(scope="module")
def rnn():
    return script_results()["rnn"]


def test_layers_create_tf1_variable_names_and_shapes(layers):
    assert layers["layers"]["variables"] == {
        "fully_connected/weights": [192, 5], "fully_connected/biases": [5],
        "sequence_fc/weights": [4, 5], "sequence_fc/biases": [5],
        "Conv/weights": [3, 3, 3, 6], "Conv/biases": [6],
        "Conv_1/weights": [3, 3, 3, 4], "Conv_1/biases": [4],
        "Conv2d_transpose/weights": [3, 3, 2, 3], "Conv2d_transpose/biases": [2],
        "BatchNorm/gamma": [3], "BatchNorm/beta": [3],
        "BatchNorm/moving_mean": [3], "BatchNorm/moving_variance": [3],
        "LayerNorm/beta": [3], "LayerNorm/gamma": [3],
        "EmbedSequence/embeddings": [10, 7],
        "fc/fc_1/weights": [6, 4], "fc/fc_1/biases": [4], "fc/fc_2/weights": [4, 3], "fc/fc_2/biases": [3],
        "conv/conv_1/weights": [3, 3, 3, 4], "conv/conv_1/biases": [4],
        "conv/conv_2/weights": [3, 3, 4, 4], "conv/conv_2/biases": [4],
    }
    # Every contrib layer variable is a model variable, as in TF1 (checkpoint restore relies on it).
    assert sorted(layers["layers"]["model_variables"]) == sorted(layers["layers"]["variables"])
    assert layers["layers"]["update_ops"] == 2  # batch_norm's moving mean and variance


def test_layers_output_shapes(layers):
    assert layers["layers"]["outputs"] == {
        "flatten": [None, 192], "fully_connected": [None, 5], "fully_connected_rank3": [2, 3, 5],
        "conv2d": [None, 8, 8, 6],
        "conv2d_stride2_valid": [None, 3, 3, 4], "conv2d_transpose": [None, 16, 16, 2],
        "max_pool2d": [None, 4, 4, 3], "avg_pool2d": [None, 4, 4, 3], "batch_norm": [None, 8, 8, 3],
        "layer_norm": [None, 8, 8, 3], "one_hot_encoding": [3, 4], "embed_sequence": [1, 3, 7],
        "slim_stack": [2, 3], "slim_repeat": [None, 8, 8, 4],
    }


def test_batch_norm_statistics_and_dropout_keep_prob(layers):
    norm = layers["normalization"]
    np.testing.assert_allclose(norm["normalized_mean"], 0, atol=1e-5)
    np.testing.assert_allclose(norm["normalized_std"], 1, rtol=1e-3)  # epsilon 0.001 on variance ~9
    np.testing.assert_allclose(norm["fused_std"], 1, rtol=1e-3)
    batch_mean = np.array(norm["batch_mean"])
    # One update from zero: moving = (1 - decay) * batch mean; TF1 contrib default decay is 0.999.
    np.testing.assert_allclose(norm["moving_mean"]["collected"], 0.1 * batch_mean, rtol=1e-5)
    np.testing.assert_allclose(norm["moving_mean"]["in_place"], 0.001 * batch_mean, rtol=1e-4)
    # keep_prob=0.8: ~20 % zeros (100k draws: 0.4 % is > 3 standard errors), survivors scaled by 1/0.8.
    assert norm["dropout_zero_fraction"] == pytest.approx(0.2, abs=0.004)
    assert norm["dropout_values"] == [0.0, 1.25]
    assert norm["dropout_eval_values"] == [1.0]


def test_embed_sequence_and_summaries(layers):
    run = layers["embeddings"]
    expected = np.array(run["table"])[np.array(run["ids"])]
    np.testing.assert_array_equal(run["plain"], expected)
    np.testing.assert_array_equal(run["unique"], expected)
    assert run["summary_ops"] == ["HistogramSummary", "ScalarSummary", "ScalarSummary"]
    assert run["scalars"] == {"Relu/zeros": 0.5, "two": 2.0}  # relu: fraction of inputs below zero


def truncated_normal_std_factor():
    """Std of a standard normal truncated to [-2, 2] (TF's truncated_normal), times sqrt(1.3)."""
    density = math.exp(-2.0) / math.sqrt(2 * math.pi)
    mass = math.erf(2 / math.sqrt(2))
    return math.sqrt(1.3 * (1 - 2 * 2 * density / mass))


# name -> (theoretical std, bound on |value|): contrib semantics, n from fan_in / fan_out / their mean.
INITIALIZER_THEORY = {
    "xavier_uniform_1000x1000": (math.sqrt(1 / 1000), math.sqrt(3 / 1000)),
    "xavier_normal_1000x1000": (math.sqrt(1 / 1000) * truncated_normal_std_factor(), 2 * math.sqrt(1.3 / 1000)),
    "xavier_conv2d_3x3x64x128": (math.sqrt(1 / 864), math.sqrt(3 / 864)),  # fan_in 576, fan_out 1152
    "variance_scaling_default_1000x1000": (math.sqrt(2 / 1000) * truncated_normal_std_factor(),
                                           2 * math.sqrt(1.3 * 2 / 1000)),
    "variance_scaling_fan_out_uniform_500x2000": (math.sqrt(1 / 2000), math.sqrt(3 / 2000)),
}


@pytest.mark.parametrize("name", sorted(INITIALIZER_THEORY))
def test_initializer_sample_statistics(layers, name):
    stats = layers["initializers"][name]
    std, bound = INITIALIZER_THEORY[name]
    assert stats["std"] == pytest.approx(std, rel=0.01)  # >= 73k samples: sampling error < 0.3 %
    assert abs(stats["mean"]) < 0.02 * std  # >= 5 standard errors of the mean
    assert bound * 0.98 < stats["max_abs"] <= bound * (1 + 1e-6)


def test_regularizers_match_numpy(layers):
    values = layers["regularizers"]
    first, second = np.array(values["first"]), np.array(values["second"])
    assert values["l2_0.1"] == pytest.approx(0.1 * np.sum(first ** 2) / 2, rel=1e-6)
    assert values["l1_0.05"] == pytest.approx(0.05 * np.abs(first).sum(), rel=1e-6)
    assert values["l1_l2_0.3_0.2"] == pytest.approx(0.3 * np.abs(first).sum() + 0.2 * np.sum(first ** 2) / 2,
                                                     rel=1e-6)
    assert values["apply_l2_0.1"] == pytest.approx(0.1 * (np.sum(first ** 2) + np.sum(second ** 2)) / 2, rel=1e-6)
    # fully_connected(weights_regularizer=l2_regularizer(0.5)) and apply_regularization both add
    # their penalty to the REGULARIZATION_LOSSES collection, as in TF1.
    np.testing.assert_array_equal(values["regularized_weights"], first.T)
    assert values["collected_loss"] == pytest.approx(0.5 * np.sum(first ** 2) / 2 + values["apply_l2_0.1"], rel=1e-6)


def test_toy_model_with_batch_norm_and_dropout_trains(layers):
    run = layers["training"]
    assert run["global_step"] == 80
    assert run["initial_loss"] == pytest.approx(0.73, abs=0.1)  # 2 classes, untrained: about ln 2
    assert run["final_loss"] < 0.1 * run["initial_loss"]
    assert run["final_accuracy"] >= 0.97
    losses = run["train_losses"]
    assert np.mean(losses[-10:]) < 0.2 * np.mean(losses[:10])
    assert run["moving_mean_abs_sum"] > 0.1  # UPDATE_OPS ran through optimize_loss


def test_slim_losses_and_create_train_op(layers):
    run = layers["slim_training"]
    assert run["total"] == pytest.approx(run["cross_entropy"] + run["regularization"], rel=1e-6)
    assert run["regularization"] > 0
    assert run["losses"][0] == pytest.approx(run["total"], rel=1e-6)  # the train op returns the loss before the step
    assert run["losses"][-1] < 0.6 * run["losses"][0]
    assert all(later < earlier for earlier, later in zip(run["losses"], run["losses"][1:]))


def test_arg_scope_sets_defaults(layers):
    scope = layers["arg_scope"]
    assert scope["scoped"] == [[-0.75] * 3]  # 2 * -0.5 + 0.25 with activation_fn=None from arg_scope
    assert scope["unscoped_relu"] == [[0.0] * 3]  # default relu clips it
    assert (scope["custom"], scope["custom_outside"]) == (21, 3)


def test_framework_helpers(layers):
    framework = layers["framework"]
    assert framework["model_variables"] == ["mv"]
    assert framework["block_variables"] == ["block/kept", "block/skipped"]
    assert framework["to_restore"] == ["block/kept", "global_step", "mv", "plain"]
    assert framework["global_step"] == ["global_step", "int64", True]
    assert framework["restored"] == [3.0, 3.0]
    assert framework["local"] == ["counter", ["counter"], False]
    assert framework["nest_flatten"] == [1, 2, 3]
    assert framework["is_tensor"] == [True, False]
    assert framework["slim_vgg16"] is True
    assert framework["implementation_path"] is True  # tensorflow.contrib.layers.python.layers


def test_rnn_cells_shapes_and_variables(rnn):
    cells = rnn["cells"]
    assert cells["basic_lstm"] == {"outputs": 4, "output": [[2, 4]], "state": [[2, 4], [2, 4]], "variables": {
        "basic_lstm/basic_lstm_cell/kernel": [9, 16], "basic_lstm/basic_lstm_cell/bias": [16]}}
    assert cells["lstm_peephole_proj"]["state"] == [[2, 4], [2, 3]]
    assert cells["lstm_peephole_proj"]["variables"]["lstm_peephole_proj/lstm_cell/projection/kernel"] == [4, 3]
    assert cells["gru"]["variables"] == {
        "gru/gru_cell/gates/kernel": [9, 8], "gru/gru_cell/gates/bias": [8],
        "gru/gru_cell/candidate/kernel": [9, 4], "gru/gru_cell/candidate/bias": [4]}
    assert cells["multi"]["state"] == [[2, 4], [2, 4], [2, 3]]
    assert "multi/multi_rnn_cell/cell_1/gru_cell/gates/kernel" in cells["multi"]["variables"]
    assert cells["dropout"]["variables"] == {"dropout/basic_rnn_cell/kernel": [9, 4],
                                             "dropout/basic_rnn_cell/bias": [4]}
    assert cells["lstm_state_is_tuple"] and cells["all_are_rnn_cells"]


def test_rnn_values_match_numpy(rnn):
    checks = rnn["numpy"]
    for key in ("max_abs_diff", "state_diff", "residual_diff", "projection_diff"):
        assert checks[key] < 1e-5, key
    assert checks["projection_shape"] == [2, 4, 1]
    assert checks["projection_variables"] == [
        "rnn/output_projection_wrapper/basic_rnn_cell/bias", "rnn/output_projection_wrapper/basic_rnn_cell/kernel",
        "rnn/output_projection_wrapper/bias", "rnn/output_projection_wrapper/kernel"]


def test_dropout_wrapper_keep_prob(rnn):
    run = rnn["dropout_wrapper"]
    assert run["variables"] == 2  # the wrapper adds no variables: it reuses shared/rnn/basic_rnn_cell
    assert run["zero_fraction"] == pytest.approx(0.5, abs=0.08)  # 400 draws: > 3 standard errors
    assert run["kept_ratio_error"] < 1e-5  # survivors scaled by 1 / keep_prob


def test_bidirectional_rnns(rnn):
    bidirectional = rnn["bidirectional"]
    assert bidirectional["static"]["outputs"] == 4
    assert bidirectional["static"]["output"] == [[2, 7]]
    assert bidirectional["static"]["variables"]["bidirectional_rnn/fw/basic_lstm_cell/kernel"] == [9, 16]
    assert bidirectional["static"]["variables"]["bidirectional_rnn/bw/gru_cell/gates/kernel"] == [8, 6]
    assert bidirectional["stacked"] == {"outputs": 4, "output": [[2, 5]], "layers": 2}
    assert bidirectional["stacked_dynamic"] == {"output": [[2, 4, 3]], "layers_fw": 2, "layers_bw": 2}
    names = bidirectional["stack_variables"]
    assert "stack_bidirectional_rnn/cell_1/bidirectional_rnn/fw/basic_lstm_cell/kernel" in names
    assert "stack_bidirectional_rnn/cell_1/bw/gru_cell/gates/kernel" in names


def test_sequence_loss_matches_numpy(rnn):
    loss = rnn["sequence_loss"]
    crossent = np.array(loss["numpy"]["crossent"])  # already multiplied by the weights
    weights = np.array(loss["numpy"]["weights"])
    nonzero = (weights != 0).astype(float)
    expected = {
        "default": crossent.sum() / weights.sum(),
        "per_example": crossent.sum(1) / weights.sum(1),
        "per_step": crossent.sum(0) / weights.sum(0),
        "none": crossent,
        "sum_both": crossent.sum() / nonzero.sum(),
        "sum_timesteps": crossent.sum(1) / nonzero.sum(1),
        "doubled_loss_fn": 2 * crossent.sum() / weights.sum(),
    }
    for mode, value in expected.items():
        np.testing.assert_allclose(loss["tf"][mode], value, rtol=1e-5, err_msg=mode)
    assert loss["conflict_error"] == "`average_across_batch` and `sum_over_batch` cannot both be True"


def test_unsupported_names_raise_both_flavours(rnn):
    errors = rnn["errors"]
    for key in ("from_layers_import", "rnn_removed_cell_import", "contrib_import", "seq2seq_import"):
        assert errors[key]["type"] == "UnsupportedTF1APIImportError", key
        assert {"UnsupportedTF1APIError", "ImportError"} <= set(errors[key]["bases"])
    for key in ("layers_attribute", "rnn_removed_cell"):
        assert errors[key]["type"] == "UnsupportedTF1APIAttributeError", key
        assert {"UnsupportedTF1APIError", "AttributeError"} <= set(errors[key]["bases"])
    assert errors["from_layers_import"]["message"] == errors["layers_attribute"]["message"] == (
        "`tf.contrib.layers.nope` is not provided by tf1compat: tf.contrib was removed in TensorFlow 2.0 and "
        "tf1compat's `tf.contrib.layers` provides only the names TF1 scripts used most "
        "(`dir(tf.contrib.layers)` lists them). TF2 replacement: tf.keras.layers "
        "(worked example: migration/cnn_mnist.py)")
    cell_message = errors["rnn_removed_cell"]["message"]
    assert cell_message == errors["rnn_removed_cell_import"]["message"]
    assert cell_message.startswith("`tf.contrib.rnn.NTMCell` is not provided by tf1compat: ")
    assert "`tf.contrib.rnn` provides only the names TF1 scripts used most" in cell_message
    assert "TF2 replacement: tf.keras.layers.LSTM / RNN / LSTMCell" in cell_message
    assert errors["contrib_import"]["message"].startswith("`tf.contrib.nonexistent` is not provided by tf1compat")
    assert errors["seq2seq_import"]["message"].startswith("`tf.contrib.seq2seq.BasicDecoderV2` is not provided")


def test_private_probes_get_a_plain_attribute_error(rnn):
    probe = rnn["errors"]["private_probe"]
    assert probe["type"] == "AttributeError"
    assert probe["message"] == "module 'tf1compat.shims.contrib.layers' has no attribute '_fields'"


def test_hasattr_on_contrib_namespaces(rnn):
    assert rnn["errors"]["hasattr"] == {
        "contrib.nonexistent": False, "contrib.layers.nope": False, "contrib.slim.nope": False,
        "contrib.framework.nope": False, "contrib.rnn.GRUCell": True, "contrib.layers.flatten": True}


# What issue 2 and TF1 scripts need from each shim (a subset of what each provides).
REQUIRED_NAMES = {
    "layers": {"xavier_initializer", "xavier_initializer_conv2d", "variance_scaling_initializer",
               "fully_connected", "conv2d", "conv2d_transpose", "max_pool2d", "avg_pool2d", "flatten",
               "l1_regularizer", "l2_regularizer", "l1_l2_regularizer", "apply_regularization", "batch_norm",
               "layer_norm", "dropout", "one_hot_encoding", "embed_sequence", "optimize_loss",
               "summarize_tensor", "summarize_activation"},
    "rnn": {"BasicLSTMCell", "LSTMCell", "GRUCell", "BasicRNNCell", "MultiRNNCell", "DropoutWrapper",
            "ResidualWrapper", "LSTMStateTuple", "RNNCell", "static_rnn", "static_bidirectional_rnn",
            "static_state_saving_rnn", "stack_bidirectional_rnn", "stack_bidirectional_dynamic_rnn",
            "OutputProjectionWrapper"},
    "slim": {"fully_connected", "conv2d", "arg_scope", "losses", "get_variables", "learning", "nets",
             "get_model_variables", "batch_norm", "max_pool2d", "repeat", "stack"},
    "framework": {"arg_scope", "add_arg_scope", "get_variables", "get_variables_to_restore",
                  "get_model_variables", "model_variable", "variable", "get_or_create_global_step",
                  "get_global_step", "assign_from_checkpoint_fn", "nest", "is_tensor"},
}


@pytest.mark.parametrize("shim", sorted(REQUIRED_NAMES))
def test_dir_lists_the_provided_names_only(rnn, shim):
    listed = set(rnn["errors"]["dir"][shim])
    assert REQUIRED_NAMES[shim] <= listed
    # The shim's own imports (tensorflow, tf_slim helper modules) are not contrib names.
    assert not listed & {"tensorflow", "tf_slim_aliases", "contrib_module_hooks", "variables"} - REQUIRED_NAMES[shim]
