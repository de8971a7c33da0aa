"""tf.contrib.seq2seq helpers and AttentionWrapper options against NumPy; coverage penalty; TF1 errors.

tests/scripts/seq2seq_helpers_check.py runs the TF1 code in one subprocess and prints its values and
the weights it used; every value is recomputed here with NumPy.
"""

import numpy as np
import pytest

from tests.tf1_programs import tf1_result

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

SCRIPT = "tests/scripts/seq2seq_helpers_check.py"


@pytest.fixture(scope="module")
def helpers():
    return tf1_result(SCRIPT)


def arrays(values):
    return {name: np.array(value, dtype=np.float64) for name, value in values.items()}


def softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def _rnn_unroll(w, prefix, first_input, next_input, steps, units):
    """BasicRNNCell outputs for ``steps`` steps; ``next_input(t, output)`` gives the input of step t + 1."""
    x, h, outputs = first_input, np.zeros((first_input.shape[0], units)), []
    for t in range(steps):
        h = np.tanh(np.concatenate([x, h], 1) @ w[f"{prefix}/kernel"] + w[f"{prefix}/bias"])
        outputs.append(h)
        x = next_input(t, h)
    return np.stack(outputs, 1)


def test_scheduled_embedding_helper_at_probability_zero_and_one(helpers):
    inputs, embedding = np.array(helpers["inputs"]), np.array(helpers["embedding"])
    never, always = helpers["scheduled"]["embedding_0"], helpers["scheduled"]["embedding_1"]
    w = arrays(never["vars"])
    teacher = _rnn_unroll(w, "decoder/basic_rnn_cell", inputs[:, 0], lambda t, h: inputs[:, min(t + 1, 3)], 4, 5)
    np.testing.assert_allclose(never["out"]["rnn_output"], teacher, rtol=1e-5, atol=1e-5)
    assert np.array(never["out"]["sample_id"]).tolist() == [[-1] * 4] * 2  # -1: the input was not sampled
    ids = np.array(always["out"]["sample_id"])
    assert (ids >= 0).all() and (ids < 5).all()
    w = arrays(always["vars"])
    sampled = _rnn_unroll(w, "decoder/basic_rnn_cell", inputs[:, 0], lambda t, h: embedding[ids[:, t]], 4, 5)
    np.testing.assert_allclose(always["out"]["rnn_output"], sampled, rtol=1e-5, atol=1e-5)


def test_scheduled_output_helper_feeds_outputs_with_auxiliary_inputs(helpers):
    inputs = np.array(helpers["inputs"])
    for probability, feed_back in (("0", False), ("1", True)):
        run = helpers["scheduled"][f"output_{probability}"]
        w = arrays(run["vars"])

        def next_input(t, h):
            step = min(t + 1, 3)
            return np.concatenate([h, inputs[:, step, 2:]], 1) if feed_back else inputs[:, step]

        expected = _rnn_unroll(w, "decoder/basic_rnn_cell", inputs[:, 0], next_input, 4, 2)
        np.testing.assert_allclose(run["out"]["rnn_output"], expected, rtol=1e-5, atol=1e-5, err_msg=probability)
        assert np.array(run["out"]["sample_id"]).tolist() == [[int(feed_back)] * 4] * 2


def test_sample_embedding_helper_at_low_temperature_is_greedy(helpers):
    run, embedding = helpers["scheduled"]["sample_cold"], np.array(helpers["embedding"])
    w = arrays(run["vars"])
    ids = np.array(run["out"]["sample_id"])
    outputs = _rnn_unroll(w, "decoder/basic_rnn_cell", embedding[[1, 2]], lambda t, h: embedding[h.argmax(-1)],
                          ids.shape[1], 5)
    assert ids.tolist() == outputs.argmax(-1).tolist()
    ended = ids == 4
    assert run["out"]["lengths"] == [int(row.argmax()) + 1 if row.any() else 5 for row in ended]


