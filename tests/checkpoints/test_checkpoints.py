"""migration.checkpoints: mapping inference, all-or-nothing restore, inspect/convert CLI, on small synthetic checkpoints."""
import os
import subprocess
import sys

import numpy as np
import pytest
import tensorflow as tf
from tensorflow.core.framework import variable_pb2
from tensorflow.core.protobuf import meta_graph_pb2

from migration import checkpoints
from migration.checkpoints.mapping import VariableSpec, infer_mapping, is_optimizer_slot, normalised_keys
from migration.checkpoints import CheckpointMismatchError, NotACheckpointError, restore_tf1_checkpoint
from tests import paths

RNG = np.random.default_rng(0)
# A TF1 GCN-style checkpoint: a Saver keyed by var.name (with ':0'), plus Adam state.
TF1_VALUES = {
    "model/dense_1_vars/weights:0": RNG.standard_normal((4, 3)).astype(np.float32),
    "model/dense_1_vars/bias:0": RNG.standard_normal(3).astype(np.float32),
    "model/dense_2_vars/weights:0": RNG.standard_normal((3, 2)).astype(np.float32),
    "model/dense_2_vars/bias:0": RNG.standard_normal(2).astype(np.float32),
    "model/dense_1_vars/weights/Adam:0": np.ones((4, 3), np.float32),
    "model/dense_1_vars/weights/Adam_1:0": np.ones((4, 3), np.float32),
    "beta1_power": np.float32(0.9),
    "global_step": np.int64(7),
}


def write_tf1_checkpoint(prefix, values, creation_order=None):
    """A TF1 name-based checkpoint (what Saver.save writes), plus a .meta graph listing ``creation_order``."""
    names = list(values)
    tf.raw_ops.SaveV2(prefix=prefix, tensor_names=names, shape_and_slices=[""] * len(names),
                      tensors=[values[name] for name in names])
    if creation_order:
        meta_graph = meta_graph_pb2.MetaGraphDef()
        for name in creation_order:
            definition = variable_pb2.VariableDef(variable_name=name + ":0")
            meta_graph.collection_def["variables"].bytes_list.value.append(definition.SerializeToString())
        with open(prefix + ".meta", "wb") as handle:
            handle.write(meta_graph.SerializeToString())
    return prefix


class Net(tf.Module):
    """A TF2 twin: dense_1 4->3, dense_2 3->hidden2, Keras-style names."""

    def __init__(self, second=2, bias_dtype=tf.float32):
        super().__init__(name="net")
        with tf.name_scope("dense_1"):
            self.kernel_1 = tf.Variable(tf.zeros([4, 3]), name="kernel")
            self.bias_1 = tf.Variable(tf.zeros([3]), name="bias")
        with tf.name_scope("dense_2"):
            self.kernel_2 = tf.Variable(tf.zeros([3, second]), name="kernel")
            self.bias_2 = tf.Variable(tf.zeros([second], dtype=bias_dtype), name="bias")

    def values(self):
        return [v.numpy() for v in (self.kernel_1, self.bias_1, self.kernel_2, self.bias_2)]


@pytest.fixture
def tf1_checkpoint(tmp_path):
    return write_tf1_checkpoint(str(tmp_path / "model.ckpt"), TF1_VALUES)


def spec(name, shape, dtype="float32", order=0):
    return VariableSpec(name, tuple(shape), dtype, order)


# --- mapping inference ---------------------------------------------------------------
def test_optimizer_slots_are_recognised():
    slots = ["w/Adam", "w/Adam_1", "scope/w/Momentum", "beta1_power", "beta2_power_1", "global_step", "b/RMSProp_1"]
    model = ["w", "scope/Adamant", "dense/kernel", "global_step_size/w"]
    assert [is_optimizer_slot(name) for name in slots] == [True] * len(slots)
    assert [is_optimizer_slot(name) for name in model] == [False] * len(model)


