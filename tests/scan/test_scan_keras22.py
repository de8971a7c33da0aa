"""migration.scan reports standalone Keras 2.2 idioms (category keras): module paths, removed methods, Keras-1 keywords."""
from migration.scan.engine import scan_text

SOURCE = """from keras.models import Sequential
from keras.layers.core import Dense
from keras.optimizers import Adam
model = Sequential()
model.add(Dense(output_dim=10))
model.compile(optimizer=Adam(lr=0.01), loss="mse")
model.fit(x, y, nb_epoch=2)
print(model.predict_classes(x))
other.fit(x, y, epochs=2)
"""


def test_keras22_paths_methods_and_keyword_spellings_are_findings():
    findings = [(f.line, f.col, f.category, f.symbol) for f in scan_text(SOURCE)]
    assert findings == [
        (1, 1, "keras", "keras.models"),
        (2, 1, "keras", "keras.layers"),
        (3, 1, "keras", "keras.optimizers"),
        (5, 17, "keras", "keras.Dense(output_dim=)"),
        (6, 30, "keras", "keras.Adam(lr=)"),
        (7, 17, "keras", "keras.fit(nb_epoch=)"),
        (8, 7, "keras", "Sequential.predict_classes")]
    by_symbol = {f.symbol: f for f in scan_text(SOURCE)}
    assert by_symbol["keras.Dense(output_dim=)"].tf2 == "Dense(units=...)"
    assert by_symbol["keras.Adam(lr=)"].message.startswith("`lr=` of keras.Adam was removed in Keras ")


def test_a_file_without_keras_has_no_keras_findings():
    assert [f for f in scan_text("model.fit(x, y, nb_epoch=2)\n") if f.category == "keras"] == []


def test_plain_keras2_arguments_are_not_findings():
    source = "from keras.layers import Dense\nlayer = Dense(units=10, input_dim=4)\n"
    assert [f.symbol for f in scan_text(source) if "Dense" in f.symbol] == []
