"""Tests of the idiom finder on source snippets: binding forms, table names, call shapes, TF versions."""
import textwrap

import pytest

from migration.scan.engine import scan_text


def symbols(text, **options):
    """``[(line, symbol, severity)]`` of the findings in ``text``."""
    return [(f.line, f.symbol, f.severity) for f in scan_text(textwrap.dedent(text), **options)]


@pytest.mark.parametrize("source, expected", [
    ("import tensorflow as tf\ntf.Session()", "tf.Session"),
    ("import tensorflow\ntensorflow.Session()", "tf.Session"),
    ("import tensorflow.compat.v1 as tf\ntf.placeholder(tf.float32)", "tf.placeholder"),
    ("import tensorflow as tf\ntf.compat.v1.placeholder(tf.float32)", "tf.placeholder"),
    ("from tensorflow.compat import v1 as tf\ntf.train.Saver()", "tf.train.Saver"),
    ("import tensorflow as tf\ntf1 = tf.compat.v1\ntf1.train.Saver()", "tf.train.Saver"),
    ("import tensorflow as tf\ntrain = tf.train\ntrain.AdamOptimizer(0.1)", "tf.train.AdamOptimizer"),
    ("import tensorflow.contrib.slim as slim\nslim.conv2d(x, 1, 1)", "tf.contrib.slim.conv2d"),
    ("from tensorflow import contrib\ncontrib.layers.flatten(x)", "tf.contrib.layers.flatten"),
    ("from tensorflow.contrib.layers import flatten\nflatten(x)", "tf.contrib.layers.flatten"),
    ("import tensorflow as tf\ndef f():\n    import tensorflow.compat.v1 as v1\n    v1.Print(x, [x])", "tf.Print"),
])
def test_binding_forms_resolve_to_the_tf1_name(source, expected):
    assert expected in {symbol for _, symbol, _ in symbols(source)}


def test_rebinding_a_name_to_something_else_ends_its_tensorflow_meaning():
    source = """\
        from tensorflow import logging
        logging.info("a")
        import logging
        logging.info("b")
        """
    assert symbols(source) == [(1, "tf.logging", "INFO")]


def test_a_fallback_assignment_in_an_except_branch_keeps_the_import():
    source = """\
        try:
            import tensorflow.compat.v1 as tf
        except ImportError:
            tf = None
        tf.Session()
        """
    assert symbols(source) == [(5, "tf.Session", "WARNING")]


def test_names_not_bound_to_tensorflow_are_never_flagged():
    assert symbols("import numpy as tf\ntf.Session()\nsess.run(x)\nlayers.dense(x, 2)") == []


@pytest.mark.parametrize("call, flagged", [
    ("tf.nn.dropout(x, 0.5)", True),
    ("tf.nn.dropout(x, keep_prob)", True),
    ("tf.nn.dropout(x, keep_prob=0.5)", True),
    ("tf.nn.dropout(x, rate=0.5)", False),
    ("tf.nn.dropout(x, rate=1 - keep_prob, seed=1)", False),
    ("tf.keras.layers.Dropout(0.5)(x)", False),
])
def test_keep_prob_dropout_is_flagged_and_rate_dropout_is_not(call, flagged):
    found = symbols(f"import tensorflow as tf\n{call}")
    assert found == ([(2, "tf.nn.dropout", "WARNING")] if flagged else [])


def test_positional_keep_prob_message_warns_that_tf2_reads_it_as_rate():
    (finding,) = scan_text("import tensorflow as tf\ndrop = tf.nn.dropout\ndrop(x, 0.9)")
    assert (finding.line, finding.col, finding.category) == (3, 9, "dropout")
    assert "rate" in finding.message and "migration/cnn_mnist.py" in finding.message


@pytest.mark.parametrize("source, expected", [
    ("sess.run(op, feed_dict={x: 1})", [(1, "feed_dict", "placeholder")]),
    ("sess.run(op, {x: 1})", [(1, "feed_dict", "placeholder")]),
    ("loss.eval(feed_dict={x: 1})", [(1, "feed_dict", "placeholder")]),
    ("opt.minimize(loss, global_step=step)", [(1, "global_step", "optimizer")]),
    ("scope.reuse_variables()", [(1, "reuse_variables()", "variables")]),
    ("it = dataset.make_one_shot_iterator()", [(1, "make_one_shot_iterator()", "queue")]),
    ("app.run(main, argv)", []),
    ("model.run(x, y)", []),
])
def test_method_call_shapes(source, expected):
    assert [(f.line, f.symbol, f.category) for f in scan_text(source)] == expected


def test_v1_summaries_are_flagged_unless_the_file_writes_v2_summaries():
    v1 = "import tensorflow as tf\ntf.summary.scalar('loss', loss)\ntf.summary.histogram('w', w)"
    assert [symbol for _, symbol, _ in symbols(v1)] == ["tf.summary.scalar", "tf.summary.histogram"]
    assert symbols("import tensorflow as tf\ntf.summary.scalar('loss', loss, step=3)") == []
    assert symbols("import tensorflow as tf\ntf.summary.scalar('loss', loss, 3)") == []
    v2_default_step = """\
        import tensorflow as tf
        writer = tf.summary.create_file_writer("logs")
        with writer.as_default(step=3):
            tf.summary.scalar("loss", loss)
        """
    assert symbols(v2_default_step) == []


def test_aliases_of_compat_idioms_are_reported_once_where_they_are_made():
    source = """\
        import tensorflow as tf
        FLAGS = tf.app.flags.FLAGS
        print(FLAGS.steps, FLAGS.rate)
        from tensorflow import Session
        Session()
        """
    assert symbols(source) == [(2, "tf.app.flags.FLAGS", "INFO"), (4, "tf.Session", "WARNING")]


def test_target_tf_changes_severity_and_notes_from_the_version_table():
    source = "import tensorflow as tf\ntf.estimator.Estimator(f)\ntf.layers.dense(x, 2)"
    new = scan_text(source, target="2.21")
    old = scan_text(source, target="2.15")
    assert [f.severity for f in new] == ["WARNING", "WARNING"]  # tf.estimator is provided (tensorflow-estimator 2.15)
    assert [f.severity for f in old] == ["WARNING", "WARNING"]
    assert "TF_USE_LEGACY_KERAS=1" in new[1].message and "TF_USE_LEGACY_KERAS" not in old[1].message
    assert "before TF 2.16" in old[0].message and "before TF 2.16" not in new[0].message


def test_deeply_nested_generated_code_is_still_scanned():
    source = "import tensorflow as tf\nx = " + " + ".join(["1"] * 1500) + "\ntf.Session()\n"
    assert symbols(source) == [(3, "tf.Session", "WARNING")]


def test_columns_count_characters_not_bytes():
    (finding,) = scan_text("import tensorflow as tf\nnamé = 'ü'; tf.Session()\n")
    assert (finding.line, finding.col) == (2, 13)
