"""``tf.contrib.learn.ModeKeys`` for TF1 scripts (the rest of contrib.learn has no TF2 form)."""


class ModeKeys:
    """contrib.learn's mode names; ``INFER`` equals ``tf.estimator.ModeKeys.PREDICT`` (``"infer"``)."""

    TRAIN = "train"
    EVAL = "eval"
    INFER = "infer"
