"""tf.contrib.seq2seq (tf1compat.shims.contrib.seq2seq) against NumPy: decoders, attention, beam search, names.

tests/scripts/seq2seq_check.py runs the TF1 code in one subprocess and prints its values and the
weights it used; every value is recomputed here with NumPy.
"""
import functools
import itertools

import numpy as np
import pytest

from tests.tf1_programs import run_tf1_programs

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

# The check script, and the done-when program: an attention NMT trainer (train, save, restore, beam search).
COMMANDS = {"checks": ["tests/scripts/seq2seq_check.py"],
            "nmt": ["tests/scripts/seq2seq_nmt/train.py", "--steps", "200"]}


@functools.lru_cache(maxsize=None)
def results():
    """Run both TF1 programs at once (graph mode needs its own process); parse their last lines."""
    return {name: run.result for name, run in run_tf1_programs(COMMANDS).items()}


@pytest.fixture(scope="module")
def checks():
    return results()["checks"]


def test_attention_nmt_trainer_learns_to_reverse_then_restores_into_beam_search():
    # Trained in one graph, saved, restored by name into a separately built beam-search graph.
    run = results()["nmt"]
    assert run["last_loss"] < 0.2 * run["first_loss"], run
    assert run["exact_match"] >= 0.75, run  # beam search (width 3) output equals the reversed source
    assert "dynamic_seq2seq/decoder/attention/bahdanau_attention/attention_v" in run["variables"]
    assert len(run["variables"]) == 13


def arrays(values):
    return {name.split(":")[0]: np.array(value, dtype=np.float64) for name, value in values.items()}


def softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def log_softmax(x):
    shifted = x - x.max(-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(-1, keepdims=True))


def test_training_helper_basic_decoder_equal_a_manual_unroll(checks):
    run = checks["training"]
    w = arrays(run["variables"])
    kernel, bias = w["dec/decoder/basic_rnn_cell/kernel"], w["dec/decoder/basic_rnn_cell/bias"]
    inputs, lengths = np.array(run["inputs"]), np.array(run["lengths"])
    state, states, logits = np.array(run["initial"]), [], []
    for t in range(inputs.shape[1]):
        state = np.tanh(np.concatenate([inputs[:, t], state], 1) @ kernel + bias)
        states.append(state)
        logits.append(state @ w["dec/decoder/projection/kernel"] + w["dec/decoder/projection/bias"])
    logits = np.stack(logits, 1)
    np.testing.assert_allclose(run["plain"]["logits"], logits, rtol=1e-5, atol=1e-5)
    assert run["plain"]["ids"] == logits.argmax(-1).tolist()
    np.testing.assert_allclose(run["plain"]["state"], states[-1], rtol=1e-5, atol=1e-5)
    assert run["plain"]["lengths"] == run["imputed"]["lengths"] == [5, 2, 3]
    # impute_finished: outputs past each length are zeros, the state is the one at the length.
    past_end = np.arange(5)[None, :] >= lengths[:, None]
    np.testing.assert_allclose(run["imputed"]["logits"], np.where(past_end[..., None], 0.0, logits),
                               rtol=1e-5, atol=1e-5)
    assert (np.array(run["imputed"]["ids"])[past_end] == 0).all()
    np.testing.assert_allclose(run["imputed"]["state"], [states[n - 1][row] for row, n in enumerate(lengths)],
                               rtol=1e-5, atol=1e-5)
    assert run["static_shape"] == [3, None, 3]


def _gru(w, x, h):
    gates = 1 / (1 + np.exp(-(np.concatenate([x, h], 1) @ w["greedy/decoder/gru_cell/gates/kernel"]
                              + w["greedy/decoder/gru_cell/gates/bias"])))
    r, u = np.split(gates, 2, axis=1)
    c = np.tanh(np.concatenate([x, r * h], 1) @ w["greedy/decoder/gru_cell/candidate/kernel"]
                + w["greedy/decoder/gru_cell/candidate/bias"])
    return u * h + (1 - u) * c


@pytest.mark.parametrize("end_token", ["4", "0"])
def test_greedy_decoding_equals_an_argmax_unroll(checks, end_token):
    run = checks["greedy"]
    w, embedding = arrays(run["variables"]), np.array(run["embedding"])
    ids, state, all_logits, all_ids = np.array([0, 1, 2, 3]), np.zeros((4, 4)), [], []
    for _ in range(7):
        state = _gru(w, embedding[ids], state)
        logits = state @ w["greedy/decoder/out/kernel"]
        ids = logits.argmax(-1)
        all_logits.append(logits)
        all_ids.append(ids.tolist())
    decoded = run["runs"][end_token]
    np.testing.assert_allclose(decoded["logits"], np.stack(all_logits), rtol=1e-5, atol=1e-5)  # time-major
    assert decoded["ids"] == all_ids
    # A row's length counts its end token; rows that never emit it stop at maximum_iterations (7).
    ended = np.array(all_ids) == int(end_token)
    assert decoded["lengths"] == [int(ended[:, row].argmax()) + 1 if ended[:, row].any() else 7 for row in range(4)]
    assert 1 < len(set(decoded["lengths"]))  # the weights (seeded) give rows of different lengths


