"""``tf.contrib.legacy_seq2seq`` for TF1 scripts: TF 1.15's decoders, seq2seq models, bucketing and losses."""
from tf1compat.shims.contrib.legacy_seq2seq.attention import attention_decoder, embedding_attention_decoder
from tf1compat.shims.contrib.legacy_seq2seq.buckets import model_with_buckets
from tf1compat.shims.contrib.legacy_seq2seq.decoders import embedding_rnn_decoder, rnn_decoder
from tf1compat.shims.contrib.legacy_seq2seq.losses import sequence_loss, sequence_loss_by_example
from tf1compat.shims.contrib.legacy_seq2seq.models import (basic_rnn_seq2seq, embedding_attention_seq2seq,
                                                            embedding_rnn_seq2seq, embedding_tied_rnn_seq2seq,
                                                            one2many_rnn_seq2seq, tied_rnn_seq2seq)
from tf1compat.shims.contrib.module_hooks import contrib_module_hooks

__all__ = ["attention_decoder", "basic_rnn_seq2seq", "embedding_attention_decoder", "embedding_attention_seq2seq",
           "embedding_rnn_decoder", "embedding_rnn_seq2seq", "embedding_tied_rnn_seq2seq", "model_with_buckets",
           "one2many_rnn_seq2seq", "rnn_decoder", "sequence_loss", "sequence_loss_by_example", "tied_rnn_seq2seq"]

__getattr__, __dir__ = contrib_module_hooks("contrib.legacy_seq2seq", __name__, __all__)
