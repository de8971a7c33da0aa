"""The contrib.rnn and contrib.cudnn_rnn cells tf1compat provides: TF1 variable names and one step vs NumPy.

One subprocess (tests/scripts/contrib_cells_check.py, run with ``python -m tf1compat``) builds every
cell, runs one step from a random state and prints variable values, inputs and results; the
NumPy references in numpy_cells.py / numpy_wrapped_cells.py redo the step in float64.
Tolerance: 2e-5 absolute (float32 kernels, values of order 1).
"""
import functools

import numpy as np
import pytest

from tests.shims import numpy_cells as nc
from tests.shims import numpy_wrapped_cells as nw
from tests.tf1_programs import tf1_result

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

ATOL = 2e-5


@functools.lru_cache(maxsize=None)
def results():
    return tf1_result("tests/scripts/contrib_cells_check.py", timeout=400)


LSTM_BLOCK = ["lstm_cell/kernel", "lstm_cell/bias", "lstm_cell/w_i_diag", "lstm_cell/w_f_diag", "lstm_cell/w_o_diag"]
LN = "layer_norm_basic_lstm_cell/"
CIFG = "coupled_input_forget_gate_lstm_cell/"
PHASED = "phased_lstm_cell/"
GRID_DIAG = [f"grid_lstm_cell/W_{g}_diag_{d}{s}_0" for g in "IFO" for d in ("freq", "time") for s in "ft"]
ATT = "attention_cell_wrapper/"
GRU_V1 = ("gru_cell/w_ru", "gru_cell/b_ru", "gru_cell/w_c", "gru_cell/b_c")
GRU_V2 = ("gru_cell/gates/kernel", "gru_cell/gates/bias", "gru_cell/candidate/kernel", "gru_cell/candidate/bias")
CUDNN_GRU = "cudnn_compatible_gru_cell/"

# cell -> (TF 1.15 checkpoint names below the enclosing scope, NumPy step)
CASES = {
    "lstm_block": (LSTM_BLOCK, nc.lstm_block),
    "gru_block": (list(GRU_V1), nc.gru_block),
    "gru_block_v2": (list(GRU_V2), functools.partial(nc.gru_block, names=GRU_V2)),
    "layer_norm_lstm": ([LN + "kernel"] + [f"{LN}{n}/{p}" for n in ("input", "transform", "forget", "output", "state")
                                           for p in ("gamma", "beta")], nc.layer_norm_lstm),
    "layer_norm_lstm_plain": ([LN + "kernel", LN + "bias"], functools.partial(nc.layer_norm_lstm, norm=False)),
    "cifg": ([CIFG + n for n in ("W_0", "B", "W_F_diag", "W_O_diag", "W_P_0")], nc.cifg),
    "layer_norm_lstm_cell": (["layer_norm_lstm_cell/" + n for n in (
        "kernel", "bias", "w_f_diag", "w_i_diag", "w_o_diag", "projection/kernel")] + [
        f"layer_norm_lstm_cell/{n}/{p}" for n in ("input", "transform", "forget", "output", "state")
        for p in ("gamma", "beta")], nc.layer_norm_lstm_cell),
    "sru": (["sru_cell/kernel", "sru_cell/bias"], nc.sru),
    "glstm": (["glstm_cell/" + n for n in ("group0/kernel", "group1/kernel", "bias_i", "bias_j", "bias_f", "bias_o",
                                           "projection/kernel")], nc.glstm),
    "indrnn": (["ind_rnn_cell/kernel_w", "ind_rnn_cell/kernel_u", "ind_rnn_cell/bias"], nc.indrnn),
    "indy_gru": (["indy_gru_cell/" + n for n in ("gates/kernel_w", "gates/kernel_u", "gates/bias", "candidate/kernel",
                                                 "candidate/kernel_u", "candidate/bias")], nc.indy_gru),
    "indy_lstm": (["indy_lstm_cell/kernel_w", "indy_lstm_cell/kernel_u", "indy_lstm_cell/bias"], nc.indy_lstm),
    "compiled": (["basic_rnn_cell/kernel", "basic_rnn_cell/bias"], nw.compiled),
    "minimal": (["minimal_rnn_cell/kernel", "minimal_rnn_cell/bias"], nc.minimal),
    "cfn": (["cfn_cell/kernel", "cfn_cell/recurrent_kernel", "cfn_cell/bias"], nc.cfn),
    "weight_norm": (["wn_lstm_cell/wn_lstm_cell/" + n for n in (
        "kernel", "bias", "norm_0", "norm_1", "w_f_diag", "w_i_diag", "w_o_diag", "projection/kernel",
        "projection/norm_0")], nw.weight_norm),
    "nas": (["nas_cell/" + n for n in ("recurrent_kernel", "kernel", "bias", "projection_weights")], nc.nas),
    "ugrnn": (["ugrnn_cell/kernel", "ugrnn_cell/bias"], nc.ugrnn),
    "intersection": (["intersection_rnn_cell/" + n for n in ("in_projection/kernel", "in_projection/bias",
                                                              "kernel", "bias")], nc.intersection),
    "phased": ([PHASED + n for n in ("mask_gates/kernel", "mask_gates/bias", "new_input/kernel", "new_input/bias",
                                     "output_gate/kernel", "output_gate/bias", "period", "phase", "ratio_on")],
               nc.phased),
    "grid": (["grid_lstm_cell/W_f_0_0", "grid_lstm_cell/B_f_0", "grid_lstm_cell/W_t_0_0", "grid_lstm_cell/B_t_0"]
             + GRID_DIAG, nw.grid),
    "bidirectional_grid": ([f"bidirectional_grid_lstm_cell/{d}/{n}" for d in ("fwd", "bwd") for n in (
        ["W_f_0_0", "B_f_0", "W_t_0_0", "B_t_0"] + [n.split("/")[1] for n in GRID_DIAG])], nw.bidirectional_grid),
    "time_freq": (["time_freq_lstm_cell/" + n for n in ("W_0", "B", "W_F_diag", "W_I_diag", "W_O_diag")], nw.time_freq),
    "attention": ([ATT + n for n in ("kernel", "bias", "basic_lstm_cell/kernel", "basic_lstm_cell/bias",
                                     "attention/attn_w", "attention/attn_v", "attention/kernel", "attention/bias",
                                     "attn_output_projection/kernel", "attn_output_projection/bias")], nw.attention),
    "highway": (["basic_rnn_cell/kernel", "basic_rnn_cell/bias", "carry_w", "carry_b", "transform_w", "transform_b"],
                nw.highway),
    "input_projection": (["input_projection_wrapper/" + n for n in ("kernel", "bias", "basic_rnn_cell/kernel",
                                                                     "basic_rnn_cell/bias")], nw.input_projection),
    "embedding": (["embedding_wrapper/" + n for n in ("embedding", "basic_rnn_cell/kernel", "basic_rnn_cell/bias")],
                  nw.embedding),
    "conv2d_lstm": (["conv_lstm_cell/kernel", "conv_lstm_cell/biases"], nw.conv_lstm),
    "conv1d_lstm": (["conv_lstm_cell/kernel", "conv_lstm_cell/biases"], functools.partial(nw.conv_lstm, skip=True)),
    "cudnn_lstm": (["cudnn_compatible_lstm_cell/kernel", "cudnn_compatible_lstm_cell/bias"],
                   functools.partial(nc.lstm_block, scope="cudnn_compatible_lstm_cell", forget_bias=0.0, clip=None,
                                     peephole=False)),
    "cudnn_gru": ([CUDNN_GRU + n for n in ("gates/kernel", "gates/bias", "candidate/input_projection/kernel",
                                           "candidate/hidden_projection/kernel", "candidate/input_projection/bias",
                                           "candidate/hidden_projection/bias")], nw.cudnn_gru),
}