def test_names_are_normalised_without_shared_scopes():
    keys = normalised_keys(["model/dense_1_vars/weights:0", "model/dense_1_vars/biases:0", "model/out/W"])
    assert keys == {"model/dense_1_vars/weights:0": ("dense_1", "kernel"),
                    "model/dense_1_vars/biases:0": ("dense_1", "bias"), "model/out/W": ("out", "kernel")}


def test_mapping_by_name_then_shape_then_creation_order():
    checkpoint = [spec("m/dense_1/weights", [4, 3], order=0), spec("m/h1", [8, 8], order=1),
                  spec("m/h2", [8, 8], order=2), spec("m/odd", [5])]
    model = [spec("dense_1/kernel", [4, 3], order=0), spec("first", [8, 8], order=1),
             spec("second", [8, 8], order=2), spec("bias", [5], order=3)]
    mapping = infer_mapping(checkpoint, model)
    assert mapping.problems == []
    assert [(m.source.name, m.target.name, m.how) for m in mapping.matches] == [
        ("m/dense_1/weights", "dense_1/kernel", "name"), ("m/odd", "bias", "shape"),
        ("m/h1", "first", "creation order"), ("m/h2", "second", "creation order")]


def test_same_shapes_without_creation_order_are_ambiguous_not_guessed():
    mapping = infer_mapping([spec("a", [8, 8]), spec("b", [8, 8])], [spec("x", [8, 8]), spec("y", [8, 8])],
                            orders_known=False)
    assert mapping.matches == []
    assert [p.kind for p in mapping.problems] == ["missing", "missing", "unexpected", "unexpected"]
    assert "ambiguous: same shape as `a`, `b`; pass name_map" in str(mapping.problems[0])


def test_explicit_map_wins_and_none_skips():
    mapping = infer_mapping([spec("a", [8, 8]), spec("b", [8, 8]), spec("junk", [1])],
                            [spec("x", [8, 8]), spec("y", [8, 8])],
                            name_map={"a": "y", "b": "x", "junk": None}, orders_known=False)
    assert [(m.source.name, m.target.name, m.how) for m in mapping.matches] == [("a", "y", "name map"),
                                                                                  ("b", "x", "name map")]
    assert [s.name for s in mapping.skipped] == ["junk"] and mapping.problems == []


def test_bad_name_map_entries_are_problems():
    mapping = infer_mapping([spec("a", [2])], [spec("x", [2])], name_map={"nope": "x", "a": "zzz"})
    assert [str(p) for p in mapping.problems] == [
        "bad name_map: `nope` is not in the checkpoint",
        "bad name_map: `a` maps to `zzz`, which is not a variable of the model",
        "missing: model variable `x` [2] float32 has no value in the checkpoint"]


# --- restore_tf1_checkpoint ------------------------------------------------------------
def test_restore_into_module_maps_by_name_and_skips_optimizer_state(tf1_checkpoint):
    net = Net()
    report = restore_tf1_checkpoint(net, tf1_checkpoint)
    expected = [TF1_VALUES[f"model/dense_{i}_vars/{kind}:0"] for i in (1, 2) for kind in ("weights", "bias")]
    for restored, value in zip(net.values(), expected):
        np.testing.assert_array_equal(restored, value)
    assert report.mapping == {"model/dense_1_vars/weights:0": "dense_1/kernel",
                              "model/dense_1_vars/bias:0": "dense_1/bias",
                              "model/dense_2_vars/weights:0": "dense_2/kernel",
                              "model/dense_2_vars/bias:0": "dense_2/bias"}
    assert sorted(s.name for s in report.skipped) == ["beta1_power", "global_step", "model/dense_1_vars/weights/Adam:0",
                                                     "model/dense_1_vars/weights/Adam_1:0"]
    assert str(report).splitlines()[0] == f"`{tf1_checkpoint}`: 4 variable(s) restored, 4 skipped, 0 problem(s)"


