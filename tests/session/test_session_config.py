"""session_config: adjusters see a copy of the script's ConfigProto; the script's object is untouched."""
import pytest

tf = pytest.importorskip("tensorflow")

from tf1compat.session import config as session_config


@pytest.fixture
def adjusters():
    yield
    for name in session_config.adjusters():
        session_config.remove_adjuster(name)


def test_merged_copies_and_applies_in_order(adjusters):
    calls = []

    def threads(config, target):
        calls.append(("threads", target))
        if not config.intra_op_parallelism_threads:
            config.intra_op_parallelism_threads = 3
            return "intra-op threads set to 3"
        return None

    def soft(config, target):
        calls.append(("soft", target))
        config.allow_soft_placement = True
        return "soft placement"

    session_config.add_adjuster("threads", threads)
    session_config.add_adjuster("soft", soft)
    original = tf.compat.v1.ConfigProto(log_device_placement=True, intra_op_parallelism_threads=1)
    result = session_config.merged(original, b"grpc://localhost:1")
    assert calls == [("threads", "grpc://localhost:1"), ("soft", "grpc://localhost:1")]
    assert (result.log_device_placement, result.intra_op_parallelism_threads, result.allow_soft_placement) == (True, 1, True)
    assert (original.allow_soft_placement, original.intra_op_parallelism_threads) == (False, 1)  # script's object untouched
    fresh = session_config.merged(None)
    assert (fresh.intra_op_parallelism_threads, fresh.allow_soft_placement) == (3, True)
    assert session_config.applied()["soft placement"] >= 2


def test_registering_a_name_again_replaces_it(adjusters):
    session_config.add_adjuster("a", lambda config, target: None)
    session_config.add_adjuster("b", lambda config, target: None)
    session_config.add_adjuster("a", lambda config, target: None)
    assert session_config.adjusters() == ["b", "a"]
    session_config.remove_adjuster("b")
    assert session_config.adjusters() == ["a"]


def test_install_wraps_every_session_once(adjusters):
    seen = []
    session_config.add_adjuster("record", lambda config, target: seen.append(config.allow_soft_placement))
    assert session_config.install() is True
    assert session_config.install() is True  # idempotent: wrapped once
    base = tf.compat.v1.Session.__mro__[1]
    assert base.__init__.__wrapped__.__name__ == "__init__"
    with tf.Graph().as_default():
        with tf.compat.v1.Session(config=tf.compat.v1.ConfigProto(allow_soft_placement=True)):
            pass
        with tf.compat.v1.Session():
            pass
    assert seen == [True, False]
