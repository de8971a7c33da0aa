"""NumPy one-step references for TF 1.15's contrib RNN cells (the math the TF1 sources document).

Each function takes the JSON record printed by tests/scripts/contrib_cells_check.py (variable
values keyed by TF1 name, inputs, previous state) and returns ``(output, new_state)``.
"""
import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def arrays(record):
    values = {key: np.asarray(value, np.float64) for key, value in record["values"].items()}
    return values, record["inputs"], record["state"]


def split(matrix, parts):
    return np.split(matrix, parts, axis=-1)


def layer_norm(x, gamma, beta):
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + 1e-12) * gamma + beta


def lstm_block(record, scope="lstm_cell", forget_bias=0.5, clip=2.0, peephole=True):
    v, x, (c, h) = arrays(record)
    x, c, h = np.asarray(x), np.asarray(c), np.asarray(h)
    i, j, f, o = split(np.concatenate([x, h], 1) @ v[f"{scope}/kernel"] + v[f"{scope}/bias"], 4)
    if peephole:
        i, f = i + c * v[f"{scope}/w_i_diag"], f + c * v[f"{scope}/w_f_diag"]
    new_c = np.tanh(j) * sigmoid(i) + c * sigmoid(f + forget_bias)
    if clip:
        new_c = np.clip(new_c, -clip, clip)
    if peephole:
        o = o + new_c * v[f"{scope}/w_o_diag"]
    new_h = np.tanh(new_c) * sigmoid(o)
    return new_h, [new_c, new_h]


def gru_block(record, names=("gru_cell/w_ru", "gru_cell/b_ru", "gru_cell/w_c", "gru_cell/b_c")):
    v, x, h = arrays(record)
    x, h = np.asarray(x), np.asarray(h)
    r, u = split(sigmoid(np.concatenate([x, h], 1) @ v[names[0]] + v[names[1]]), 2)
    c = np.tanh(np.concatenate([x, r * h], 1) @ v[names[2]] + v[names[3]])
    new_h = u * h + (1 - u) * c
    return new_h, new_h


def layer_norm_lstm(record, norm=True):
    v, x, (c, h) = arrays(record)
    s = "layer_norm_basic_lstm_cell/"
    gates = np.concatenate([np.asarray(x), np.asarray(h)], 1) @ v[s + "kernel"]
    if not norm:
        gates = gates + v[s + "bias"]
    parts = split(gates, 4)
    if norm:
        parts = [layer_norm(p, v[f"{s}{n}/gamma"], v[f"{s}{n}/beta"])
                 for p, n in zip(parts, ("input", "transform", "forget", "output"))]
    i, j, f, o = parts
    new_c = np.asarray(c) * sigmoid(f + 1.0) + sigmoid(i) * np.tanh(j)
    if norm:
        new_c = layer_norm(new_c, v[s + "state/gamma"], v[s + "state/beta"])
    new_h = np.tanh(new_c) * sigmoid(o)
    return new_h, [new_c, new_h]


def cifg(record):
    v, x, (c, m) = arrays(record)
    s = "coupled_input_forget_gate_lstm_cell/"
    c = np.asarray(c)
    j, f, o = split(np.concatenate([np.asarray(x), np.asarray(m)], 1) @ v[s + "W_0"] + v[s + "B"], 3)
    f_act = sigmoid(f + 1.0 + v[s + "W_F_diag"] * c)
    new_c = f_act * c + (1 - f_act) * np.tanh(j)
    new_m = np.clip((sigmoid(o + v[s + "W_O_diag"] * new_c) * np.tanh(new_c)) @ v[s + "W_P_0"], -0.5, 0.5)
    return new_m, [new_c, new_m]