def _attention_reference(run, name, w):
    memory, query = np.array(run["memory"]), np.array(run["query"])
    mask = np.arange(memory.shape[1])[None, :] < np.array(run["memory_lengths"])[:, None]
    memory_layer = {"bahdanau": "memory_layer", "bahdanau_norm": "memory_layer_1", "luong": "memory_layer_2",
                    "luong_scaled": "memory_layer_3", "luong_monotonic": "memory_layer_4"}[name]
    keys = (memory * mask[..., None]) @ w[f"{memory_layer}/kernel"]
    if name.startswith("bahdanau"):
        processed = query @ w[f"{name}/bahdanau_attention/query_layer/kernel"]
        v = w[f"{name}/bahdanau_attention/attention_v"]
        if name == "bahdanau":
            score = (v * np.tanh(keys + processed[:, None])).sum(-1)
        else:
            normed_v = w[f"{name}/bahdanau_attention/attention_g"] * v / np.sqrt((v ** 2).sum())
            score = (normed_v * np.tanh(keys + processed[:, None] + w[f"{name}/bahdanau_attention/attention_b"])).sum(-1)
    else:
        score = np.einsum("btu,bu->bt", keys, query)
        if name == "luong_scaled":
            score = w["luong_scaled/luong_attention/attention_g"] * score
    if name == "luong_monotonic":
        # Choosing probabilities sigmoid(score + bias); all attention starts on memory entry 0.
        score = score + w["luong_monotonic/luong_monotonic_attention/attention_score_bias"]
        p = 1 / (1 + np.exp(-np.where(mask, score, -np.inf)))
        q, attention = np.zeros(2), []
        for i in range(p.shape[1]):
            q = (1 - (p[:, i - 1] if i else 1.0)) * q + (1.0 if i == 0 else 0.0)
            attention.append(p[:, i] * q)
        return np.stack(attention, 1)
    return softmax(np.where(mask, score, -np.inf))


@pytest.mark.parametrize("name", ["bahdanau", "bahdanau_norm", "luong", "luong_scaled", "luong_monotonic"])
def test_attention_alignments_equal_the_numpy_formula(checks, name):
    run = checks["attention"]
    w = arrays(run["variables"])
    np.testing.assert_allclose(run["alignments"][name], _attention_reference(run, name, w), rtol=1e-5, atol=1e-6)
    assert np.array(run["alignments"][name])[1, 2:].tolist() == [0.0, 0.0]  # masked memory positions


def test_attention_variables_and_scalars(checks):
    w = arrays(checks["attention"]["variables"])
    assert sorted(w) == sorted([
        "memory_layer/kernel", "memory_layer_1/kernel", "memory_layer_2/kernel", "memory_layer_3/kernel",
        "bahdanau/bahdanau_attention/query_layer/kernel", "bahdanau/bahdanau_attention/attention_v",
        "bahdanau_norm/bahdanau_attention/query_layer/kernel", "bahdanau_norm/bahdanau_attention/attention_v",
        "bahdanau_norm/bahdanau_attention/attention_g", "bahdanau_norm/bahdanau_attention/attention_b",
        "luong_scaled/luong_attention/attention_g", "memory_layer_4/kernel",
        "luong_monotonic/luong_monotonic_attention/attention_score_bias"])
    assert w["memory_layer/kernel"].shape == (3, 5)


def test_hardmax_safe_cumprod_and_monotonic_attention(checks):
    run = checks["attention"]
    assert run["hardmax"] == [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]
    np.testing.assert_allclose(run["cumprod"], [[1.0, 0.5, 0.0, 0.0]], atol=1e-30)
    p, previous = np.array([0.2, 0.7, 0.4, 0.9]), np.array([0.1, 0.6, 0.3, 0.0])
    q, expected = 0.0, []
    for i in range(4):  # q[i] = (1 - p[i-1]) q[i-1] + previous[i]; attention[i] = p[i] q[i]
        q = (1 - (p[i - 1] if i else 1.0)) * q + previous[i]
        expected.append(p[i] * q)
    for mode in ("recursive", "parallel"):
        np.testing.assert_allclose(run["monotonic"][mode], [expected], rtol=1e-5, err_msg=mode)


def _hypotheses(table, steps, start=1, end=0):
    """Every sequence a TableCell can emit in ``steps`` steps: (tokens padded with end, log-prob, length)."""
    vocab = table.shape[-1]
    found = []
    for n in range(1, steps + 1):
        for tokens in itertools.product(range(vocab), repeat=n):
            if end in tokens[:-1] or (n < steps and tokens[-1] != end):
                continue
            previous, total = start, 0.0
            for t, token in enumerate(tokens):
                total += log_softmax(table[t, previous])[token]
                previous = token
            found.append((list(tokens) + [end] * (steps - n), total, n))
    return found


