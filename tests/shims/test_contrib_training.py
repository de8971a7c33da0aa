"""tf.contrib.training seen from a TF1 script: HParams import, bucket_by_sequence_length on queues, clear errors."""
import functools

import pytest

from tests.tf1_programs import tf1_result

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses

BOUNDARIES = [4, 7]


@functools.lru_cache(maxsize=None)
def results():
    return tf1_result("tests/scripts/contrib_training_check.py")


def bucket_of(length):
    return sum(length >= boundary for boundary in BOUNDARIES)


def test_hparams_from_tensorflow_contrib_training():
    assert results()["hparams"] == {"learning_rate": 0.3, "layers": [8, 2]}
    assert results()["same_class"]


def test_each_batch_holds_one_bucket_padded_to_its_longest_sequence():
    bucketing = results()["bucketing"]
    assert bucketing["static_shape"] == [2, None]
    for batch in bucketing["batches"]:
        lengths, sequences = batch["lengths"], batch["sequences"]
        assert len(lengths) == 2 and len({bucket_of(n) for n in lengths}) == 1
        assert all(len(row) == max(lengths) for row in sequences)
        for length, row in zip(lengths, sequences):
            start = row[0] - 1  # rows are index * 10 + 1 .. length, then zeros (dynamic padding)
            assert row == [start + k for k in range(1, length + 1)] + [0] * (max(lengths) - length)


@pytest.mark.parametrize("name, words", [
    ("batch_sequences_with_states", ["UnsupportedTF1APIAttributeError", "SequenceQueueingStateSaver",
                                     "stateful=True"]),
    ("CudnnLSTM", ["UnsupportedTF1APIAttributeError", "GPU", "CudnnCompatibleLSTMCell"]),
])
def test_unprovided_names_raise_clear_errors(name, words):
    message = results()["errors"][name]
    assert message.split(":")[0] == words[0] and "`tf.contrib." in message
    assert all(word in message for word in words[1:])


def test_tf_slim_training_loop_under_contrib_training():
    loop = results()["slim_training"]
    # y = 3x fitted from w = 0 by gradient descent (lr 0.5) for 20 steps: w -> 3, loss -> 0.
    assert loop["weight"] == pytest.approx(3.0, abs=1e-3) and loop["final_loss"] < 1e-5
    assert loop["checkpoint_steps"] == [20]