def test_restore_into_keras_model(tf1_checkpoint):
    model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(3, name="dense_1"),
                                 tf.keras.layers.Dense(2, name="dense_2")])
    restore_tf1_checkpoint(model, tf1_checkpoint)
    np.testing.assert_array_equal(model.layers[1].kernel.numpy(), TF1_VALUES["model/dense_2_vars/weights:0"])
    np.testing.assert_array_equal(model.layers[0].bias.numpy(), TF1_VALUES["model/dense_1_vars/bias:0"])


def test_include_optimizer_demands_a_home_for_every_slot(tf1_checkpoint):
    net = Net()
    with pytest.raises(CheckpointMismatchError) as caught:
        restore_tf1_checkpoint(net, tf1_checkpoint, include_optimizer=True)
    assert sorted(p.kind for p in caught.value.problems) == ["unexpected"] * 4
    assert all(v.sum() == 0 for v in net.values())


def test_mismatch_lists_every_problem_and_leaves_the_model_untouched(tmp_path):
    values = {k: v for k, v in TF1_VALUES.items() if k != "model/dense_1_vars/bias:0"}  # missing
    values["model/extra_vars/weights:0"] = np.ones((7, 7), np.float32)  # unexpected
    values["model/dense_2_vars/weights:0"] = np.ones((3, 5), np.float32)  # mis-shaped
    values["model/dense_2_vars/bias:0"] = np.ones(2, np.float64)  # mis-typed
    prefix = write_tf1_checkpoint(str(tmp_path / "bad.ckpt"), values)
    net = Net()
    before = net.values()
    with pytest.raises(CheckpointMismatchError) as caught:
        restore_tf1_checkpoint(net, prefix)
    assert sorted(str(p) for p in caught.value.problems) == [
        "mis-shaped: checkpoint `model/dense_2_vars/weights:0` [3, 5] float32 vs model `dense_2/kernel` [3, 2] float32",
        "mis-typed: checkpoint `model/dense_2_vars/bias:0` [2] float64 vs model `dense_2/bias` [2] float32",
        "missing: model variable `dense_1/bias` [3] float32 has no value in the checkpoint",
        "unexpected: checkpoint variable `model/extra_vars/weights:0` [7, 7] float32 matches no model variable"]
    assert str(caught.value).startswith(f"`{prefix}` does not match the model: 4 problem(s), nothing was restored:")
    for after, old in zip(net.values(), before):
        np.testing.assert_array_equal(after, old)


def test_non_strict_restores_what_matches_and_reports_the_rest(tmp_path):
    values = {k: v for k, v in TF1_VALUES.items() if k != "model/dense_1_vars/bias:0"}
    prefix = write_tf1_checkpoint(str(tmp_path / "partial.ckpt"), values)
    net = Net()
    report = restore_tf1_checkpoint(net, prefix, strict=False)
    assert len(report.matches) == 3 and [p.kind for p in report.problems] == ["missing"]
    np.testing.assert_array_equal(net.kernel_1.numpy(), TF1_VALUES["model/dense_1_vars/weights:0"])
    assert net.bias_1.numpy().tolist() == [0.0, 0.0, 0.0]


def test_creation_order_from_the_meta_graph(tmp_path):
    values = {"layer_a/w": np.full((8, 8), 1.0, np.float32), "layer_b/w": np.full((8, 8), 2.0, np.float32)}
    # Created b first: the names alone would suggest the opposite order.
    prefix = write_tf1_checkpoint(str(tmp_path / "ordered.ckpt"), values, creation_order=["layer_b/w", "layer_a/w"])
    first, second = tf.Variable(tf.zeros([8, 8]), name="p"), tf.Variable(tf.zeros([8, 8]), name="q")
    report = restore_tf1_checkpoint([first, second], prefix)
    assert (first.numpy()[0, 0], second.numpy()[0, 0]) == (2.0, 1.0)
    assert {m.how for m in report.matches} == {"creation order"}


