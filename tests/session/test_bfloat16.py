"""--bf16: the rewrite merged into each session's config, refused without native bfloat16, float32 checkpoints."""
import os

import pytest

from tf1compat.session import bfloat16
from tf1compat.session import config as session_config
from tests.cli.runner_harness import SCRIPTS, result_of, run

tf = pytest.importorskip("tensorflow")
from tensorflow.core.protobuf import rewriter_config_pb2  # noqa: E402

ON, OFF = rewriter_config_pb2.RewriterConfig.ON, rewriter_config_pb2.RewriterConfig.OFF


def cpuinfo(tmp_path, flags):
    path = tmp_path / "cpuinfo"
    path.write_text(f"processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: fpu sse2 avx2 {flags}\n\nprocessor\t: 1\n")
    return str(path)


@pytest.fixture
def clean_adjusters():
    yield
    session_config.remove_adjuster(bfloat16.ADJUSTER)


def test_native_flags_come_from_cpuinfo(tmp_path):
    assert bfloat16.native_flags(cpuinfo(tmp_path, "avx512f avx512_bf16 amx_tile amx_bf16")) == (
        ("avx512_bf16", "amx_bf16"), None)
    flags, why_not = bfloat16.native_flags(cpuinfo(tmp_path, "avx512f avx512_vnni"))
    assert flags == () and why_not.startswith("this CPU has no native bfloat16 (neither avx512_bf16 nor amx_bf16")
    flags, why_not = bfloat16.native_flags(str(tmp_path / "missing"))
    assert flags == () and why_not == f"`{tmp_path / 'missing'}` cannot be read, so native bfloat16 is unknown"


def test_refused_without_native_bfloat16_unless_forced(tmp_path, monkeypatch, clean_adjusters):
    monkeypatch.setenv(bfloat16.CPUINFO_ENV, cpuinfo(tmp_path, "avx512f"))
    with pytest.raises(bfloat16.NoNativeBfloat16, match=r"^`--bf16`: this CPU .* `--bf16=force` runs it anyway$"):
        bfloat16.enable()
    assert bfloat16.ADJUSTER not in session_config.adjusters()
    bfloat16.enable("force")
    assert bfloat16.ADJUSTER in session_config.adjusters()
    monkeypatch.setenv(bfloat16.CPUINFO_ENV, cpuinfo(tmp_path, "avx512_bf16"))
    monkeypatch.setenv("TF_ENABLE_ONEDNN_OPTS", "0")
    with pytest.raises(bfloat16.NoNativeBfloat16, match="TF_ENABLE_ONEDNN_OPTS=0 turns oneDNN off"):
        bfloat16.enable()


def test_merged_config_keeps_the_scripts_settings_and_adds_the_pass(tmp_path, monkeypatch, clean_adjusters, capsys):
    monkeypatch.setenv(bfloat16.CPUINFO_ENV, cpuinfo(tmp_path, "avx512_bf16"))
    bfloat16.enable()
    script = tf.compat.v1.ConfigProto(allow_soft_placement=True, intra_op_parallelism_threads=2)
    script.graph_options.rewrite_options.constant_folding = OFF
    script.graph_options.rewrite_options.min_graph_nodes = -1
    merged = session_config.merged(script)
    rewrite = merged.graph_options.rewrite_options
    assert (rewrite.auto_mixed_precision_onednn_bfloat16, rewrite.constant_folding, rewrite.min_graph_nodes) == (ON, OFF, -1)
    assert (merged.allow_soft_placement, merged.intra_op_parallelism_threads) == (True, 2)
    assert script.graph_options.rewrite_options.auto_mixed_precision_onednn_bfloat16 == 0  # the script's object
    interactive = tf.compat.v1.ConfigProto()
    interactive.graph_options.place_pruned_graph = True  # what InteractiveSession sets: grappler would skip it
    assert session_config.merged(interactive).graph_options.place_pruned_graph is False
    refusing = tf.compat.v1.ConfigProto()
    refusing.graph_options.rewrite_options.auto_mixed_precision_onednn_bfloat16 = OFF
    assert session_config.merged(refusing).graph_options.rewrite_options.auto_mixed_precision_onednn_bfloat16 == OFF
    assert sorted(bfloat16.sessions_adjusted()) == [
        "bfloat16 rewrite left as the script set it", "oneDNN bfloat16 auto-mixed-precision rewrite on",
        "oneDNN bfloat16 auto-mixed-precision rewrite on (place_pruned_graph off: grappler skips graphs placed "
        "after pruning)"]
    err = capsys.readouterr().err
    assert err.count("tf1compat: --bf16: oneDNN bfloat16 auto-mixed-precision rewrite on in every Session") == 1
    assert "(native bfloat16: avx512_bf16)" in err


def test_runner_refuses_in_one_line_and_says_when_no_session_ran(tmp_path):
    script = tmp_path / "no_session.py"
    script.write_text("print('no session')\n")
    env = {bfloat16.CPUINFO_ENV: cpuinfo(tmp_path, "avx512f")}
    refused = run(str(script), runner_args=["--bf16"], env_extra=env)
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr.count("\n") == 1 and refused.stderr.startswith("ERROR `--bf16`: this CPU has no native")
    forced = run(str(script), runner_args=["--bf16=force"], env_extra=env)
    assert (forced.returncode, forced.stdout) == (0, "no session\n")
    assert forced.stderr == ("tf1compat: --bf16: the script created no Session, so nothing was changed "
                             "(the rewrite applies to TF1 Session graphs)\n")


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """deep_mnist.py trained under --bf16 (the CPU flag faked, so this runs anywhere), then restored in float32."""
    folder = tmp_path_factory.mktemp("bf16")
    ckpt = str(folder / "model.ckpt")
    env = {bfloat16.CPUINFO_ENV: cpuinfo(folder, "avx512_bf16"), "TF1COMPAT_OFFLINE": "1"}
    completed = run("deep_mnist.py", "train", ckpt, "30", "50", runner_args=["--bf16"], cwd=str(folder),
                    env_extra=env)
    restored = run("deep_mnist.py", "restore", ckpt, cwd=str(folder), env_extra=env)
    return completed, result_of(completed), result_of(restored)


def test_every_session_kind_runs_the_rewritten_graph(trained):
    completed, result, _ = trained
    assert result["session_rewrite"] == {"constant_folding": OFF, "bf16": ON}  # the script's option kept
    assert (result["script_config_bf16"], result["soft_placement"]) == (0, True)
    # Nodes of the graph TensorFlow ran that carry a bfloat16 type: the rewrite happened in each session.
    assert min(result["bf16_nodes"], result["interactive_bf16_nodes"], result["monitored_bf16_nodes"]) >= 10
    assert completed.stderr.count("tf1compat: --bf16:") == 1


def test_checkpoint_written_under_bf16_is_float32(trained):
    _, result, restored = trained
    assert result["fetched_dtype"] == "float32"
    assert restored["checkpoint_dtypes"] == ["float32", "int64"]  # weights, Adam slots / global step
    assert restored["restored_dtype"] == "float32" and restored["variables"] == 27
    assert restored["W_conv1_sum"] == result["W_conv1_sum"]  # restored bit for bit in a float32 run
    assert result["accuracy"] > 0.3  # 30 Adam steps at 1e-4 from chance (0.1): it learned in bfloat16


def test_runner_help_lists_both_spellings():
    completed = run(os.path.join(SCRIPTS, "deep_mnist.py"), runner_args=["--help"])
    assert "--bf16=force" in completed.stdout and "avx512_bf16 / amx_bf16" in completed.stdout
