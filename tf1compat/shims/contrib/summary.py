"""``tf.contrib.summary`` for TF1 scripts: TensorFlow's summary_ops_v2, the module contrib.summary re-exported.

Graph-mode use as TF1 wrote it: ``create_file_writer(...).as_default()``,
``always_record_summaries()`` / ``record_summaries_every_n_global_steps(n)``, ``scalar(...)``,
then ``initialize(graph=..., session=...)`` and ``all_summary_ops()`` run in the session.
"""
from tensorflow.python.ops import summary_ops_v2

from tf1compat.shims.contrib.module_hooks import contrib_module_hooks

_SAME_NAME = ("SummaryWriter", "always_record_summaries", "audio", "create_file_writer",
              "create_summary_file_writer", "eval_dir", "flush", "generic", "graph", "histogram", "image",
              "import_event", "initialize", "never_record_summaries", "record_summaries_every_n_global_steps",
              "scalar", "summary_writer_initializer_op")
globals().update({name: getattr(summary_ops_v2, name) for name in _SAME_NAME})
# TF 1.15 called it all_summary_ops; TF 2 renamed it all_v2_summary_ops.
all_summary_ops = summary_ops_v2.all_v2_summary_ops
should_record_summaries = summary_ops_v2.should_record_summaries

__all__ = sorted(_SAME_NAME + ("all_summary_ops", "should_record_summaries"))

__getattr__, __dir__ = contrib_module_hooks("contrib.summary", __name__, __all__)