def test_a_meta_graph_that_misses_a_variable_gives_no_creation_order(tmp_path):
    values = {"layer_a/w": np.full((8, 8), 1.0, np.float32), "layer_b/w": np.full((8, 8), 2.0, np.float32)}
    prefix = write_tf1_checkpoint(str(tmp_path / "renamed.ckpt"), values, creation_order=["layer_b/w", "other"])
    first, second = tf.Variable(tf.zeros([8, 8]), name="p"), tf.Variable(tf.zeros([8, 8]), name="q")
    with pytest.raises(CheckpointMismatchError) as caught:
        restore_tf1_checkpoint([first, second], prefix)
    assert [p.kind for p in caught.value.problems] == ["missing", "missing", "unexpected", "unexpected"]
    assert first.numpy().sum() == 0 and second.numpy().sum() == 0


def test_tf2_checkpoint_is_refused_with_the_right_advice(tmp_path):
    path = tf.train.Checkpoint(v=tf.Variable(1.0)).write(str(tmp_path / "tf2" / "ckpt"))
    with pytest.raises(NotACheckpointError, match="TF2 object-based checkpoint.*tf.train.Checkpoint"):
        restore_tf1_checkpoint(Net(), path)


# --- CLI -------------------------------------------------------------------------------
def test_inspect_lists_names_shapes_dtypes(tf1_checkpoint, capsys):
    assert checkpoints.main(["inspect", tf1_checkpoint]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"`{tf1_checkpoint}`: TF1 Saver checkpoint, 8 variables (4 model, 4 optimizer state), 49 values"
    rows = {line.split()[0]: line.split()[1:] for line in lines[2:]}
    assert rows["model/dense_1_vars/weights:0"] == ["[4,", "3]", "float32"]
    assert rows["global_step"] == ["[]", "int64", "(optimizer", "state)"]
    assert rows["model/dense_2_vars/bias:0"] == ["[2]", "float32"]


def wide_model():
    """A factory for --model whose dense_2 does not fit the checkpoint."""
    return Net(second=5)


def small_model():
    return Net(second=2)


def test_convert_writes_a_tf2_checkpoint_that_restores(tf1_checkpoint, tmp_path, capsys):
    out = str(tmp_path / "tf2")
    assert checkpoints.main(["convert", tf1_checkpoint, "--model", f"{__name__}:small_model", "--out", out]) == 0
    restored = Net()
    tf.train.Checkpoint(model=restored).read(tf.train.latest_checkpoint(out)).assert_existing_objects_matched()
    np.testing.assert_array_equal(restored.kernel_2.numpy(), TF1_VALUES["model/dense_2_vars/weights:0"])
    assert f"wrote TF2 checkpoint `{out}/ckpt-1`" in capsys.readouterr().out
    assert checkpoints.main(["convert", tf1_checkpoint, "--model", f"{__name__}:small_model", "--out", out]) == 0
    assert f"wrote TF2 checkpoint `{out}/ckpt-2`" in capsys.readouterr().out  # the first one is kept
    assert sorted(name for name in os.listdir(out) if name.endswith(".index")) == ["ckpt-1.index", "ckpt-2.index"]


@pytest.mark.parametrize("argv, code, message", [
    (["inspect", "{tmp}/nope.ckpt"], 2, "ERROR `{tmp}/nope.ckpt`: no such checkpoint; available: {tmp}/garbage, {tmp}/model.ckpt"),
    (["inspect", "{tmp}/model.ckpt.data-00000-of-00001"], 0, None),
    (["frob", "{tmp}/model.ckpt"], 2, "ERROR argument COMMAND: invalid choice: 'frob' (choose from 'inspect', "
                                      "'convert'); available: inspect, convert"),
    (["convert", "{tmp}/model.ckpt"], 2, "ERROR the following arguments are required: --model, --out; available: "),
    (["convert", "{tmp}/model.ckpt", "--model", "m:f", "--out", "{tmp}/o", "--name-map", "{tmp}/notes.txt"], 2,
     "ERROR `{tmp}/notes.txt` is not JSON: "),
    (["inspect", "{tmp}/notes.txt"], 2, "ERROR `{tmp}/notes.txt` is not a TF1 checkpoint (no `notes.txt.index` next "
                                        "to it); give the prefix Saver.save returned, e.g. tmp/model.ckpt"),
    (["inspect", "{tmp}/garbage"], 2, "ERROR `{tmp}/garbage` is not a readable checkpoint: "),
    (["convert", "{tmp}/model.ckpt", "--model", "nocolon", "--out", "{tmp}/o"], 2, "ERROR `nocolon`: --model takes "
                                                                                   "MODULE:FACTORY"),
    (["convert", "{tmp}/model.ckpt", "--model", __name__ + ":nothing", "--out", "{tmp}/o"], 2,
     f"ERROR `{__name__}:nothing`: no function `nothing` in `{__name__}`; available: "),
    (["convert", "{tmp}/model.ckpt", "--model", __name__ + ":wide_model", "--out", "{tmp}/o"], 1,
     "ERROR `{tmp}/model.ckpt` does not match the model: 2 problem(s), nothing was restored: mis-shaped: "),
])
def test_cli_errors_are_one_line_with_exit_code(tf1_checkpoint, tmp_path, capsys, argv, code, message):
    (tmp_path / "notes.txt").write_text("not a checkpoint")
    (tmp_path / "garbage.index").write_bytes(b"\x00garbage" * 8)
    tmp = str(tmp_path)
    assert checkpoints.main([arg.format(tmp=tmp) for arg in argv]) == code
    err = capsys.readouterr().err
    if message is not None:
        assert len(err.splitlines()) == 1 and err.startswith(message.format(tmp=tmp)), err
    assert not os.path.exists(tmp_path / "o")  # a failed convert writes nothing


def test_convert_with_a_name_map_file_for_ambiguous_names(tmp_path, capsys):
    values = {"a": np.full((3, 2), 1.0, np.float32), "b": np.full((3, 2), 2.0, np.float32),
              "c": np.full(3, 3.0, np.float32), "d": np.full(2, 4.0, np.float32), "e": np.full((4, 3), 5.0, np.float32)}
    prefix = write_tf1_checkpoint(str(tmp_path / "flat.ckpt"), values)
    (tmp_path / "map.json").write_text('{"a": "dense_2/kernel", "b": null}')
    argv = ["convert", prefix, "--model", f"{__name__}:small_model", "--out", str(tmp_path / "o"),
            "--name-map", str(tmp_path / "map.json")]
    assert checkpoints.main(argv) == 0
    restored = Net()
    tf.train.Checkpoint(model=restored).read(tf.train.latest_checkpoint(str(tmp_path / "o"))).expect_partial()
    assert [float(v.flat[0]) for v in restored.values()] == [5.0, 3.0, 1.0, 4.0]
    out = capsys.readouterr().out
    assert "  a -> dense_2/kernel [3, 2] float32 (by name map)" in out and "  skipped b (name_map None)" in out


def test_verbose_adds_the_traceback(tf1_checkpoint, capsys):
    argv = ["convert", tf1_checkpoint, "--model", f"{__name__}:wide_model", "--out", "unused", "--verbose"]
    assert checkpoints.main(argv) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and err.splitlines()[-1].startswith("ERROR `")


@pytest.mark.slow
def test_command_line_stderr_is_exactly_one_line(tmp_path):
    # In a real process TensorFlow's start-up noise must not join the error line.
    env = dict(os.environ)
    env.pop("TF_CPP_MIN_LOG_LEVEL", None)
    completed = subprocess.run([sys.executable, "-m", "migration.checkpoints", "inspect", str(tmp_path / "x.ckpt")],
                               capture_output=True, text=True, env=env, timeout=120,
                               cwd=paths.ROOT)
    assert completed.returncode == 2
    assert completed.stderr.splitlines() == [f"ERROR `{tmp_path}/x.ckpt`: no such checkpoint; available: "
                                             f"no checkpoint in `{tmp_path}`"]
