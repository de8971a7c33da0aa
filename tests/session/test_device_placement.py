"""device_placement: soft placement is added to a copy of the config when the graph pins a missing device."""
import pytest

tf = pytest.importorskip("tensorflow")

from tf1compat.session import device_placement
from tf1compat.session import config as session_config


@pytest.fixture
def no_gpu():
    if tf.config.list_physical_devices("GPU"):
        pytest.skip("this machine has a GPU")
    yield
    session_config.remove_adjuster(device_placement.NAME)


def test_lacking_pins_counts_ops_per_missing_device(no_gpu):
    graph = tf.Graph()
    with graph.as_default():
        with tf.device("/gpu:0"):
            tf.constant(1.0) + tf.constant(2.0)
        with tf.device("/device:GPU:1"):
            tf.constant(3.0)
        with tf.device("/cpu:0"):
            tf.constant(4.0)
        with tf.device("/job:localhost/replica:0/task:0"):
            tf.constant(5.0)
    assert device_placement.lacking_pins(graph) == {"/device:GPU:0": 3, "/device:GPU:1": 1}


def test_adjuster_adds_soft_placement_and_keeps_the_scripts_settings(no_gpu, capsys):
    device_placement.install()
    assert device_placement.NAME in session_config.adjusters()
    script_config = tf.compat.v1.ConfigProto(intra_op_parallelism_threads=2, log_device_placement=False)
    with tf.Graph().as_default():
        with tf.device("/gpu:3"):
            tf.constant(1.0, name="pinned")
        merged = session_config.merged(script_config)
    assert (merged.allow_soft_placement, merged.intra_op_parallelism_threads) == (True, 2)
    assert script_config.allow_soft_placement is False
    assert "this machine has no /device:GPU:3; the 1 ops the graph pins there run on CPU" in capsys.readouterr().err
    assert device_placement.pinned()["/device:GPU:3"] == 1
    with tf.Graph().as_default():  # no pins, no GPU: soft placement all the same, nothing to report
        fresh = session_config.merged(None)
    assert fresh.allow_soft_placement is True and capsys.readouterr().err == ""
