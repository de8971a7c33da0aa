"""tf.contrib.crf against brute-force enumeration of every tag sequence (3 tags, lengths 0-4).

One subprocess runs tests/scripts/contrib_crf_check.py through ``python -m tf1compat``: static
time dimensions of 4 and 1 (TF1's one-step shortcut) and an unknown time dimension (tf.cond).
Length-0 sequences follow TF 1.15: score, log-norm and log-likelihood 0. Tolerance 1e-4 (float32).
"""
import functools
import itertools

import numpy as np
import pytest

from tests.tf1_programs import tf1_result

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

CASES = ["multi", "single", "dynamic_multi", "dynamic_single"]
ATOL = 1e-4


@functools.lru_cache(maxsize=None)
def results():
    return tf1_result("tests/scripts/contrib_crf_check.py")


def score(unary, transitions, path):
    return sum(unary[t, tag] for t, tag in enumerate(path)) + sum(
        transitions[a, b] for a, b in zip(path, path[1:]))


def paths(length, allowed=None):
    for path in itertools.product(range(3), repeat=length):
        if allowed is None or all(allowed[t][tag] for t, tag in enumerate(path)):
            yield path


def logsumexp(values):
    values = np.asarray(values, np.float64)
    top = values.max()
    return top + np.log(np.exp(values - top).sum())


def brute_force(case):
    """Per sequence: gold score, log-norm, log-likelihood, multitag score, best path and its score."""
    unary_all, tags, bitmap = (np.asarray(case[k]) for k in ("inputs", "tags", "bitmap"))
    transitions = np.asarray(case["transitions"], np.float64)
    rows = []
    for index, length in enumerate(case["lengths"]):
        if length == 0:
            rows.append(None)
            continue
        unary = unary_all[index].astype(np.float64)
        all_scores = {path: score(unary, transitions, path) for path in paths(length)}
        gold = score(unary, transitions, tuple(tags[index, :length]))
        log_norm = logsumexp(list(all_scores.values()))
        allowed = [score(unary, transitions, p) for p in paths(length, bitmap[index])]
        best = max(all_scores, key=all_scores.get)
        rows.append({"gold": gold, "log_norm": log_norm, "multitag": logsumexp(allowed), "best": list(best),
                     "best_score": all_scores[best]})
    return rows


@pytest.mark.parametrize("name", CASES)
def test_log_likelihood_equals_enumeration(name):
    case = results()[name]
    for index, row in enumerate(brute_force(case)):
        got = case["tf"]
        if row is None:  # length 0: TF 1.15 gives 0 for all three
            assert got["log_likelihood"][index] == 0 and got["log_norm"][index] == 0
            assert got["sequence_score"][index] == 0
            continue
        assert got["sequence_score"][index] == pytest.approx(row["gold"], abs=ATOL)
        assert got["log_norm"][index] == pytest.approx(row["log_norm"], abs=ATOL)
        assert got["log_likelihood"][index] == pytest.approx(row["gold"] - row["log_norm"], abs=ATOL)
        if len(case["tags"][0]) > 1:
            assert got["unary"][index] + got["binary"][index] == pytest.approx(row["gold"], abs=ATOL)


@pytest.mark.parametrize("name", CASES)
def test_multitag_score_equals_enumeration_of_allowed_paths(name):
    case = results()[name]
    for index, row in enumerate(brute_force(case)):
        if row is not None:
            assert case["tf"]["multitag"][index] == pytest.approx(row["multitag"], abs=ATOL)


@pytest.mark.parametrize("name", CASES)
def test_crf_decode_and_viterbi_decode_find_the_best_path(name):
    case = results()[name]
    viterbi = iter(case["viterbi"])
    for index, row in enumerate(brute_force(case)):
        length = case["lengths"][index]
        if row is None:
            continue
        assert case["tf"]["decoded"][index][:length] == row["best"]
        assert case["tf"]["best_score"][index] == pytest.approx(row["best_score"], abs=ATOL)
        path, best = next(viterbi)
        assert path == row["best"] and best == pytest.approx(row["best_score"], abs=ATOL)


def test_decode_shapes_and_padding():
    multi = results()["multi"]["tf"]["decoded"]
    assert np.asarray(multi).shape == (5, 4)
    assert np.asarray(results()["single"]["tf"]["decoded"]).shape == (2, 1)


def test_log_likelihood_creates_transitions_variable_and_trains():
    training = results()["training"]
    assert training["variables"] == {"crf/transitions": [3, 3]}
    assert training["is_variable"]
    assert training["loss_after"] < training["loss_before"] - 0.1