def nas(record):
    v, x, (c, m) = arrays(record)
    s = "nas_cell/"
    mm = split(np.asarray(m) @ v[s + "recurrent_kernel"] + v[s + "bias"], 8)
    xm = split(np.asarray(x) @ v[s + "kernel"], 8)
    relu = lambda a: np.maximum(a, 0)  # noqa: E731
    l1 = [sigmoid(xm[0] + mm[0]), relu(xm[1] + mm[1]), sigmoid(xm[2] + mm[2]), relu(xm[3] * mm[3]),
          np.tanh(xm[4] + mm[4]), sigmoid(xm[5] + mm[5]), np.tanh(xm[6] + mm[6]), sigmoid(xm[7] + mm[7])]
    l2_0 = np.tanh(np.tanh(l1[0] * l1[1]) + np.asarray(c))
    new_c = l2_0 * np.tanh(l1[2] + l1[3])
    new_m = np.tanh(new_c * np.tanh(np.tanh(l1[4] * l1[5]) + sigmoid(l1[6] + l1[7]))) @ v[s + "projection_weights"]
    return new_m, [new_c, new_m]


def ugrnn(record):
    v, x, h = arrays(record)
    h = np.asarray(h)
    g, c = split(np.concatenate([np.asarray(x), h], 1) @ v["ugrnn_cell/kernel"] + v["ugrnn_cell/bias"], 2)
    g = sigmoid(g + 1.0)
    new = g * h + (1 - g) * np.tanh(c)
    return new, new


def intersection(record):
    v, x, h = arrays(record)
    s, h = "intersection_rnn_cell/", np.asarray(h)
    x = np.asarray(x) @ v[s + "in_projection/kernel"] + v[s + "in_projection/bias"]
    gh, hh, gy, y = split(np.concatenate([x, h], 1) @ v[s + "kernel"] + v[s + "bias"], 4)
    gh, gy = sigmoid(gh + 1.0), sigmoid(gy + 1.0)
    new_state = gh * h + (1 - gh) * np.tanh(hh)
    return gy * x + (1 - gy) * np.maximum(y, 0), new_state


def phased(record, leak=0.001):
    v, (t, x), (c, h) = arrays(record)
    s, t, x, c, h = "phased_lstm_cell/", np.asarray(t), np.asarray(x), np.asarray(c), np.asarray(h)
    ig, fg = split(sigmoid(np.concatenate([x, h, c], 1) @ v[s + "mask_gates/kernel"] + v[s + "mask_gates/bias"]), 2)
    new_c = c * fg + ig * np.tanh(np.concatenate([x, h], 1) @ v[s + "new_input/kernel"] + v[s + "new_input/bias"])
    og = sigmoid(np.concatenate([x, h, new_c], 1) @ v[s + "output_gate/kernel"] + v[s + "output_gate/bias"])
    new_h = np.tanh(new_c) * og
    cycle = np.mod(t - v[s + "phase"], v[s + "period"]) / v[s + "period"]
    ratio = v[s + "ratio_on"]
    k_up = 2 * cycle / ratio
    k = np.where(cycle < 0.5 * ratio, k_up, np.where(cycle < ratio, 2 - k_up, leak * cycle))
    new_c, new_h = k * new_c + (1 - k) * c, k * new_h + (1 - k) * h
    return new_h, [new_c, new_h]


def layer_norm_lstm_cell(record):
    """LayerNormLSTMCell with peepholes, cell clip 1.0, projection to 3, layer norm."""
    v, x, (c, m) = arrays(record)
    s, c = "layer_norm_lstm_cell/", np.asarray(c)
    parts = split(np.concatenate([np.asarray(x), np.asarray(m)], 1) @ v[s + "kernel"], 4)
    i, j, f, o = (layer_norm(p, v[f"{s}{n}/gamma"], v[f"{s}{n}/beta"])
                  for p, n in zip(parts, ("input", "transform", "forget", "output")))
    new_c = sigmoid(f + 1.0 + v[s + "w_f_diag"] * c) * c + sigmoid(i + v[s + "w_i_diag"] * c) * np.tanh(j)
    new_c = np.clip(layer_norm(new_c, v[s + "state/gamma"], v[s + "state/beta"]), -1.0, 1.0)
    new_m = (sigmoid(o + v[s + "w_o_diag"] * new_c) * np.tanh(new_c)) @ v[s + "projection/kernel"]
    return new_m, [new_c, new_m]


