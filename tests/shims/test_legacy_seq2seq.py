"""tf.contrib.legacy_seq2seq seen from unmodified TF1 scripts: NumPy replays, TF 1.15 variable names, bucketing.

One TF1 script (tests/scripts/seq2seq/legacy_seq2seq_check.py) computes everything in one subprocess
and prints a RESULT line; the translate-tutorial-shaped self test runs beside it.
"""

import numpy as np
import pytest

from tests.tf1_programs import run_tf1_programs

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

CHECK = "tests/scripts/seq2seq/legacy_seq2seq_check.py"
TRANSLATE = "tests/scripts/seq2seq/translate_self_test.py"
ATOL = 1e-5  # float32 graph vs float64 NumPy on values of order 1


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """Run both TF1 scripts at once (graph mode needs its own process each); parse their RESULT lines."""
    train_dir = str(tmp_path_factory.mktemp("translate"))
    commands = {"check": [CHECK], "translate": [TRANSLATE, "--self_test", "--train_dir", train_dir]}
    return {name: run.result for name, run in run_tf1_programs(commands).items()}


@pytest.fixture(scope="module")
def check(results):
    return results["check"]


def cross_entropy(logits, targets):
    shifted = logits - logits.max(-1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(-1, keepdims=True))
    return -np.take_along_axis(log_probs, targets[..., None], -1)[..., 0]


def test_losses_match_numpy(check):
    inputs, values = check["losses"]["inputs"], check["losses"]["tf"]
    logits, targets, weights = (np.array(inputs[k], np.float64) for k in ("logits", "targets", "weights"))
    weighted = cross_entropy(logits, targets.astype(int)) * weights  # [time, batch]
    by_example = weighted.sum(0) / (weights.sum(0) + 1e-12)
    expected = {"by_example": by_example, "by_example_sum": weighted.sum(0), "by_example_doubled": 2 * by_example,
                "loss": by_example.sum() / 3, "loss_no_batch_average": by_example.sum(),
                "loss_sum": weighted.sum()}
    for name, value in expected.items():
        np.testing.assert_allclose(values[name], value, atol=ATOL, rtol=1e-5, err_msg=name)
    assert check["losses"]["names"] == {"by_example": "sequence_loss_by_example/truediv",
                                        "loss": "sequence_loss/truediv"}


def basic_rnn_step(inputs, state, kernel, bias):
    return np.tanh(np.concatenate([inputs, state], 1) @ kernel + bias)


def test_rnn_decoder_matches_a_numpy_unroll(check):
    run = check["rnn_decoder"]
    data, initial = np.array(run["inputs"]["data"]), np.array(run["inputs"]["initial"])
    kernel = np.array(run["weights"]["rnn_decoder/basic_rnn_cell/kernel"])
    bias = np.array(run["weights"]["rnn_decoder/basic_rnn_cell/bias"])
    state, outputs, looped_state, looped = initial, [], initial, []
    for step, inputs in enumerate(data):
        state = basic_rnn_step(inputs, state, kernel, bias)
        outputs.append(state)
        # loop_function(prev, i) = 0.5 * prev + i replaces every input after the first.
        fed = inputs if step == 0 else 0.5 * looped[-1] + step
        looped_state = basic_rnn_step(fed, looped_state, kernel, bias)
        looped.append(looped_state)
    np.testing.assert_allclose(run["tf"]["outputs"], outputs, atol=ATOL)
    np.testing.assert_allclose(run["tf"]["state"], state, atol=ATOL)
    np.testing.assert_allclose(run["tf"]["looped"], looped, atol=ATOL)
    np.testing.assert_allclose(run["tf"]["looped_state"], looped_state, atol=ATOL)
    assert sorted(run["weights"]) == ["rnn_decoder/basic_rnn_cell/bias", "rnn_decoder/basic_rnn_cell/kernel"]


def numpy_attention_decoder(weights, prefix, data, states, initial, heads, initial_state_attention=False):
    """The attention decoder's equations, written out: returns the outputs and final state."""
    w = {name[len(prefix) + 1:]: np.array(value) for name, value in weights.items() if name.startswith(prefix)}

    def read(query):
        reads = []
        for head in range(heads):
            features = states @ w[f"AttnW_{head}"][0, 0]  # [batch, length, size]
            projected = query @ w[f"Attention_{head}/kernel"] + w[f"Attention_{head}/bias"]
            scores = (w[f"AttnV_{head}"] * np.tanh(features + projected[:, None, :])).sum(-1)
            attention = np.exp(scores - scores.max(1, keepdims=True))
            attention /= attention.sum(1, keepdims=True)
            reads.append((attention[..., None] * states).sum(1))
        return reads

    reads = read(initial) if initial_state_attention else [np.zeros(states.shape[::2])] * heads
    state, outputs = initial, []
    for inputs in data:
        merged = np.concatenate([inputs] + reads, 1) @ w["kernel"] + w["bias"]
        state = basic_rnn_step(merged, state, w["basic_rnn_cell/kernel"], w["basic_rnn_cell/bias"])
        reads = read(state)
        outputs.append(np.concatenate([state] + reads, 1) @ w["AttnOutputProjection/kernel"]
                       + w["AttnOutputProjection/bias"])
    return outputs, state


