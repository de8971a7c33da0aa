"""The standalone Keras 2.2.4 view (tf1compat.views.keras): its conversion data; Keras 2.2 programs run unchanged."""
import os
import re
import subprocess
import sys
import warnings

import pytest

from tests import paths
from tf1compat.views.keras import interfaces, layout, legacy_arguments, table

SCRIPTS = os.path.join(paths.SCRIPTS, "keras22")


# --- the conversion engine and the data (no TensorFlow) --------------------------------------------------------

def _convert(name, *args, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        converted = legacy_arguments.convert(name, interfaces.LAYERS[name], args, kwargs, stacklevel=2)
    return converted, [str(warning.message) for warning in caught]


def test_conv2d_keras1_positional_form_becomes_kernel_size_with_keras22_warning():
    (args, kwargs), messages = _convert("Conv2D", 32, 3, 3, border_mode="same", dim_ordering="th")
    assert args == (32, (3, 3))
    assert kwargs == {"padding": "same", "data_format": "channels_first"}
    assert messages == ['Update your `Conv2D` call to the Keras 2 API: '
                        '`Conv2D(32, (3, 3), padding="same", data_format="channels_first")`']


def test_conv2d_nb_row_nb_col_keywords_and_keras2_call_untouched():
    (args, kwargs), _ = _convert("Conv2D", nb_filter=8, nb_row=5, nb_col=3)
    assert args == () and kwargs == {"kernel_size": (5, 3), "filters": 8}
    (args, kwargs), messages = _convert("Conv2D", 8, (3, 3), padding="valid")
    assert (args, kwargs, messages) == ((8, (3, 3)), {"padding": "valid"}, [])


def test_dense_and_recurrent_renames_and_value_conversions():
    (_, kwargs), messages = _convert("Dense", output_dim=10, W_regularizer="l2", bias=False)
    assert kwargs == {"units": 10, "kernel_regularizer": "l2", "use_bias": False}
    assert messages == ['Update your `Dense` call to the Keras 2 API: '
                        '`Dense(units=10, kernel_regularizer="l2", use_bias=False)`']
    (_, kwargs), _ = _convert("LSTM", 4, consume_less="mem", forget_bias_init="one", input_dim=3, input_length=7)
    assert kwargs == {"implementation": 1, "unit_forget_bias": True, "input_shape": (7, 3)}


def test_errors_keras22_raised():
    with pytest.raises(TypeError, match=r"`Dense` can accept only 1 positional arguments \('units',\)"):
        _convert("Dense", 10, "relu")
    with pytest.raises(TypeError, match="the layer received both the legacy keyword argument `p`"):
        _convert("Dropout", p=0.5, rate=0.5)
    with pytest.raises(TypeError, match="`mode=1` and `mode=2` are no longer supported"):
        _convert("BatchNormalization", mode=1)


def test_generator_samples_per_epoch_uses_the_generators_batch_size():
    class Batches:
        batch_size = 32

    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        args, kwargs = legacy_arguments.convert("fit_generator", interfaces.GENERATOR_METHODS, (Batches(),),
                                                {"samples_per_epoch": 320, "nb_epoch": 3, "nb_val_samples": 64})
    assert kwargs == {"steps_per_epoch": 10, "epochs": 3, "validation_steps": 64}


def test_offline_dataset_error_names_the_file_the_host_and_where_to_put_it(monkeypatch, tmp_path):
    from tf1compat.views.keras import datasets

    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    failure = Exception("URL fetch failure on https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz: "
                        "None -- [Errno -3] Temporary failure in name resolution")
    error = datasets.offline_error("cifar10", failure)
    cached = tmp_path / "datasets" / "cifar-10-batches-py.tar.gz"
    assert isinstance(error, OSError) and "\n" not in str(error)
    assert str(error) == (f"`keras.datasets.cifar10.load_data()` needs cifar-10-python.tar.gz: it is not cached at "
                          f"{cached} and the download from www.cs.toronto.edu failed ([Errno -3] Temporary failure "
                          f"in name resolution). Fix: fetch https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz "
                          f"on a machine with network and put it at {cached}")
    assert datasets.offline_error("mnist", ValueError("bad npz")) is None  # other failures pass through


def test_table_covers_every_conversion_and_every_module_path():
    for layer, interface in interfaces.LAYERS.items():
        for old, new in interface.renames:
            entry = table.TABLE[f"{layer}({old}=)"]
            assert entry.replacement == f"{layer}({new}=...)" and entry.removed_in.startswith("Keras 2.4")
    assert table.TABLE["Conv2D(nb_row/nb_col=)"].replacement == "Conv2D(kernel_size=(rows, cols))"
    assert set(layout.MODULES) <= set(table.TABLE)
    assert table.TABLE["Sequential.predict_classes"].removed_in == "TF 2.6"
    assert layout.children_of("keras.engine") == ["base_layer", "input_layer", "network", "saving", "sequential",
                                                   "topology", "training"]
    assert "scikit_learn" in layout.children_of("keras.wrappers")


# --- Keras 2.2 programs through `python -m tf1compat` (offline: a dead proxy, an empty ~/.keras) --------------

@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    env = dict(os.environ, HOME=str(home), KERAS_HOME=str(home / ".keras"), https_proxy="http://127.0.0.1:9",
               http_proxy="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9")
    from tf1compat.shims.mnist.input_data import EMBEDDED_DIR

    commands = {"features": ["features.py"], "lenet": ["lenet.py", EMBEDDED_DIR, str(home / "logs")],
                "lstm": ["stateful_lstm.py"], "offline": ["dataset_offline.py"], "report": ["report_lines.py"]}
    processes = {name: subprocess.Popen([sys.executable, "-m", "tf1compat", os.path.join(SCRIPTS, script), *args],
                                        cwd=str(home), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True) for name, (script, *args) in commands.items()}
    outputs = {}
    for name, process in processes.items():
        stdout, stderr = process.communicate(timeout=600)
        outputs[name] = (process.returncode, stdout, stderr, home)
    return outputs


def _stdout(runs, name):
    returncode, stdout, stderr, _ = runs[name]
    assert returncode == 0, stderr[-3000:]
    return stdout


@pytest.mark.slow
def test_keras22_features_program(runs):
    stdout = _stdout(runs, "features")
    assert "ok set_session: model variables in the script session graph" in stdout
    assert "SGD(lr=0.1, decay=1.0) w after 2 steps 0.2800" in stdout
    assert "ok generators: steps 10, 12 (samples_per_epoch=4, plain generator), 10 (40 samples, batch 8)" in stdout
    assert ('ok Keras 1 spellings: Update your `Conv2D` call to the Keras 2 API: '
            '`Conv2D(32, (3, 3), input_shape=(8, 8, 1), strides=(2, 2), padding="same")`') in stdout
    assert "ok predict_classes: [0, 2, 1, 2] [0, 1, 1, 0]" in stdout
    assert "ok library code keeps Keras 3." in stdout
    assert "ok aliases: l2(l=) l1 l1_l2 maxnorm nonneg zero one uniform normal" in stdout
    assert stdout.rstrip().endswith("all keras 2.2 checks passed")


@pytest.mark.slow
def test_keras22_lenet_learns_mnist_and_writes_tensorboard_events(runs):
    stdout = _stdout(runs, "lenet")
    accuracy = float(re.search(r"Test accuracy: ([0-9.]+)", stdout).group(1))
    assert accuracy > 0.9, stdout  # 4 epochs of the embedded 4000-digit subset, seeded; measured 0.951
    assert "history keys: ['acc', 'loss', 'val_acc', 'val_loss']" in stdout  # Keras 2.2's metric names
    assert "event files: 1" in stdout
    assert os.listdir(runs["lenet"][3] / "logs")


@pytest.mark.slow
def test_keras22_stateful_lstm_learns_and_resets_to_zero_states(runs):
    stdout = _stdout(runs, "lstm")
    mse, baseline = map(float, re.search(r"echo mse after training: (\S+) baseline \(predict the mean\): (\S+)",
                                         stdout).groups())
    assert mse < 0.03 < 0.2 < baseline, stdout  # seeded; measured 0.0028 vs 0.25 (seeds 1-4: 0.001-0.011)
    assert "recurrent_activation: hard_sigmoid" in stdout
    before = re.search(r"state abs sums before reset: \[(.*)\]", stdout).group(1)
    assert all(float(value) > 0 for value in before.split(","))
    assert "state abs sums after reset: [0.0, 0.0]" in stdout


@pytest.mark.slow
def test_keras_dataset_offline_error_names_file_host_and_fix(runs):
    stdout = _stdout(runs, "offline")
    cached = os.path.join(str(runs["offline"][3]), ".keras", "datasets", "mnist.npz")
    line = [line for line in stdout.splitlines() if line.startswith("load_data failed:")][0]
    assert f"needs mnist.npz: it is not cached at {cached}" in line
    assert "the download from storage.googleapis.com failed" in line
    assert line.endswith(f"and put it at {cached}")


@pytest.mark.slow
def test_report_lines_name_the_keras22_spellings_used(runs):
    lines = _stdout(runs, "report").splitlines()
    names = [line.split()[0] for line in lines]
    assert names == ["Adam(lr=)", "Conv2D(border_mode=)", "Conv2D(nb_row/nb_col=)", "Dense(output_dim=)",
                     "compile(optimizer='name')"], lines
    assert "[gone since TF 2.11 (new optimizers)] -> Adam(learning_rate=...) (first at " in lines[0]
    assert lines[0].endswith("report_lines.py:12)") and lines[-1].endswith("report_lines.py:13)")
