"""``tf.contrib.seq2seq`` for TF1 scripts: TF 1.15's decoders, helpers, beam search and attention on tf.compat.v1."""
import types

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks
from tf1compat.shims.contrib.seq2seq import (attention_mechanism, attention_wrapper, basic_decoder,
                                             beam_search_decoder, beam_search_step, beam_tree, decoder, helper,
                                             loss, monotonic_attention, structure, training_helper)
from tf1compat.shims.contrib.seq2seq.attention_mechanism import AttentionMechanism, BahdanauAttention, LuongAttention
from tf1compat.shims.contrib.seq2seq.attention_wrapper import AttentionWrapper, AttentionWrapperState, hardmax
from tf1compat.shims.contrib.seq2seq.basic_decoder import BasicDecoder, BasicDecoderOutput
from tf1compat.shims.contrib.seq2seq.beam_search_decoder import BeamSearchDecoder, FinalBeamSearchDecoderOutput
from tf1compat.shims.contrib.seq2seq.beam_search_step import BeamSearchDecoderOutput, BeamSearchDecoderState
from tf1compat.shims.contrib.seq2seq.beam_tree import gather_tree, tile_batch
from tf1compat.shims.contrib.seq2seq.decoder import Decoder, dynamic_decode
from tf1compat.shims.contrib.seq2seq.helper import (CustomHelper, GreedyEmbeddingHelper, Helper, InferenceHelper,
                                                    SampleEmbeddingHelper)
from tf1compat.shims.contrib.seq2seq.loss import sequence_loss
from tf1compat.shims.contrib.seq2seq.monotonic_attention import (BahdanauMonotonicAttention, LuongMonotonicAttention,
                                                                 monotonic_attention, monotonic_probability_fn,
                                                                 safe_cumprod)
from tf1compat.shims.contrib.seq2seq.training_helper import (ScheduledEmbeddingTrainingHelper,
                                                             ScheduledOutputTrainingHelper, TrainingHelper)

__all__ = [
    "AttentionMechanism", "AttentionWrapper", "AttentionWrapperState", "BahdanauAttention",
    "BahdanauMonotonicAttention", "BasicDecoder", "BasicDecoderOutput", "BeamSearchDecoder",
    "BeamSearchDecoderOutput", "BeamSearchDecoderState", "CustomHelper", "Decoder",
    "FinalBeamSearchDecoderOutput", "GreedyEmbeddingHelper", "Helper", "InferenceHelper", "LuongAttention",
    "LuongMonotonicAttention", "SampleEmbeddingHelper", "ScheduledEmbeddingTrainingHelper",
    "ScheduledOutputTrainingHelper", "TrainingHelper", "dynamic_decode", "gather_tree", "hardmax",
    "monotonic_attention", "monotonic_probability_fn", "safe_cumprod", "sequence_loss", "tile_batch",
]



def _joined(*modules, **tf1_private_names):
    """One namespace with the names of ``modules`` (TF1 kept them in one file), plus TF1's private names."""
    names = {name: value for module in modules for name, value in vars(module).items() if not name.startswith("__")}
    return types.SimpleNamespace(**names, **tf1_private_names)


# TF1 scripts also imported the implementation modules, e.g.
# `from tensorflow.contrib.seq2seq.python.ops import attention_wrapper`, and subclassed with
# their private helpers (`attention_wrapper._bahdanau_score`, ...): same signatures here.
python = types.SimpleNamespace(ops=types.SimpleNamespace(
    attention_wrapper=_joined(
        attention_mechanism, monotonic_attention, attention_wrapper,
        _bahdanau_score=attention_mechanism.bahdanau_score, _luong_score=attention_mechanism.luong_score,
        _maybe_mask_score=attention_mechanism._mask_score, _prepare_memory=attention_mechanism._mask_memory,
        _monotonic_probability_fn=monotonic_probability_fn, _zero_state_tensors=structure.zero_tensors),
    basic_decoder=basic_decoder, decoder=decoder, loss=loss, helper=_joined(helper, training_helper),
    beam_search_decoder=_joined(
        beam_tree, beam_search_step, beam_search_decoder,
        _beam_search_step=beam_search_step.beam_search_step, _tensor_gather_helper=beam_search_step.gather_beams,
        _maybe_tensor_gather_helper=beam_search_step.maybe_gather_beams,
        _mask_probs=beam_search_step.mask_finished, _get_scores=beam_search_step.scores,
        _length_penalty=beam_search_step.length_penalty, get_attention_probs=beam_search_step.attention_probs),
    beam_search_ops=types.SimpleNamespace(gather_tree=gather_tree)))

__getattr__, __dir__ = contrib_module_hooks("contrib.seq2seq", __name__, __all__)