def test_attention_decoder_matches_the_numpy_formula(check):
    run = check["attention"]
    data, states, initial = (np.array(run["inputs"][k], np.float64) for k in ("data", "states", "initial"))
    outputs, state = numpy_attention_decoder(run["weights"], "plain/attention_decoder", data, states, initial, 2)
    np.testing.assert_allclose(run["tf"]["outputs"], outputs, atol=ATOL)
    np.testing.assert_allclose(run["tf"]["state"], state, atol=ATOL)
    resumed, _ = numpy_attention_decoder(run["weights"], "resumed/attention_decoder", data, states, initial, 1,
                                         initial_state_attention=True)
    np.testing.assert_allclose(run["tf"]["resumed"], resumed, atol=ATOL)
    shapes = run["shapes"]
    assert shapes["plain/attention_decoder/AttnW_1"] == [1, 1, 4, 4]
    assert shapes["plain/attention_decoder/kernel"] == [3 + 2 * 4, 3]  # input + two reads -> input size
    assert shapes["plain/attention_decoder/AttnOutputProjection/kernel"] == [2 + 2 * 4, 6]


def gru(prefix, input_size, units=4):
    return {f"{prefix}/gru_cell/gates/kernel": [input_size + units, 2 * units], f"{prefix}/gru_cell/gates/bias": [2 * units],
            f"{prefix}/gru_cell/candidate/kernel": [input_size + units, units],
            f"{prefix}/gru_cell/candidate/bias": [units]}


def two_layer_gru(prefix):
    return {**gru(f"{prefix}/multi_rnn_cell/cell_0", 5), **gru(f"{prefix}/multi_rnn_cell/cell_1", 4)}


# What TF 1.15 names these models' variables (scopes of seq2seq.py, core_rnn_cell.py and the cells).
EAS = "embedding_attention_seq2seq"
DECODER = f"{EAS}/embedding_attention_decoder/attention_decoder"
TF1_NAMES = {
    "embedding_attention_seq2seq": {
        f"{EAS}/rnn/embedding_wrapper/embedding": [7, 5], **two_layer_gru(f"{EAS}/rnn/embedding_wrapper"),
        f"{EAS}/embedding_attention_decoder/embedding": [9, 5],
        f"{DECODER}/AttnW_0": [1, 1, 4, 4], f"{DECODER}/AttnV_0": [4],
        f"{DECODER}/kernel": [9, 5], f"{DECODER}/bias": [5],
        **two_layer_gru(f"{DECODER}/output_projection_wrapper"),
        f"{DECODER}/output_projection_wrapper/kernel": [4, 9], f"{DECODER}/output_projection_wrapper/bias": [9],
        f"{DECODER}/Attention_0/kernel": [8, 4], f"{DECODER}/Attention_0/bias": [4],
        f"{DECODER}/AttnOutputProjection/kernel": [13, 9], f"{DECODER}/AttnOutputProjection/bias": [9],
    },
    "embedding_rnn_seq2seq": {
        "embedding_rnn_seq2seq/rnn/embedding_wrapper/embedding": [7, 5],
        **gru("embedding_rnn_seq2seq/rnn/embedding_wrapper", 5),
        "embedding_rnn_seq2seq/embedding_rnn_decoder/embedding": [9, 5],
        **gru("embedding_rnn_seq2seq/embedding_rnn_decoder/rnn_decoder/output_projection_wrapper", 5),
        "embedding_rnn_seq2seq/embedding_rnn_decoder/rnn_decoder/output_projection_wrapper/kernel": [4, 9],
        "embedding_rnn_seq2seq/embedding_rnn_decoder/rnn_decoder/output_projection_wrapper/bias": [9],
    },
    "embedding_tied_rnn_seq2seq": {
        "embedding_tied_rnn_seq2seq/embedding": [7, 5],
        **gru("embedding_tied_rnn_seq2seq/combined_tied_rnn_seq2seq/tied_rnn_seq2seq/output_projection_wrapper", 5),
        "embedding_tied_rnn_seq2seq/combined_tied_rnn_seq2seq/tied_rnn_seq2seq/output_projection_wrapper/kernel": [4, 7],
        "embedding_tied_rnn_seq2seq/combined_tied_rnn_seq2seq/tied_rnn_seq2seq/output_projection_wrapper/bias": [7],
    },
    "basic_rnn_seq2seq": {"basic_rnn_seq2seq/rnn/basic_lstm_cell/kernel": [7, 16],
                          "basic_rnn_seq2seq/rnn/basic_lstm_cell/bias": [16],
                          "basic_rnn_seq2seq/rnn_decoder/basic_lstm_cell/kernel": [7, 16],
                          "basic_rnn_seq2seq/rnn_decoder/basic_lstm_cell/bias": [16]},
    "tied_rnn_seq2seq": {"combined_tied_rnn_seq2seq/tied_rnn_seq2seq/basic_lstm_cell/kernel": [7, 16],
                         "combined_tied_rnn_seq2seq/tied_rnn_seq2seq/basic_lstm_cell/bias": [16]},
}


