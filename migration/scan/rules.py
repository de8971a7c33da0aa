"""Scan knowledge that is not a TF1 name: call shapes (feed_dict, keep_prob) and TF-version changes.

The TF1 names themselves live in ``tf1compat.api.table``; this module holds only
what depends on *how* something is called or on the TensorFlow version targeted.
"""
from dataclasses import dataclass
from typing import Optional

from tf1compat.api import tf0_12
from tf1compat.api.table import TABLE, WARNING, compat


@dataclass(frozen=True)
class CallShape:
    """A call of table name ``key`` that is a TF1 idiom only in a certain shape.

    The name alone is not flagged (``tf.nn.dropout(x, rate=0.5)`` is TF2 code);
    a call is flagged when it passes ``keyword``, passes a positional argument at
    ``position``, or, with ``flag_unless_keyword``, passes neither that keyword nor
    a positional argument at ``unless_position`` (where TF2 takes it) -- unless the
    file uses one of the names in ``unless_file_uses`` (it is TF2 code then).
    """

    key: str
    message: str
    keyword: Optional[str] = None
    position: Optional[int] = None
    flag_unless_keyword: Optional[str] = None
    unless_position: Optional[int] = None
    unless_file_uses: tuple = ()
    literal: Optional[str] = None  # the argument at ``position`` must be this literal: "int", or "bool list"


@dataclass(frozen=True)
class MethodShape:
    """A call ``anything.<method>(...)`` that is a TF1 idiom (method calls on TF1 objects).

    Flagged when the call passes ``keyword``, or a dict literal at ``dict_position``,
    or (with neither given) always.
    """

    method: str
    symbol: str  # what the finding names, e.g. "feed_dict"
    entry: object  # an api_table.Entry describing the idiom
    message: str
    keyword: Optional[str] = None
    dict_position: Optional[int] = None


@dataclass(frozen=True)
class VersionChange:
    """How the targeted TF version changes the finding for table ``keys``.

    Applies when the target is below ``before`` or at/above ``since``.
    """

    keys: tuple
    note: str
    before: Optional[str] = None
    since: Optional[str] = None
    severity: Optional[str] = None


# A v2 summary may take its step from `writer.as_default(step=...)`; a file creating v2 writers is TF2 code.
_V2_SUMMARIES = ("summary.create_file_writer", "summary.create_noop_writer", "summary.experimental.set_step")
_SUMMARY_V1 = "a TF1 summary op (no `step=`): it only records when its result is run and written by a FileWriter"
CALL_SHAPES = (
    CallShape("nn.dropout", "`keep_prob=` is TF1's dropout argument; TF2 takes `rate` (= 1 - keep_prob)",
              keyword="keep_prob"),
    CallShape("nn.dropout", "the second positional argument of TF1's dropout is keep_prob, in TF2 it is "
                            "`rate`: ported unchanged, 0.9 would drop 90 % instead of 10 %", position=1),
    CallShape("summary.scalar", _SUMMARY_V1, flag_unless_keyword="step", unless_position=2,
              unless_file_uses=_V2_SUMMARIES),
    CallShape("summary.histogram", _SUMMARY_V1, flag_unless_keyword="step", unless_position=2,
              unless_file_uses=_V2_SUMMARIES),
    CallShape("summary.image", _SUMMARY_V1, flag_unless_keyword="step", unless_position=2,
              unless_file_uses=_V2_SUMMARIES),
    CallShape("summary.text", _SUMMARY_V1, flag_unless_keyword="step", unless_position=2,
              unless_file_uses=_V2_SUMMARIES),
    CallShape("summary.audio", _SUMMARY_V1, flag_unless_keyword="step", unless_position=2,
              unless_file_uses=_V2_SUMMARIES),
)

# TF 0.12's argument orders (tf_upgrade.py's reorders): a call is in the 0.12 order when its source shows it --
# an int literal where 1.x takes the values, a bool-list literal where 1.x takes axes, positional arguments
# where 1.x requires keywords, or a 0.12 keyword. Calls whose order the source does not show are left alone.
_PRE_1_0 = "the TF 0.12 argument order `tf.{form}`; TF 1.0 reordered it: {tf1} (tf1compat runs both orders)"
_REORDER_SHAPES = {  # name -> ((keyword, position, literal), ...)
    "concat": (("concat_dim", None, None), (None, 0, "int")),
    "split": (("split_dim", None, None), ("num_split", None, None), (None, 0, "int")),
    "sparse_split": ((None, 0, None),),
    "reverse": (("dims", None, None), (None, 1, "bool list")),
    "nn.softmax_cross_entropy_with_logits": ((None, 0, None),),
    "nn.sparse_softmax_cross_entropy_with_logits": ((None, 0, None),),
    "nn.sigmoid_cross_entropy_with_logits": ((None, 0, None), ("targets", None, None)),
}
CALL_SHAPES += tuple(
    CallShape(name, _PRE_1_0.format(form=tf0_12.REORDERED[name][1], tf1=tf0_12.REORDERED[name][2]),
              keyword=keyword, position=position, literal=literal)
    for name, shapes in _REORDER_SHAPES.items() for keyword, position, literal in shapes)

_FEED = compat("placeholder", "tf.function arguments fed from a tf.data.Dataset", "cnn_mnist")
_STEP = compat("optimizer", "optimizer.apply_gradients (optimizer.iterations counts steps)", "model_checkpoint")
_PRE_ABSL = compat("app", "FLAGS(sys.argv) then FLAGS.flag_values_dict() (absl), or argparse")
_REUSE = compat("variables", "create each tf.Module / Keras layer once and call it again", "model_checkpoint")
METHOD_SHAPES = (
    MethodShape("run", "feed_dict", _FEED, "`feed_dict` feeds placeholders of a TF1 Session", keyword="feed_dict"),
    MethodShape("run", "feed_dict", _FEED, "a dict as second argument of `.run` is a TF1 feed_dict", dict_position=1),
    MethodShape("eval", "feed_dict", _FEED, "`feed_dict` feeds placeholders of a TF1 Session", keyword="feed_dict"),
    MethodShape("minimize", "global_step", _STEP, "`global_step=` is TF1's step counter", keyword="global_step"),
    MethodShape("apply_gradients", "global_step", _STEP, "`global_step=` is TF1's step counter", keyword="global_step"),
    MethodShape("make_one_shot_iterator", "make_one_shot_iterator()", TABLE["data.make_one_shot_iterator"],
                "a TF1 iterator that a Session pulls batches from"),
    MethodShape("make_initializable_iterator", "make_initializable_iterator()", TABLE["data.make_initializable_iterator"],
                "a TF1 iterator that a Session initialises and pulls batches from"),
    MethodShape("reuse_variables", "reuse_variables()", _REUSE, "`reuse_variables()` shares TF1 variables by scope name"),
    MethodShape("_parse_flags", "FLAGS._parse_flags()", _PRE_ABSL,
                "TF <= 1.4's flag parsing (absl-based tf.flags lacks it; tf1compat provides it)"),
)

_ESTIMATOR_KEYS = ("estimator", "estimator.*")
VERSION_CHANGES = (
    VersionChange(_ESTIMATOR_KEYS, "before TF 2.16 it still runs as tf.compat.v1.estimator with "
                  "tensorflow-estimator (removed in 2.16)", before="2.16", severity=WARNING),
    VersionChange(("layers", "nn.rnn_cell", "nn.dynamic_rnn", "nn.static_rnn"),
                  "since TF 2.16 (Keras 3) it needs tf-keras and TF_USE_LEGACY_KERAS=1 "
                  "(python -m tf1compat sets it)", since="2.16"),
)
