"""NumPy one-step references for TF 1.15's grid, convolutional, wrapper and cuDNN-compatible cells."""
import numpy as np

from tests.shims.numpy_cells import arrays, sigmoid, split


def grid_direction(w, slices, state, units=4):
    """One direction of GridLSTMCell (peepholes, separate time/frequency weights) over frequency ``slices``."""
    m_freq_prev = c_freq_prev = np.zeros((slices[0].shape[0], units))
    outputs, states = [], []
    for index, piece in enumerate(slices):
        c_time_prev, m_time_prev = (np.asarray(a) for a in state[2 * index:2 * index + 2])
        cell_in = np.concatenate([piece, m_time_prev, m_freq_prev], 1)
        fi, fj, ff, fo = split(cell_in @ w("W_f_0_0") + w("B_f_0"), 4)
        ti, tj, tf_, to = split(cell_in @ w("W_t_0_0") + w("B_t_0"), 4)
        peep = lambda gate, d, cf, ct: w(f"W_{gate}_diag_{d}f_0") * cf + w(f"W_{gate}_diag_{d}t_0") * ct  # noqa: E731
        c_freq = (sigmoid(ff + 1.0 + peep("F", "freq", c_freq_prev, c_time_prev)) * c_freq_prev
                  + sigmoid(fi + peep("I", "freq", c_freq_prev, c_time_prev)) * np.tanh(fj))
        c_time = (sigmoid(tf_ + 1.0 + peep("F", "time", c_freq_prev, c_time_prev)) * c_time_prev
                  + sigmoid(ti + peep("I", "time", c_freq_prev, c_time_prev)) * np.tanh(tj))
        m_freq = sigmoid(fo + peep("O", "freq", c_freq, c_time)) * np.tanh(c_freq)
        m_time = sigmoid(to + peep("O", "time", c_freq, c_time)) * np.tanh(c_time)
        m_freq_prev, c_freq_prev = m_freq, c_freq
        outputs += [m_time, m_freq]
        states += [c_time, m_time]
    return outputs, states


def grid(record, feature_size=2):
    """GridLSTMCell: one block of two frequency slices (features 0-1 and 1-2)."""
    v, x, state = arrays(record)
    x = np.asarray(x)
    slices = [x[:, i:i + feature_size] for i in range(2)]
    outputs, states = grid_direction(lambda name: v[f"grid_lstm_cell/{name}"], slices, state)
    return np.concatenate(outputs, 1), states


def bidirectional_grid(record, feature_size=2):
    """BidirectionalGridLSTMCell: the same slices forwards (scope fwd) and reversed (scope bwd)."""
    v, x, state = arrays(record)
    x = np.asarray(x)
    slices = [x[:, i:i + feature_size] for i in range(2)]
    scope = "bidirectional_grid_lstm_cell/"
    fwd_out, fwd_states = grid_direction(lambda name: v[f"{scope}fwd/{name}"], slices, state[:4])
    bwd_out, bwd_states = grid_direction(lambda name: v[f"{scope}bwd/{name}"], slices[::-1], state[4:])
    return np.concatenate(fwd_out + bwd_out, 1), fwd_states + bwd_states


def time_freq(record, units=4, feature_size=2):
    """TimeFreqLSTMCell with peepholes and cell clip 1.0 over two frequency slices."""
    v, x, state = arrays(record)
    s, x, state = "time_freq_lstm_cell/", np.asarray(x), np.asarray(state)
    m_freq = np.zeros((x.shape[0], units))
    outputs, states = [], []
    for index in range(2):
        c_prev, m_prev = np.split(state[:, 2 * index * units:(2 * index + 2) * units], 2, axis=1)
        cell_in = np.concatenate([x[:, index:index + feature_size], m_prev, m_freq], 1)
        i, j, f, o = split(cell_in @ v[s + "W_0"] + v[s + "B"], 4)
        c = (sigmoid(f + 1.0 + v[s + "W_F_diag"] * c_prev) * c_prev
             + sigmoid(i + v[s + "W_I_diag"] * c_prev) * np.tanh(j))
        c = np.clip(c, -1.0, 1.0)
        m_freq = sigmoid(o + v[s + "W_O_diag"] * c) * np.tanh(c)
        outputs.append(m_freq)
        states += [c, m_freq]
    return np.concatenate(outputs, 1), np.concatenate(states, 1)


def basic_lstm(x, c, h, kernel, bias):
    i, j, f, o = split(np.concatenate([x, h], 1) @ kernel + bias, 4)
    new_c = c * sigmoid(f + 1.0) + sigmoid(i) * np.tanh(j)
    return np.tanh(new_c) * sigmoid(o), new_c


def attention(record, length=2, size=4):
    v, x, ((c, h), attns, attn_states) = arrays(record)
    s = "attention_cell_wrapper/"
    x = np.concatenate([np.asarray(x), np.asarray(attns)], 1) @ v[s + "kernel"] + v[s + "bias"]
    out, new_c = basic_lstm(x, np.asarray(c), np.asarray(h), v[s + "basic_lstm_cell/kernel"],
                            v[s + "basic_lstm_cell/bias"])
    hidden = np.asarray(attn_states).reshape(-1, length, size)
    features = hidden @ v[s + "attention/attn_w"][0, 0]
    query = np.concatenate([new_c, out], 1) @ v[s + "attention/kernel"] + v[s + "attention/bias"]
    scores = (v[s + "attention/attn_v"] * np.tanh(features + query[:, None, :])).sum(2)
    weights = np.exp(scores - scores.max(1, keepdims=True))
    weights /= weights.sum(1, keepdims=True)
    context = (weights[:, :, None] * hidden).sum(1)
    output = np.concatenate([out, context], 1) @ v[s + "attn_output_projection/kernel"] + v[
        s + "attn_output_projection/bias"]
    new_attn_states = np.concatenate([hidden[:, 1:], output[:, None]], 1).reshape(-1, length * size)
    return output, [[new_c, out], context, new_attn_states]


