"""Built TF1 cells deep-copy as in TF 1.15 (graph objects shared, the rest copied): the bucketed translator runs."""
import pytest

from tests.tf1_programs import run_tf1_programs

CHECK = "tests/scripts/layer_deepcopy/built_cell_copy_check.py"
TRANSLATE = "tests/scripts/seq2seq/translate_self_test.py"
EAS = "embedding_attention_seq2seq/"


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    shared = str(tmp_path_factory.mktemp("shared"))
    copied = str(tmp_path_factory.mktemp("copied"))
    commands = {"check": [CHECK],
                "shared": [TRANSLATE, "--self_test", "--share_cell", "--steps", "2", "--train_dir", shared],
                "copied": [TRANSLATE, "--self_test", "--steps", "2", "--train_dir", copied]}
    return {name: run.result for name, run in run_tf1_programs(commands).items()}


@pytest.mark.slow
@pytest.mark.parametrize("cell", ["gru", "lstm"])
def test_copy_of_a_built_cell_shares_variables_and_computes_the_same(results, cell):
    copied = results["check"][cell]
    assert copied["new_object"] and copied["built"] and all(copied["shares_variables"])
    assert len(copied["shares_variables"]) == {"gru": 8, "lstm": 2}[cell]
    assert copied["new_variables"] == 0
    assert copied["max_abs_difference"] == 0.0 and copied["output_norm"] > 0.1


@pytest.mark.slow
def test_sharing_is_scoped_to_layer_copies(results):
    check = results["check"]
    assert check["unbuilt_built"] is False and check["dispatch_clean"]
    assert check["tensor_copy"] == "TypeError: cannot pickle 'SymbolicTensor' object"  # a bare tensor: as before


@pytest.mark.slow
def test_tf1_0_translator_with_one_cell_for_two_buckets_trains_and_decodes(results):
    run = results["shared"]
    assert run["checkpoint"] == "translate.ckpt-2" and run["restored_step"] == 2
    assert {bucket: len(losses) for bucket, losses in run["losses"].items()} == {"0": 1, "1": 1}
    assert all(1.0 < losses[0] < 3.0 for losses in run["losses"].values())  # sampled softmax over 8 of 10
    assert [len(decoding) for decoding in run["decodings"]] == [6, 6]  # the second bucket's decoder length
    assert all(0 <= symbol < 10 for decoding in run["decodings"] for symbol in decoding)
    # The second bucket reuses the first one's variables: the same variables as the per-bucket-copy form.
    assert run["variables"] == results["copied"]["variables"]
    assert sum(name.startswith(EAS) for name in run["variables"]) >= 20
