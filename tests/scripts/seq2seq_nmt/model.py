"""An attention NMT model in the TF 1.x style (tensorflow/nmt's shape): a training graph and a beam-search graph."""
import tensorflow as tf

SOS, EOS = 1, 2


def _encoder(hparams, source, source_length):
    with tf.variable_scope("encoder"):
        embedding = tf.get_variable("embedding_encoder", [hparams.vocab_size, hparams.num_units])
        cell = tf.contrib.rnn.BasicLSTMCell(hparams.num_units)
        return tf.nn.dynamic_rnn(cell, tf.nn.embedding_lookup(embedding, source),
                                 sequence_length=source_length, dtype=tf.float32)


def _attention_cell(hparams, memory, memory_length, encoder_state, batch_size):
    mechanism = tf.contrib.seq2seq.BahdanauAttention(hparams.num_units, memory,
                                                     memory_sequence_length=memory_length, normalize=True)
    cell = tf.contrib.seq2seq.AttentionWrapper(tf.contrib.rnn.BasicLSTMCell(hparams.num_units), mechanism,
                                               attention_layer_size=hparams.num_units, name="attention")
    initial = cell.zero_state(batch_size, tf.float32).clone(cell_state=encoder_state)
    return cell, initial


def _decoder_outputs(hparams, mode, target_in, target_length, encoded, source_length, batch_size):
    memory, encoder_state = encoded
    with tf.variable_scope("decoder") as decoder_scope:
        embedding = tf.get_variable("embedding_decoder", [hparams.vocab_size, hparams.num_units])
        projection = tf.layers.Dense(hparams.vocab_size, use_bias=False, name="output_projection")
        if mode == "train":
            cell, initial = _attention_cell(hparams, memory, source_length, encoder_state, batch_size)
            helper = tf.contrib.seq2seq.TrainingHelper(tf.nn.embedding_lookup(embedding, target_in), target_length)
            decoder = tf.contrib.seq2seq.BasicDecoder(cell, helper, initial, output_layer=projection)
            outputs, _, _ = tf.contrib.seq2seq.dynamic_decode(decoder, impute_finished=True, scope=decoder_scope)
            return outputs.rnn_output
        beam = hparams.beam_width
        tiled = tf.contrib.seq2seq.tile_batch((memory, source_length, encoder_state), beam)
        cell, initial = _attention_cell(hparams, tiled[0], tiled[1], tiled[2], batch_size * beam)
        decoder = tf.contrib.seq2seq.BeamSearchDecoder(
            cell, embedding, tf.fill([batch_size], SOS), EOS, initial, beam, output_layer=projection,
            length_penalty_weight=hparams.length_penalty_weight)
        outputs, _, _ = tf.contrib.seq2seq.dynamic_decode(
            decoder, maximum_iterations=tf.reduce_max(source_length) * 2, scope=decoder_scope)
        return outputs.predicted_ids[:, :, 0]


def build(hparams, mode):
    """The graph of ``mode``: "train" (loss and train op, teacher forcing) or "infer" (beam search)."""
    source = tf.placeholder(tf.int32, [None, None], name="source")
    source_length = tf.placeholder(tf.int32, [None], name="source_length")
    target_in = tf.placeholder(tf.int32, [None, None], name="target_in")
    target_out = tf.placeholder(tf.int32, [None, None], name="target_out")
    target_length = tf.placeholder(tf.int32, [None], name="target_length")
    with tf.variable_scope("dynamic_seq2seq"):
        encoded = _encoder(hparams, source, source_length)
        outputs = _decoder_outputs(hparams, mode, target_in, target_length, encoded, source_length,
                                   tf.size(source_length))
    graph = {"source": source, "source_length": source_length, "target_in": target_in,
             "target_out": target_out, "target_length": target_length}
    if mode == "infer":
        return dict(graph, predictions=outputs)
    weights = tf.sequence_mask(target_length, tf.shape(outputs)[1], dtype=tf.float32)
    loss = tf.contrib.seq2seq.sequence_loss(outputs, target_out, weights)
    return dict(graph, loss=loss, train_op=tf.train.AdamOptimizer(hparams.learning_rate).minimize(loss))