@pytest.mark.parametrize("model", sorted(TF1_NAMES))
def test_models_create_tf1_variable_names(check, model):
    assert check["names"][model] == TF1_NAMES[model]


def test_projected_attention_and_one2many_names(check):
    projected = check["names"]["embedding_attention_seq2seq_projected"]
    assert f"{DECODER}/basic_lstm_cell/kernel" in projected
    assert f"{DECODER}/AttnOutputProjection/kernel" in projected and projected[f"{DECODER}/AttnOutputProjection/kernel"] == [8, 4]
    assert not any("output_projection_wrapper" in name for name in projected)
    one2many = check["names"]["one2many_rnn_seq2seq"]
    for name, symbols in (("fr", 9), ("de", 8)):
        scope = f"one2many_rnn_seq2seq/one2many_decoder_{name}/embedding_rnn_decoder"
        assert one2many[f"{scope}/embedding"] == [symbols, 5]
        assert one2many[f"{scope}/rnn_decoder/output_projection_wrapper/kernel"] == [4, symbols]
    assert one2many["one2many_rnn_seq2seq/rnn/embedding_wrapper/embedding"] == [7, 5]


@pytest.mark.parametrize("model", ["embedding_rnn_seq2seq", "embedding_attention_seq2seq",
                                   "embedding_tied_rnn_seq2seq", "one2many_rnn_seq2seq"])
def test_feed_previous_tensor_switches_between_the_bool_graphs(check, model):
    run = check["feed_previous"][model]
    assert run["true_vs_greedy"] == 0.0 and run["false_vs_given"] == 0.0
    assert run["greedy_vs_given"] > 1e-3  # the two modes really differ
    assert run["variables"] == run["variables_after_reuse"]  # both branches and the bool graphs share weights


def test_model_with_buckets_shares_weights_and_scores_each_bucket(check):
    run = check["buckets"]
    outputs = [np.array(bucket) for bucket in run["tf"]["outputs"]]
    assert run["lengths"] == [2, 4] and run["variables"] == 4  # encoder + decoder BasicRNNCell, created once
    np.testing.assert_allclose(outputs[0], outputs[1][:2], atol=1e-6)  # same encoder length, same weights
    targets, weights = np.array(run["inputs"]["targets"]), np.array(run["inputs"]["weights"])
    for bucket, length in enumerate(run["lengths"]):
        w = weights[:length]
        per_example = (cross_entropy(outputs[bucket], targets[:length]) * w).sum(0) / (w.sum(0) + 1e-12)
        np.testing.assert_allclose(run["tf"]["losses"][bucket], per_example.mean(), atol=ATOL)
        np.testing.assert_allclose(run["tf"]["example_losses"][bucket], per_example, atol=ATOL)
    assert run["loss_names"] == ["model_with_buckets/sequence_loss/truediv",
                                 "model_with_buckets/sequence_loss_1/truediv"]


def test_errors_keep_tf1_types(check):
    errors = check["errors"]
    assert {name: error[0] for name, error in errors.items()} == {
        "loss_lengths": "ValueError", "no_heads": "ValueError", "no_inputs": "ValueError",
        "short_buckets": "ValueError", "one2many_keys": "ValueError", "one2many_cell": "TypeError",
        "projection_shape": "ValueError"}
    assert errors["short_buckets"][1].startswith("`model_with_buckets` encoder_inputs has 2 steps")
    assert check["dir"] == sorted(check["dir"]) and len(check["dir"]) == 13
    assert check["module_path_is_the_shim"]  # from tensorflow.contrib.legacy_seq2seq.python.ops import seq2seq


def test_translate_self_test_trains_saves_and_decodes(results):
    run = results["translate"]
    for bucket, losses in run["losses"].items():  # 30 steps per bucket, sampled softmax over 8 of 10 symbols
        first, last = np.mean(losses[:5]), np.mean(losses[-5:])
        assert last < 0.35 * first, (bucket, losses)
    model = {name for name in run["variables"] if name.startswith(EAS)}
    assert model == {name for name in TF1_NAMES[EAS] if "output_projection_wrapper" not in name} | {
        name.replace("output_projection_wrapper/", "") for name in TF1_NAMES[EAS]
        if "output_projection_wrapper/multi_rnn_cell" in name}
    assert set(run["variables"]) - model == {"Variable", "Variable_1", "proj_w", "proj_b"}
    assert run["checkpoint"] == "translate.ckpt-60" and run["restored_step"] == 60
    assert run["decodings"][0][:5] == [2, 2, 2, 2, 2]  # 1 1 1 1 1 -> 2 2 2 2 2, decoded greedily after restore