def test_inference_and_custom_helpers(helpers):
    inputs = np.array(helpers["inputs"])
    run = helpers["inference"]["inference"]
    w = arrays(run["vars"])
    expected = _rnn_unroll(w, "decoder/basic_rnn_cell", inputs[:, 0], lambda t, h: h, 4, 3)
    np.testing.assert_allclose(run["out"]["rnn_output"], expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(run["out"]["sample_id"], expected, rtol=1e-5, atol=1e-5)  # float samples
    assert run["out"]["lengths"] == [4, 4]
    custom = helpers["inference"]["custom"]
    w = arrays(custom["vars"])
    expected = _rnn_unroll(w, "decoder/basic_rnn_cell", inputs[:, 0], lambda t, h: inputs[:, min(t + 1, 3)], 4, 3)
    np.testing.assert_allclose(custom["out"]["rnn_output"], expected, rtol=1e-5, atol=1e-5)
    assert custom["out"]["sample_id"] == expected.argmax(-1).tolist()
    assert helpers["inference"]["custom_batch_error"] == "batch_size accessed before initialize was called"


def test_attention_wrapper_step_equals_numpy(helpers):
    # Luong attention without an attention layer: the output is the context; the cell reads [x, context].
    inputs, memory = np.array(helpers["inputs"]), np.array(helpers["memory"])
    run = helpers["attention"]
    w = arrays(run["vars"])
    mask = np.array([[1, 1, 1], [1, 1, 0]], bool)
    keys = (memory * mask[..., None]) @ w["single/memory_layer/kernel"]
    context, h, outputs, alignments = np.zeros((2, 2)), np.zeros((2, 4)), [], []
    for t in range(4):
        h = np.tanh(np.concatenate([inputs[:, t], context, h], 1) @ w["single/decoder/attention_wrapper/basic_rnn_cell/kernel"]
                    + w["single/decoder/attention_wrapper/basic_rnn_cell/bias"])
        alignment = softmax(np.where(mask, np.einsum("btu,bu->bt", keys, h), -np.inf))
        context = np.einsum("bt,btd->bd", alignment, memory * mask[..., None])
        outputs.append(context)
        alignments.append(alignment)
    out = run["out"]["single"]
    np.testing.assert_allclose(np.array(out["rnn_output"])[0], np.stack(outputs, 1)[0], rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(np.array(out["rnn_output"])[1, :3], np.stack(outputs, 1)[1, :3], rtol=1e-5, atol=1e-5)
    assert out["lengths"] == [4, 3]
    np.testing.assert_allclose(run["out"]["history"], np.stack(alignments), rtol=1e-5, atol=1e-6)  # [time, batch, memory]


def test_attention_wrapper_with_two_mechanisms(helpers):
    run = helpers["attention"]
    assert run["multi_sizes"] == [3, 5]  # output_attention=False: the cell's size; attention 2 + 3
    assert run["multi_alignments"] == ["tuple", 2]
    assert np.array(run["out"]["multi"]["rnn_output"]).shape == (2, 4, 3)
    assert "multi/decoder/attention_wrapper/attention_layer_1/kernel" in run["vars"]
    assert "multi/decoder/attention_wrapper/luong_monotonic_attention/attention_score_bias" in run["vars"]


def test_coverage_penalty_and_alignment_history_reordering(helpers):
    raw, reordered = helpers["coverage"]["out"]["raw"], helpers["coverage"]["out"]["reordered"]
    assert raw["ids"] == reordered["ids"]
    parents, ids = np.array(raw["parents"]), np.array(raw["ids"])  # [batch, time, beam]; ids backtracked
    history, steps, width = np.array(raw["history"]), ids.shape[1], 3
    for b in range(2):
        for k in range(width):
            # The slot that ran the cell at step t is the beam the path extended (its step t - 1 beam).
            path, beam = [], k
            for t in range(steps - 1, -1, -1):
                path.append(beam)
                beam = parents[b, t, beam]
            path = path[::-1]
            slots = [0] + path[:-1]
            ends = [t for t in range(steps) if ids[b, t, k] == 2]
            last = ends[0] if ends else steps - 1
            accumulated = sum(history[t, b * width + slots[t]] for t in range(last + 1))
            np.testing.assert_allclose(reordered["accumulated"][b][k], accumulated, rtol=1e-5, atol=1e-6)
            penalty = 0.0
            if last < steps - 1:  # coverage counts for beams finished before the final step
                penalty = 0.4 * np.log(np.minimum(np.where(accumulated == 0, 1.0, accumulated), 1.0)).sum()
            np.testing.assert_allclose(reordered["scores"][b][-1][k], reordered["log_probs"][b][k] + penalty,
                                       rtol=1e-5, atol=1e-6)
            # TF1 reorders each step's alignments by the path's beam at that step.
            for t in range(steps):
                slot = path[t] if t < reordered["lengths"][b][k] else k
                np.testing.assert_allclose(reordered["history"][t][b * width + k], history[t, b * width + slot],
                                           rtol=1e-6, atol=1e-7)


def test_misuse_raises_tf1_errors(helpers):
    errors = helpers["errors"]
    assert errors["dynamic_decode_type"] == ["TypeError", "Expected decoder to be type Decoder, but saw: <class 'str'>"]
    assert errors["helper_type"] == ["TypeError", "helper must be a Helper, received: <class 'str'>"]
    assert errors["start_tokens"] == ["ValueError", "start_tokens must be a vector"]
    assert errors["sequence_length"] == ["ValueError", "Expected sequence_length to be a vector, but received shape: ()"]
    assert errors["tile_scalar"] == ["ValueError", "t must have statically known rank"]
    assert errors["mechanism_type"][0] == "TypeError"
    assert errors["monotonic_mode"] == ["ValueError", "mode must be 'recursive', 'parallel', or 'hard'."]
    assert errors["layer_and_size"] == ["ValueError", "Only one of attention_layer_size and attention_layer should be set"]


def test_tf1_implementation_module_paths(helpers):
    assert helpers["paths"]["same_classes"] == [True] * 5
    assert helpers["paths"]["private"] == [
        "_bahdanau_score", "_compute_attention", "_luong_score", "_maybe_mask_score", "_prepare_memory",
        "_zero_state_tensors", "_beam_search_step", "_get_scores", "_mask_probs", "_tensor_gather_helper"]