def highway(record):
    v, x, h = arrays(record)
    x = np.asarray(x)
    out = np.tanh(np.concatenate([x, np.asarray(h)], 1) @ v["basic_rnn_cell/kernel"] + v["basic_rnn_cell/bias"])
    carry = sigmoid(x @ v["carry_w"] + v["carry_b"])
    transform = sigmoid(x @ v["transform_w"] + v["transform_b"])
    return x * carry + out * transform, out


def input_projection(record):
    v, x, h = arrays(record)
    s = "input_projection_wrapper/"
    projected = np.asarray(x) @ v[s + "kernel"] + v[s + "bias"]
    out = np.tanh(np.concatenate([projected, np.asarray(h)], 1) @ v[s + "basic_rnn_cell/kernel"]
                  + v[s + "basic_rnn_cell/bias"])
    return out, out


def embedding(record):
    v, ids, h = arrays(record)
    s = "embedding_wrapper/"
    embedded = v[s + "embedding"][np.asarray(ids)]
    out = np.tanh(np.concatenate([embedded, np.asarray(h)], 1) @ v[s + "basic_rnn_cell/kernel"]
                  + v[s + "basic_rnn_cell/bias"])
    return out, out


def same_conv(x, kernel):
    """TF's SAME cross-correlation, stride 1, for [B, *spatial, C] inputs and [*k, C, F] kernels."""
    spatial = kernel.shape[:-2]
    pads = [(0, 0)] + [((k - 1) // 2, k - 1 - (k - 1) // 2) for k in spatial] + [(0, 0)]
    padded = np.pad(x, pads)
    out = np.zeros(x.shape[:-1] + (kernel.shape[-1],))
    for offset in np.ndindex(*spatial):
        window = padded[(slice(None),) + tuple(slice(o, o + n) for o, n in zip(offset, x.shape[1:-1]))]
        out += window @ kernel[offset]
    return out


def conv_lstm(record, skip=False):
    v, x, (c, h) = arrays(record)
    x, c, h = np.asarray(x), np.asarray(c), np.asarray(h)
    gates = same_conv(np.concatenate([x, h], -1), v["conv_lstm_cell/kernel"]) + v["conv_lstm_cell/biases"]
    i, j, f, o = split(gates, 4)
    new_c = sigmoid(f + 1.0) * c + sigmoid(i) * np.tanh(j)
    out = np.tanh(new_c) * sigmoid(o)
    if skip:
        out = np.concatenate([out, x], -1)
    return out, [new_c, out]


def cudnn_gru(record):
    v, x, h = arrays(record)
    s, x, h = "cudnn_compatible_gru_cell/", np.asarray(x), np.asarray(h)
    r, u = split(sigmoid(np.concatenate([x, h], 1) @ v[s + "gates/kernel"] + v[s + "gates/bias"]), 2)
    candidate = (x @ v[s + "candidate/input_projection/kernel"] + v[s + "candidate/input_projection/bias"]
                 + r * (h @ v[s + "candidate/hidden_projection/kernel"] + v[s + "candidate/hidden_projection/bias"]))
    new_h = (1 - u) * np.tanh(candidate) + u * h
    return new_h, new_h


def compiled(record):
    """CompiledWrapper around BasicRNNCell: the wrapped cell's math and names, unchanged."""
    v, x, h = arrays(record)
    out = np.tanh(np.concatenate([np.asarray(x), np.asarray(h)], 1) @ v["basic_rnn_cell/kernel"]
                  + v["basic_rnn_cell/bias"])
    return out, out


def weight_norm(record, units=4):
    """WeightNormLSTMCell: peepholes, cell clip 1.5, projection to 3, normalised weight columns."""
    v, x, (c, h) = arrays(record)
    s, x, c, h = "wn_lstm_cell/wn_lstm_cell/", np.asarray(x), np.asarray(c), np.asarray(h)
    unit = lambda w: w / np.sqrt(np.maximum((w ** 2).sum(0), 1e-12))  # noqa: E731
    kernel, rows = v[s + "kernel"], x.shape[1]
    kernel = np.concatenate([unit(kernel[:rows]) * v[s + "norm_0"], unit(kernel[rows:]) * v[s + "norm_1"]])
    i, j, f, o = split(np.concatenate([x, h], 1) @ kernel + v[s + "bias"], 4)
    new_c = c * sigmoid(f + 1.0 + v[s + "w_f_diag"] * c) + sigmoid(i + v[s + "w_i_diag"] * c) * np.tanh(j)
    new_c = np.clip(new_c, -1.5, 1.5)
    new_h = sigmoid(o + v[s + "w_o_diag"] * new_c) * np.tanh(new_c)
    new_h = new_h @ (unit(v[s + "projection/kernel"]) * v[s + "projection/norm_0"])
    return new_h, [new_c, new_h]
