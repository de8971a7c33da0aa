"""The registry of worked pairs: legacy_examples/NAME.py <-> migration/NAME.py, what is compared and how."""
import importlib
import os
from dataclasses import dataclass

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIGRATION_DIR = os.path.join(REPO_ROOT, "migration")
# The TF1 programs: the repository's top-level legacy_examples/ in a checkout; inside the package
# (migration/legacy_examples/, put there by setup.py) when installed from a wheel.
INSTALLED_LEGACY_DIR = os.path.join(MIGRATION_DIR, "legacy_examples")
CHECKOUT_LEGACY_DIR = os.path.join(REPO_ROOT, "legacy_examples")
LEGACY_DIR = INSTALLED_LEGACY_DIR if os.path.isdir(INSTALLED_LEGACY_DIR) else CHECKOUT_LEGACY_DIR

# migration/ holds the worked examples as top-level modules (each the twin of legacy_examples/NAME.py),
# this registry, and packages: `checks` (one equivalence check per pair) and one package per tool
# (`scan`, `checkpoints`, `diff`, `equivalence`, `batch_size_study`). tests/test_pairs.py enforces it.
REGISTRY_MODULES = frozenset({"__init__", "pairs"})


def tool_packages():
    """The packages in migration/ (each a tool named for its command, or ``checks``)."""
    return sorted(entry for entry in os.listdir(MIGRATION_DIR)
                  if os.path.isfile(os.path.join(MIGRATION_DIR, entry, "__init__.py")))


def example_modules():
    """The top-level modules of migration/ that are not the registry: each must be a worked example."""
    return sorted(entry[:-3] for entry in os.listdir(MIGRATION_DIR)
                  if entry.endswith(".py") and entry[:-3] not in REGISTRY_MODULES)


@dataclass(frozen=True)
class Pair:
    """One worked pair and how its equivalence is checked (``migration.checks.<name>.check``)."""

    name: str
    description: str  # one line
    compares: tuple  # the outputs the check compares
    rtol: float  # for float outputs
    atol: float
    randomness: str  # how random numbers are aligned between the two sides
    idioms: tuple  # (TF1 construct, TF2 construct) pairs: the idiom map shown by migration.diff

    @property
    def legacy_path(self):
        return os.path.join(LEGACY_DIR, self.name + ".py")

    @property
    def migration_path(self):
        return os.path.join(MIGRATION_DIR, self.name + ".py")

    @property
    def check_module(self):
        return f"migration.checks.{self.name}"

    def load_check(self):
        """The pair's ``check(steps=10) -> equivalence.Report`` function."""
        return importlib.import_module(self.check_module).check


_RTOL, _ATOL = 1e-6, 1e-5