def test_full_width_beam_search_equals_exhaustive_search(checks):
    run = checks["beam"]
    table = np.array(run["table"])
    ranked = sorted(_hypotheses(table, 3), key=lambda h: -h[1])
    assert len(ranked) == 40
    wide = run["results"]["wide"]
    width = 16
    final_scores = np.array(wide["scores"])[:, -1]  # [batch, beam] at the last step
    for batch in range(2):
        np.testing.assert_allclose(final_scores[batch], [h[1] for h in ranked[:width]], rtol=1e-5)
        beams = np.array(wide["ids"])[batch].T  # [beam, time]
        assert beams.tolist() == [h[0] for h in ranked[:width]]


def _sequence_log_prob(table, tokens, end=0):
    previous, total = 1, 0.0
    for t, token in enumerate(tokens):
        total += log_softmax(table[t, previous])[token]
        if token == end:
            break
        previous = token
    return total


def test_narrow_beams_score_their_backtracked_sequences(checks):
    run = checks["beam"]
    table = np.array(run["table"])
    best = max(h[1] for h in _hypotheses(table, 3))
    narrow = run["results"]["narrow"]
    for batch in range(2):
        beams = np.array(narrow["ids"])[batch].T
        recomputed = [_sequence_log_prob(table, beam) for beam in beams]
        np.testing.assert_allclose(np.array(narrow["log_probs"])[batch], recomputed, rtol=1e-5)
        np.testing.assert_allclose(np.array(narrow["scores"])[batch, -1], recomputed, rtol=1e-5)
        assert recomputed[0] <= best + 1e-6 and recomputed == sorted(recomputed, reverse=True)


def test_length_penalty_follows_tf1_lengths(checks):
    # TF1 scores log_prob / ((5 + length) / 6) ** alpha; the step that emits the end token does not
    # count it, later steps do (the state's lengths include it).
    run = checks["beam"]
    table, penalised = np.array(run["table"]), run["results"]["penalised"]
    for batch in range(2):
        beams = np.array(penalised["ids"])[batch].T
        for beam, score, length in zip(beams, np.array(penalised["scores"])[batch, -1],
                                       np.array(penalised["lengths"])[batch]):
            ends = [t for t, token in enumerate(beam) if token == 0]
            emitted = ends[0] + 1 if ends else 3
            assert length == emitted
            scored_length = emitted - 1 if ends and ends[0] == 2 else emitted
            expected = _sequence_log_prob(table, beam) / ((5.0 + scored_length) / 6.0) ** 0.8
            np.testing.assert_allclose(score, expected, rtol=1e-5)


def _numpy_gather_tree(step_ids, parent_ids, lengths, end_token):
    max_time, batch_size, beam_width = step_ids.shape
    beams = np.full_like(step_ids, end_token)
    for batch in range(batch_size):
        for beam in range(beam_width):
            n = min(max_time, lengths[batch])
            if n <= 0:
                continue
            beams[n - 1, batch, beam] = step_ids[n - 1, batch, beam]
            parent = parent_ids[n - 1, batch, beam]
            for level in range(n - 2, -1, -1):
                beams[level, batch, beam] = step_ids[level, batch, parent]
                parent = parent_ids[level, batch, parent]
            finished = False
            for time in range(n):
                if finished:
                    beams[time, batch, beam] = end_token
                elif beams[time, batch, beam] == end_token:
                    finished = True
    return beams


def test_gather_tree_equals_a_numpy_backtrack_and_tile_batch_repeats_rows(checks):
    run = checks["gather_tree"]
    expected = _numpy_gather_tree(np.array(run["step_ids"]), np.array(run["parent_ids"]), run["lengths"], 0)
    assert run["tree"] == expected.tolist()
    assert run["tiled"] == [[1, 2]] * 3 + [[3, 4]] * 3
    assert run["tiled_static"] == [6, 2]


def test_nmt_attention_decoder_has_tf1_variable_names(checks):
    # The names tensorflow/nmt's attention models saved with TF 1.x (LuongAttention scale=True,
    # AttentionWrapper name="attention", output_projection), with their shapes.
    assert checks["nmt_names"]["names"] == [
        "dynamic_seq2seq/decoder/attention/attention_layer/kernel [12, 6]",
        "dynamic_seq2seq/decoder/attention/basic_lstm_cell/bias [24]",
        "dynamic_seq2seq/decoder/attention/basic_lstm_cell/kernel [16, 24]",
        "dynamic_seq2seq/decoder/attention/luong_attention/attention_g []",
        "dynamic_seq2seq/decoder/memory_layer/kernel [6, 6]",
        "dynamic_seq2seq/decoder/output_projection/kernel [6, 7]",
        "dynamic_seq2seq/embeddings/decoder/embedding_decoder [7, 4]",
        "dynamic_seq2seq/embeddings/encoder/embedding_encoder [7, 4]",
        "dynamic_seq2seq/encoder/rnn/basic_lstm_cell/bias [24]",
        "dynamic_seq2seq/encoder/rnn/basic_lstm_cell/kernel [10, 24]",
    ]

