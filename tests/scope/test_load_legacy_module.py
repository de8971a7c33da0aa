"""tf1compat.load_legacy_module: a TF1 file imported in a legacy scope, its __main__ block not run."""
import pytest
import json
import subprocess
import sys
import textwrap

pytestmark = pytest.mark.slow  # TF1 programs in subprocesses


def test_load_legacy_module_imports_without_running_main(tmp_path):
    (tmp_path / "old_model.py").write_text(textwrap.dedent("""
        import tensorflow as tf

        def double(values):
            x = tf.placeholder(tf.float32, [None])
            with tf.Session() as sess:
                return sess.run(2 * x, {x: values}).tolist()

        if __name__ == "__main__":
            raise SystemExit("the __main__ block must not run")
    """))
    code = textwrap.dedent(f"""
        import json, sys
        import tf1compat
        module = tf1compat.load_legacy_module({str(tmp_path / "old_model.py")!r})
        import tensorflow as real_tf  # this file is outside the legacy scope
        print(json.dumps({{"double": module.double([1.5, -2.0]), "name": module.__name__,
                           "registered": sys.modules["old_model"] is module,
                           "outside_sees_tf2": hasattr(real_tf, "function") and not hasattr(real_tf, "placeholder")}}))
    """)
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert json.loads(completed.stdout.splitlines()[-1]) == {
        "double": [3.0, -4.0], "name": "old_model", "registered": True, "outside_sees_tf2": True}


def test_load_legacy_module_names_a_missing_file(tmp_path):
    code = f"import tf1compat; tf1compat.load_legacy_module({str(tmp_path / 'nope.py')!r})"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert completed.returncode == 1
    assert f"FileNotFoundError: `{tmp_path / 'nope.py'}`: no such file" in completed.stderr
