"""A TF1 canned-estimator program: wide & deep with every kind of feature column, plus Linear/DNN/Baseline.

Run by tests/test_estimator.py through ``python -m tf1compat``; prints one ``RESULT {json}`` line.
Usage: wide_deep.py WORK_DIR
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import tensorflow as tf

work = sys.argv[1]
rng = np.random.RandomState(0)
N = 2000
COLORS, CITIES = ["red", "green", "blue"], ["paris", "rome", "oslo", "lima"]
age = rng.uniform(18, 80, N).astype(np.float32)
income = rng.normal(50, 15, N).astype(np.float32)
color = rng.choice(COLORS, N)
city = rng.choice(CITIES, N)
user = np.array([f"user{i % 50}" for i in range(N)])
# The label depends on an age bucket, a colour x city cross and income.
label = (((age > 40) & (color == "red")) | ((city == "oslo") & (income > 50))).astype(np.int32)
frame = pd.DataFrame({"age": age, "income": income, "color": color, "city": city, "user": user})
vocabulary_file = os.path.join(work, "cities.txt")
with open(vocabulary_file, "w") as handle:
    handle.write("\n".join(CITIES) + "\n")

fc = tf.feature_column
age_column = fc.numeric_column("age", normalizer_fn=lambda x: (x - 49.0) / 17.0)
age_buckets = fc.bucketized_column(fc.numeric_column("age"), boundaries=[30, 40, 50, 60])
color_column = fc.categorical_column_with_vocabulary_list("color", COLORS)
city_column = fc.categorical_column_with_vocabulary_file("city", vocabulary_file)
user_column = fc.categorical_column_with_hash_bucket("user", 20)
crossed = fc.crossed_column([color_column, "city"], hash_bucket_size=30)
wide = [age_buckets, color_column, city_column, crossed, user_column]
deep = [age_column, fc.numeric_column("income", normalizer_fn=lambda x: (x - 50.0) / 15.0),
        fc.indicator_column(color_column), fc.indicator_column(city_column), fc.embedding_column(user_column, 3)]

config = tf.estimator.RunConfig(tf_random_seed=1, save_checkpoints_secs=None, save_checkpoints_steps=500)
train_fn = tf.estimator.inputs.pandas_input_fn(frame, pd.Series(label), batch_size=64, num_epochs=None, shuffle=True)
eval_fn = tf.estimator.inputs.pandas_input_fn(frame, pd.Series(label), batch_size=500, shuffle=False)
model = tf.estimator.DNNLinearCombinedClassifier(
    model_dir=os.path.join(work, "wide_deep"), linear_feature_columns=wide, dnn_feature_columns=deep,
    dnn_hidden_units=[16, 8], config=config)
model.train(train_fn, steps=600)
wide_deep = model.evaluate(eval_fn)


def dataset_fn():
    features = {"age": age, "income": income, "color": color, "city": city, "user": user}
    return tf.data.Dataset.from_tensor_slices((features, label)).shuffle(N, seed=0).repeat().batch(64)


def eval_dataset_fn():
    features = {"age": age, "income": income, "color": color, "city": city, "user": user}
    return tf.data.Dataset.from_tensor_slices((features, label)).batch(500)


accuracies = {}
for name, make in {
    "linear": lambda d: tf.estimator.LinearClassifier(wide, model_dir=d, config=config),
    "dnn": lambda d: tf.estimator.DNNClassifier([16], deep, model_dir=d, config=config),
    "baseline": lambda d: tf.estimator.BaselineClassifier(model_dir=d, config=config),
}.items():
    estimator = make(os.path.join(work, name))
    estimator.train(dataset_fn, steps=300)
    accuracies[name] = float(estimator.evaluate(eval_dataset_fn)["accuracy"])

regressor = tf.estimator.DNNRegressor([8], [age_column], model_dir=os.path.join(work, "regressor"), config=config)
regressor.train(lambda: tf.data.Dataset.from_tensor_slices(({"age": age}, age / 10.0)).repeat().batch(64), steps=300)
regression = regressor.evaluate(lambda: tf.data.Dataset.from_tensor_slices(({"age": age}, age / 10.0)).batch(500))

# model_to_estimator: a Keras linear model learns y = 2x + 1 through the Estimator.
keras_model = tf.keras.Sequential([tf.keras.layers.Dense(1, input_shape=(1,), name="out")])
keras_model.compile(optimizer=tf.keras.optimizers.Adam(0.1), loss="mse")
from_keras = tf.keras.estimator.model_to_estimator(keras_model=keras_model, model_dir=os.path.join(work, "keras"),
                                                   config=config)
input_name = keras_model.input_names[0]
scaled = (age[:, None] - 49.0) / 17.0


def keras_input_fn(repeat):
    dataset = tf.data.Dataset.from_tensor_slices(({input_name: scaled}, 2 * scaled + 1))
    return dataset.repeat().batch(64) if repeat else dataset.batch(500)


from_keras.train(lambda: keras_input_fn(True), steps=200)
keras_loss = from_keras.evaluate(lambda: keras_input_fn(False))["loss"]

print("RESULT " + json.dumps({
    "wide_deep_accuracy": float(wide_deep["accuracy"]), "wide_deep_auc": float(wide_deep["auc"]),
    "majority": float(max(label.mean(), 1 - label.mean())),
    "accuracies": accuracies, "regression_loss": float(regression["average_loss"]),
    "keras_loss": float(keras_loss),
    "wide_deep_variables": sorted(n for n in model.get_variable_names() if "Ftrl" not in n and "Adagrad" not in n),
}))