@pytest.mark.parametrize("cell", sorted(CASES))
def test_cell_creates_tf1_checkpoint_names(cell):
    assert sorted(results()[cell]["variables"]) == sorted(CASES[cell][0])


@pytest.mark.parametrize("cell", sorted(CASES))
def test_cell_step_matches_numpy(cell):
    record = results()[cell]
    output, state = CASES[cell][1](record)
    np.testing.assert_allclose(record["output"], output, atol=ATOL)
    want = _flatten(state)
    assert len(record["new_state"]) == len(want)
    for got, expected in zip(record["new_state"], want):
        np.testing.assert_allclose(got, expected, atol=ATOL)


def _flatten(value):
    """The state's arrays in nest order (NumPy references return nested lists of arrays)."""
    if isinstance(value, (list, tuple)):
        return [leaf for item in value for leaf in _flatten(item)]
    return [np.asarray(value)]


def test_block_shapes_and_variables_of_fused_cell():
    shapes = {name: results()[name]["variables"] for name in ("lstm_block", "gru_block")}
    assert shapes["lstm_block"]["lstm_cell/kernel"] == [3 + 4, 16]  # [input + units, 4 * units], gates i j f o
    assert shapes["gru_block"]["gru_cell/w_ru"] == [3 + 4, 8]
    fused = results()["fused"]
    assert fused["variables"] == ["fused/lstm_fused_cell/bias", "fused/lstm_fused_cell/kernel"]


def test_fused_cell_equals_block_cell_under_dynamic_rnn_with_lengths():
    fused = results()["fused"]
    # Same weights, same sequence (lengths 5 and 3): BlockLSTM == LSTMBlockCell steps, outputs masked.
    assert fused["outputs_gap"] < 1e-5 and fused["final_c_gap"] < 1e-5 and fused["final_h_gap"] < 1e-5
    assert fused["padded_outputs_zero"]
    # TimeReversedFusedRNN == the cell run on each sequence reversed within its length (via FusedRNNCellAdaptor).
    assert fused["reversed_gap"] < 1e-5 and fused["reversed_final_gap"] < 1e-5
    assert fused["variables_after_reuse"] == fused["variables"]


@pytest.mark.parametrize("name", ["lstm_block_grad", "gru_block_grad"])
def test_block_cell_gradients_match_finite_differences(name):
    grad = results()[name]
    assert grad["all_finite"]
    # Central differences in float32 with delta 1e-2 at fixed initial weights (graph seed 7): measured agreement
    # 3e-5 (GRU) and 2e-6 (LSTM) relative; 1e-3 leaves room for float32 summation order.
    assert grad["analytic"] == pytest.approx(grad["numeric"], rel=1e-3)


def test_rnn_utilities_and_base_classes():
    utilities = results()["utilities"]
    assert utilities["swapped_shape"] == [3, 2, 4]
    assert utilities["swapped"][1][0] == [4.0, 5.0, 6.0, 7.0] and utilities["swapped"][0][1] == [12.0, 13.0, 14.0, 15.0]
    assert utilities["static_batch"] == 3 and utilities["dynamic_batch"] == 7
    assert utilities["block_wrapper_base"] and utilities["layer_rnn_cell_base"]
