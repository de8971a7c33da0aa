"""An attention NMT model in the TF 1.x style (tensorflow/nmt's shape): encoder, attention decoder, beam search."""
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


def build(hparams):
    """Placeholders, the training loss and op, and the beam-search predictions, in one graph."""
    source = tf.placeholder(tf.int32, [None, None], name="source")
    source_length = tf.placeholder(tf.int32, [None], name="source_length")
    target_in = tf.placeholder(tf.int32, [None, None], name="target_in")
    target_out = tf.placeholder(tf.int32, [None, None], name="target_out")
    target_length = tf.placeholder(tf.int32, [None], name="target_length")
    batch_size = tf.size(source_length)
    with tf.variable_scope("dynamic_seq2seq"):
        memory, encoder_state = _encoder(hparams, source, source_length)
        with tf.variable_scope("decoder") as decoder_scope:
            embedding = tf.get_variable("embedding_decoder", [hparams.vocab_size, hparams.num_units])
            projection = tf.layers.Dense(hparams.vocab_size, use_bias=False, name="output_projection")
            cell, initial = _attention_cell(hparams, memory, source_length, encoder_state, batch_size)
            helper = tf.contrib.seq2seq.TrainingHelper(tf.nn.embedding_lookup(embedding, target_in), target_length)
            decoder = tf.contrib.seq2seq.BasicDecoder(cell, helper, initial, output_layer=projection)
            outputs, _, _ = tf.contrib.seq2seq.dynamic_decode(decoder, impute_finished=True, scope=decoder_scope)
        with tf.variable_scope(decoder_scope, reuse=True) as inference_scope:
            beam = hparams.beam_width
            tiled = tf.contrib.seq2seq.tile_batch((memory, source_length, encoder_state), beam)
            beam_cell, beam_initial = _attention_cell(hparams, tiled[0], tiled[1], tiled[2], batch_size * beam)
            beam_decoder = tf.contrib.seq2seq.BeamSearchDecoder(
                beam_cell, embedding, tf.fill([batch_size], SOS), EOS, beam_initial, beam,
                output_layer=projection, length_penalty_weight=hparams.length_penalty_weight)
            beams, _, _ = tf.contrib.seq2seq.dynamic_decode(
                beam_decoder, maximum_iterations=tf.reduce_max(source_length) * 2, scope=inference_scope)
    weights = tf.sequence_mask(target_length, tf.shape(outputs.rnn_output)[1], dtype=tf.float32)
    loss = tf.contrib.seq2seq.sequence_loss(outputs.rnn_output, target_out, weights)
    train_op = tf.train.AdamOptimizer(hparams.learning_rate).minimize(loss)
    return {"source": source, "source_length": source_length, "target_in": target_in, "target_out": target_out,
            "target_length": target_length, "loss": loss, "train_op": train_op,
            "predictions": beams.predicted_ids[:, :, 0]}