def sru(record):
    v, x, c = arrays(record)
    x_bar, f, r, x_tx = split(np.asarray(x) @ v["sru_cell/kernel"], 4)
    f, r = split(sigmoid(np.concatenate([f, r], 1) + v["sru_cell/bias"]), 2)
    new_c = f * np.asarray(c) + (1 - f) * x_bar
    return r * np.tanh(new_c) + (1 - r) * x_tx, new_c


def glstm(record, groups=2):
    """GLSTMCell: 4 units in 2 groups, inputs of width 4, projection to 2."""
    v, x, (c, m) = arrays(record)
    s, x, m, c = "glstm_cell/", np.asarray(x), np.asarray(m), np.asarray(c)
    parts = [split(np.concatenate([xg, mg], 1) @ v[f"{s}group{g}/kernel"], 4)
             for g, (xg, mg) in enumerate(zip(np.split(x, groups, 1), np.split(m, groups, 1)))]
    i, j, f, o = (np.concatenate([p[k] for p in parts], 1) + v[f"{s}bias_{n}"] for k, n in enumerate("ijfo"))
    new_c = sigmoid(f + 1.0) * c + sigmoid(i) * np.tanh(j)
    new_m = (sigmoid(o) * np.tanh(new_c)) @ v[s + "projection/kernel"]
    return new_m, [new_c, new_m]


def indrnn(record):
    v, x, h = arrays(record)
    s = "ind_rnn_cell/"
    out = np.tanh(np.asarray(x) @ v[s + "kernel_w"] + np.asarray(h) * v[s + "kernel_u"] + v[s + "bias"])
    return out, out


def indy_gru(record):
    v, x, h = arrays(record)
    s, x, h = "indy_gru_cell/", np.asarray(x), np.asarray(h)
    gates = x @ v[s + "gates/kernel_w"] + np.tile(h, 2) * v[s + "gates/kernel_u"] + v[s + "gates/bias"]
    r, u = split(sigmoid(gates), 2)
    c = np.tanh(x @ v[s + "candidate/kernel"] + r * h * v[s + "candidate/kernel_u"] + v[s + "candidate/bias"])
    new_h = u * h + (1 - u) * c
    return new_h, new_h


def indy_lstm(record):
    v, x, (c, h) = arrays(record)
    s, x, c, h = "indy_lstm_cell/", np.asarray(x), np.asarray(c), np.asarray(h)
    i, j, f, o = split(x @ v[s + "kernel_w"] + np.tile(h, 4) * v[s + "kernel_u"] + v[s + "bias"], 4)
    new_c = c * sigmoid(f + 0.5) + sigmoid(i) * np.tanh(j)
    new_h = np.tanh(new_c) * sigmoid(o)
    return new_h, [new_c, new_h]


def minimal(record, units=4):
    v, x, h = arrays(record)
    x, h = np.asarray(x), np.asarray(h)
    kernel = v["minimal_rnn_cell/kernel"]
    z = np.tanh(x @ kernel[:x.shape[1]])
    u = sigmoid(np.concatenate([z, h], 1) @ kernel[x.shape[1]:] + v["minimal_rnn_cell/bias"])
    new_h = u * h + (1 - u) * z
    return new_h, new_h


def cfn(record, units=4):
    v, x, h = arrays(record)
    x, h, s = np.asarray(x), np.asarray(h), "cfn_cell/"
    theta, eta = split(sigmoid(h @ v[s + "recurrent_kernel"] + x @ v[s + "kernel"][:, :2 * units] + v[s + "bias"]), 2)
    new_h = theta * np.tanh(h) + (1 - eta) * np.tanh(x @ v[s + "kernel"][:, 2 * units:])
    return new_h, new_h