PAIRS = {pair.name: pair for pair in (
    Pair(
        name="wholefile_copy",
        description="WholeFileReader + Coordinator epoch copy of image files -> a tf.data file pipeline",
        compares=("output file names in order", "output file bytes"),
        rtol=_RTOL, atol=_ATOL,
        randomness="shuffle off: same order; shuffle on: each file exactly once per epoch on both sides",
        idioms=(
            ("tf.train.string_input_producer(files, num_epochs)", "tf.data.Dataset.from_tensor_slices(files).repeat(num_epochs)"),
            ("string_input_producer(shuffle=True)", "Dataset.shuffle(len(files), reshuffle_each_iteration=True)"),
            ("tf.WholeFileReader().read(queue)", "Dataset.map(tf.io.read_file)"),
            ("tf.train.Coordinator + start_queue_runners", "a plain for loop over the dataset"),
            ("except tf.errors.OutOfRangeError", "the for loop ends with the dataset"),
            ("tf.local_variables_initializer() (epoch counter)", "nothing: tf.data counts epochs"),
            ("sess.run(value)", "eager tensor .numpy()"),
            ("tf.WholeFileReader: one file per sess.run, written from Python",
             "read_file + write_file inside Dataset.map(num_parallel_calls=4).batch(64), autotune off"),
        ),
    ),
    Pair(
        name="cnn_mnist",
        description="keep_prob-dropout CNN on MNIST with placeholders and a Session -> tf.data, a tf.function train step, Keras Adam",
        compares=("variable names and shapes", "inference logits", "hidden layer",
                  "dropout kept fraction and kept units (keep_prob vs rate)", "training losses", "weights after N steps"),
        rtol=_RTOL, atol=_ATOL,
        randomness="weights exported from the legacy graph and assigned; the same batches fed on both sides with "
                   "dropout off (keep_prob 1.0 / rate 0); dropout masks stay random on both sides and are compared "
                   "by kept fraction (within 0.01 of p) and kept units (hidden / p to float32 rounding)",
        idioms=(
            ("tf.placeholder x, y", "arguments of the tf.function train_step"),
            ("keep_prob placeholder, tf.nn.dropout(h, keep_prob)", "tf.nn.dropout(h, rate=1 - keep_prob)"),
            ("tf.set_random_seed(seed)", "tf.random.set_seed(seed); weights from tf.random.Generator.from_seed(seed)"),
            ("tf.Variable(tf.random_normal(...))", "tf.Variable(generator.normal(...)) in a tf.Module"),
            ("tf.nn.softmax_cross_entropy_with_logits_v2", "tf.nn.softmax_cross_entropy_with_logits"),
            ("tf.train.AdamOptimizer(1e-3).minimize(loss)",
             "FusedAdam (a tf.keras.optimizers.Adam on TF1's ApplyAdam kernel, epsilon 1e-8) + tf.GradientTape"),
            ("tf.Session()", "eager execution: no session"),
            ("sess.run([train_op, loss], feed_dict=...)", "loss = train_step(x, y)"),
            ("input_data.read_data_sets + next_batch",
             "in-memory tensors; Dataset.range(n).shuffle().repeat().batch() + tf.gather"),
            ("tf.summary.scalar + merge_all + writer.add_summary", "tf.summary.scalar(...) under writer.as_default(step=step)"),
            ("tf.summary.FileWriter", "tf.summary.create_file_writer"),
            ("tf.global_variables_initializer()", "nothing: variables are initialised when created"),
            ("variable.load(value, sess)", "variable.assign(value)"),
            ("plt.show()", "Figure().savefig(path): nothing to show, no pyplot"),
        ),
    ),
    Pair(
        name="coordinator_loop",
        description="slice_input_producer + tf.train.batch + Coordinator training loop -> Dataset.shuffle().batch() and a for loop",
        compares=("MNIST arrays read by each side", "batch sequence (shuffle off)", "examples per epoch (shuffle on)",
                  "variable names and shapes",
                  "inference logits", "training batch sizes", "training losses"),
        rtol=_RTOL, atol=_ATOL,
        randomness="shuffle off and num_threads=1: the exact batch sequence, short final batch included; "
                   "shuffle on: every example exactly once per epoch on both sides (with 2 batching threads, "
                   "TF1 may swap neighbours across an epoch end: exactly num_epochs times overall); "
                   "weights exported from the legacy graph and assigned, the same unshuffled batches fed",
        idioms=(
            ("tf.train.slice_input_producer([images, labels], shuffle, num_epochs)",
             "tf.data.Dataset.from_tensor_slices((images, labels)).shuffle(n, reshuffle_each_iteration=True)"),
            ("tf.train.batch(num_threads, allow_smaller_final_batch=True)", "Dataset.batch(batch_size).prefetch(tf.data.AUTOTUNE)"),
            ("tf.train.Coordinator + tf.train.start_queue_runners", "for images, labels in dataset"),
            ("except tf.errors.OutOfRangeError", "the for loop ends with the dataset"),
            ("coord.request_stop(); coord.join(threads)", "nothing: no threads to stop"),
            ("tf.local_variables_initializer() (epoch counter)",
             "Dataset.repeat(num_epochs) before batch (batches span epoch ends, as in TF1)"),
            ("test_feed = {image_batch: test_images}: feeding a dequeued tensor", "model(test_images)"),
            ("tf.Variable in tf.variable_scope('hidden')", "tf.Variable in a tf.Module's name_scope (same names)"),
            ("tf.train.GradientDescentOptimizer(lr).minimize(loss)", "tf.keras.optimizers.SGD(lr) + tf.GradientTape"),
        ),
    ),
    Pair(
        name="feed_generator",
        description="Python batch_iter generator fed through feed_dict -> tf.data with drop_remainder=True",
        compares=("MNIST arrays read by each side", "batch sequence (shuffle off)", "examples per epoch (shuffle on)",
                  "variable names and shapes",
                  "inference logits", "training losses"),
        rtol=_RTOL, atol=_ATOL,
        randomness="shuffle off: the same batches in the same order; shuffle on: every kept example once per epoch, "
                   "tail dropped on both sides; weights exported from the legacy graph and assigned",
        idioms=(
            ("def batch_iter(...): yield x[i:j], y[i:j]", "tf.data.Dataset.from_tensor_slices((x, y)).batch(n, drop_remainder=True)"),
            ("np.random.permutation per epoch", "Dataset.shuffle(len(x), reshuffle_each_iteration=True)"),
            ("feed_dict={x: batch_x, y: batch_y}", "train_step(batch_x, batch_y)"),
            ("tf.placeholder x, y", "arguments of the tf.function train_step"),
            ("sess.run(train_op, feed_dict)", "a tf.function train step"),
            ("batch_iter drops the tail each epoch", "batch(drop_remainder=True) before repeat(num_epochs)"),
            ("tf.train.GradientDescentOptimizer(lr).minimize(loss)", "tf.keras.optimizers.SGD(lr) + tf.GradientTape"),
        ),
    ),
    Pair(
        name="model_checkpoint",
        description="TF1 Model base class with variable_scope, collections and Saver -> tf.Module with tf.train.Checkpoint",
        compares=("variable names and shapes", "training losses and weights (same batches)",
                  "logits and softmax after loading the legacy Saver checkpoint"),
        rtol=_RTOL, atol=_ATOL,
        randomness="initial weights exported from the legacy graph and assigned into TF2; the same batches fed "
                   "on both sides; no dropout. Inference uses the legacy Saver checkpoint itself",
        idioms=(
            ("**kwargs limited to name/logging", "explicit keyword arguments"),
            ("tf.get_variable('weights', shape, initializer)", "tf.Variable(initial_value, name='weights') in a tf.Module"),
            ("with tf.variable_scope(self.name)", "tf.Module(name=...) and its name_scope"),
            ("self.activations list built once in the graph", "calling the layers in sequence in __call__"),
            ("tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope=self.name)", "model.trainable_variables"),
            ("self.opt_op = self.optimizer.minimize(self.loss)", "a tf.function train step: GradientTape + apply_gradients"),
            ("tf.train.AdamOptimizer(learning_rate)", "tf.keras.optimizers.Adam(learning_rate, epsilon=1e-8)"),
            ("tf.nn.softmax_cross_entropy_with_logits_v2", "tf.nn.softmax_cross_entropy_with_logits"),
            ("tf.train.Saver(self.vars).save(sess, 'tmp/NAME.ckpt')",
             "tf.train.CheckpointManager(tf.train.Checkpoint(model=..., optimizer=...), 'tmp/NAME').save()"),
            ("saver.restore(sess, save_path) in a new graph", "tf.train.Checkpoint(model=new_model).read(path)"),
            ("Model.load(sess) of an existing tmp/NAME.ckpt",
             "migration.checkpoints.restore_tf1_checkpoint(model, 'tmp/NAME.ckpt')"),
            ("sess.run([model.opt_op, model.loss, model.accuracy], feed_dict)", "loss, acc = train_step(features, labels)"),
        ),
    ),
    Pair(
        name="api_tour",
        description="the TF1 op catalogue (conv2d, pooling, dropout, losses, broadcasting) in a Session -> the same ops eagerly",
        compares=("every deterministic op's output", "random ops' statistics (shape, moments, kept fraction, "
                  "1/keep_prob scaling, noise_shape pattern)"),
        rtol=_RTOL, atol=_ATOL,
        randomness="deterministic ops on constant inputs; TF1 op-level seeds and TF2's stateless RNG draw different "
                   "numbers, so truncated_normal and dropout are compared by statistics within ~4 sampling "
                   "standard deviations, kept units by value (1/keep_prob) and noise_shape by its pattern",
        idioms=(
            ("sess.run(op)", "eager evaluation: op.numpy()"),
            ("tf.placeholder + feed_dict", "a plain tensor argument"),
            ("tf.nn.dropout(x, keep_prob, noise_shape, seed)",
             "tf.nn.experimental.stateless_dropout(x, rate=1 - keep_prob, noise_shape, seed=[s, 0])"),
            ("tf.set_random_seed + tf.truncated_normal(seed=s)", "tf.random.stateless_truncated_normal(seed=[s, 0])"),
            ("tf.nn.max_pool(ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1])", "tf.nn.max_pool2d(ksize=2, strides=2)"),
            ("tf.squared_difference", "tf.math.squared_difference"),
            ("tf.reduce_mean(x, reduction_indices=[0]) / keep_dims=True", "tf.reduce_mean(x, axis=0) / keepdims=True"),
            ("tf.constant(-1.0, shape=[2, 3])", "tf.fill([2, 3], -1.0)"),
            ("tf.assign_add(v, d) + sess.run", "v.assign_add(d)"),
            ("tf.global_variables_initializer()", "nothing: variables are initialised when created"),
        ),
    ),
    Pair(
        name="csv_reader",
        description="TextLineReader + decode_csv + shuffle_batch queue -> tf.data CSV pipeline",
        compares=("sample CSV bytes", "decoded test table", "batch sequence (shuffle off)", "rows per epoch (shuffle on)",
                  "variable names and shapes", "inference logits", "training batch sizes", "training losses"),
        rtol=_RTOL, atol=_ATOL,
        randomness="shuffle off: the exact row and batch order, short final batch included; shuffle on: TF2 shows every "
                   "row exactly once per epoch; TF1 shuffle_batch's buffer spans epoch ends, so exactly once in one "
                   "epoch and num_epochs times overall; weights exported from the legacy graph and assigned",
        idioms=(
            ("tf.TextLineReader(skip_header_lines=1)", "tf.data.TextLineDataset(path).skip(1)"),
            ("tf.decode_csv(line, record_defaults)", "tf.io.decode_csv(line, record_defaults) in Dataset.map"),
            ("tf.train.string_input_producer([path])", "tf.data.TextLineDataset([path])"),
            ("tf.train.shuffle_batch / tf.train.batch", "Dataset.shuffle(buffer).repeat(num_epochs).batch(batch_size)"),
            ("tf.train.Coordinator + start_queue_runners", "a plain for loop over the dataset"),
            ("tf.Assert on the reader's 'file:line' key before decode_csv",
             "Dataset.zip((Dataset.counter(2) keys, lines)) + tf.debugging.Assert"),
            ("InvalidArgumentError of a reader thread, re-raised by coord.join(threads)", "raised by the for loop"),
        ),
    ),
    Pair(
        name="char_rnn",
        description="char-level LSTM language model: contrib.rnn cells + legacy_seq2seq, Saver -> Keras LSTM, tf.data, tf.train.Checkpoint",
        compares=("batches of the text", "variable names and shapes", "inference logits", "training losses",
                  "logits after loading the TF1 checkpoint", "greedy text from the TF1 checkpoint"),
        rtol=_RTOL, atol=_ATOL,
        randomness="initial weights exported from the legacy graph and converted into the Keras layout; the same "
                   "batches in the same order (no shuffling: the LSTM state carries from batch to batch); greedy "
                   "generation (argmax), so no sampling randomness",
        idioms=(
            ("rnn.MultiRNNCell([rnn.BasicLSTMCell(n)] * layers)", "[tf.keras.layers.LSTM(n, return_sequences=True, return_state=True)] per layer"),
            ("BasicLSTMCell kernel [in+n, 4n], gates i, j, f, o; forget_bias=1.0 added at run time",
             "Keras kernel [in, 4n] + recurrent_kernel [n, 4n], gates i, f, c, o; the 1.0 folded into the forget bias"),
            ("legacy_seq2seq.rnn_decoder(inputs, state, cell, scope='rnnlm')", "LSTM layers called with initial_state=[h, c]"),
            ("legacy_seq2seq.sequence_loss_by_example([logits], [targets], [ones])",
             "tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(...))"),
            ("rnn_decoder(loop_function=argmax -> embedding_lookup)", "a Python loop of one-step model calls feeding back argmax"),
            ("feed_dict of each LSTMStateTuple (c, h) from the previous batch", "the train step returns the states; pass them back in"),
            ("TextLoader: np.split of the text into batches", "Dataset.from_tensor_slices of the same [batches, batch, seq] arrays"),
            ("tf.clip_by_global_norm(tf.gradients(cost, tvars)) + AdamOptimizer.apply_gradients",
             "GradientTape + tf.clip_by_global_norm + tf.keras.optimizers.Adam(epsilon=1e-8)"),
            ("AdamOptimizer on the embedding's IndexedSlices (repeated rows summed, then squared)",
             "tf.convert_to_tensor(gradient) after clipping (Keras would square each repeated row)"),
            ("sess.run(tf.assign(model.lr, lr * decay ** epoch))", "optimizer.learning_rate.assign(lr * decay ** epoch)"),
            ("tf.train.Saver.save / restore (--init-from)", "tf.train.CheckpointManager(tf.train.Checkpoint(model, optimizer))"),
            ("a TF1 Saver checkpoint of the legacy model", "char_rnn.load_tf1_checkpoint: reads it, reorders the gates, adds forget_bias"),
        ),
    ),
    Pair(
        name="distributed_ps",
        description="ps/worker between-graph replication (ClusterSpec, Server, replica_device_setter, "
                    "MonitoredTrainingSession, SyncReplicasOptimizer) -> ParameterServerStrategy + "
                    "ClusterCoordinator / MultiWorkerMirroredStrategy",
        compares=("one worker: losses and test loss vs the single process", "two workers synchronous: losses "
                  "(TF2) and global step + test loss (TF1) vs one process over the combined batch",
                  "two workers asynchronous: global step and test loss"),
        rtol=_RTOL, atol=_ATOL,
        randomness="initial weights drawn by NumPy from --seed on both sides; no shuffling (each worker reads "
                   "its shard in order, wrapping around); clusters started by python -m tf1compat --cluster. "
                   "TF1's SyncReplicasOptimizer and both asynchronous runs depend on timing: test loss within a "
                   "relative band of 0.05 of the single process, global step exact (TF1 async: +1 allowed)",
        idioms=(
            ("--ps_hosts/--worker_hosts/--job_name/--task_index flags", "TF_CONFIG (TFConfigClusterResolver)"),
            ("tf.train.ClusterSpec + tf.train.Server; ps: server.join()",
             "tf.distribute.Server for ps and workers; the chief runs the program"),
            ("tf.train.replica_device_setter(cluster=...)", "variables created in ParameterServerStrategy.scope()"),
            ("MonitoredTrainingSession(master=server.target, is_chief=...) on every worker",
             "ClusterCoordinator.schedule(train_steps) from the chief, 20 steps per scheduled function"),
            ("StopAtStepHook(last_step=N)", "schedule N steps, then coordinator.join()"),
            ("tf.train.get_or_create_global_step()", "a tf.Variable counted in the step (or the step loop)"),
            ("SyncReplicasOptimizer(opt, replicas_to_aggregate=W) + make_session_run_hook(is_chief)",
             "MultiWorkerMirroredStrategy: variables with VariableAggregation.MEAN, updates all-reduced"),
            ("each worker feeds its shard through feed_dict", "per-worker dataset (strategy input functions)"),
            ("FinalOpsHook(test ops)", "evaluate the model after training"),
            ("GradientDescentOptimizer(lr).minimize(loss)", "tf.GradientTape + variable.assign_sub(lr * grad)"),
        ),
    ),
    Pair(
        name="estimator_mnist",
        description="custom-model_fn tf.estimator CNN on MNIST -> Keras compile/fit/evaluate/predict, tf.data, SavedModel",
        compares=("variables restored from the Estimator checkpoint", "inference logits", "training losses",
                  "logits after loading the Estimator's model_dir", "SavedModel serving_default outputs"),
        rtol=_RTOL, atol=_ATOL,
        randomness="the Estimator's model.ckpt-0 (its initial weights) and final checkpoint are loaded into the Keras "
                   "model with migration.checkpoints (global step and Adam slots skipped); the same in-order batches "
                   "on both sides (numpy_input_fn shuffle=False); no dropout",
        idioms=(
            ("def model_fn(features, labels, mode, params) + EstimatorSpec per ModeKeys",
             "a Keras model: compile(optimizer, loss, metrics); training=True/False replaces mode"),
            ("tf.layers.conv2d / dense(name=...)", "tf.keras.layers.Conv2D / Dense(name=...): same variable names"),
            ("tf.estimator.inputs.numpy_input_fn(x, y, shuffle=True, num_epochs=None)",
             "tf.data.Dataset.from_tensor_slices((x, y)).shuffle(n).repeat().batch(b)"),
            ("estimator.train(input_fn, steps, hooks=[LossHistoryHook])",
             "compile(steps_per_execution=20) + model.fit(dataset, steps_per_epoch=steps, callbacks=[...])"),
            ("estimator.evaluate(input_fn) with tf.metrics.accuracy", "model.evaluate(x, y) with metrics=['accuracy']"),
            ("estimator.predict(input_fn) -> dicts", "model.predict(x) -> logits"),
            ("RunConfig(tf_random_seed=seed)", "tf.random.set_seed(seed)"),
            ("model_dir checkpoints (CheckpointSaverHook)", "tf.train.CheckpointManager(tf.train.Checkpoint(model=, optimizer=), model_dir)"),
            ("export_saved_model(dir, serving_input_receiver_fn) + PredictOutput",
             "tf.saved_model.save(module, dir, signatures={'serving_default': tf.function(input_signature=...)})"),
            ("tf.train.AdamOptimizer(lr)",
             "FusedAdam(lr, epsilon=1e-8): tf.keras.optimizers.Adam on TF1's ApplyAdam kernel (cnn_mnist's)"),
        ),
    ),
)}


def legacy_example_names():
    """NAMEs of the ``legacy_examples/*.py`` files on disk."""
    if not os.path.isdir(LEGACY_DIR):
        return []
    return sorted(entry[:-3] for entry in os.listdir(LEGACY_DIR)
                  if entry.endswith(".py") and not entry.startswith("_"))
