#!/usr/bin/env python3
"""Independent NumPy reference for Backprop Lab: writes the JSON fixtures in tests/fixtures/
that the C++ Catch2 tests load (optimizer steps, network forward/loss/gradient, metrics, PCA, seed examples).
Run from the repo root:  /usr/bin/python3 scripts/make_fixtures.py   (needs Debian python3-numpy, python3-sklearn)"""

import json
import math
from pathlib import Path

import numpy as np
from sklearn.decomposition import PCA
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score,
                             precision_score, r2_score, recall_score)

OUT_DIR = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def write_json(name, obj):
    """Write obj to tests/fixtures/<name>; refuse NaN/Inf (json floats use repr, i.e. full precision)."""
    path = OUT_DIR / name
    with open(path, "w") as f:
        json.dump(obj, f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"wrote {path}")


# ----------------------------------------------------------------------------------------------
# Activations: f(z) and f'(z) (elementwise). softmax is handled with the cross-entropy loss.
# ----------------------------------------------------------------------------------------------

def sigmoid(z):
    # numerically stable 1 / (1 + exp(-z))
    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1.0 + np.exp(-np.abs(z))))


def softmax(z):
    # softmax over the last axis: exp(z_k - max z) / sum_j exp(z_j - max z)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def act(name, z, alpha=0.0):
    if name == "identity":
        return z.copy()
    if name == "sigmoid":
        return sigmoid(z)
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":                      # z > 0 -> z, else 0
        return np.where(z > 0, z, 0.0)
    if name == "leaky_relu":                # z > 0 -> z, else alpha z
        return np.where(z > 0, z, alpha * z)
    if name == "softmax":
        return softmax(z)
    raise ValueError(name)


def act_deriv(name, z, alpha=0.0):
    if name == "identity":
        return np.ones_like(z)
    if name == "sigmoid":                   # s (1 - s)
        s = sigmoid(z)
        return s * (1.0 - s)
    if name == "tanh":                      # 1 - tanh^2
        return 1.0 - np.tanh(z) ** 2
    if name == "relu":                      # z > 0 -> 1, else 0
        return np.where(z > 0, 1.0, 0.0)
    if name == "leaky_relu":                # z > 0 -> 1, else alpha
        return np.where(z > 0, 1.0, alpha)
    raise ValueError(name)                  # softmax: only via the fused softmax+CE gradient


# ----------------------------------------------------------------------------------------------
# Optimizers on a flat parameter vector p, gradient g. State starts at 0; t = 1 on the first step.
# ----------------------------------------------------------------------------------------------

def optimizer_case(name, lr, coeffs, p0, grads, case_id):
    p = p0.copy()
    v = np.zeros_like(p)   # momentum / nesterov velocity, adam second moment
    s = np.zeros_like(p)   # rmsprop running square
    m = np.zeros_like(p)   # adam first moment
    history = []
    for t, g in enumerate(grads, start=1):
        if name == "sgd":
            # p <- p - lr g
            p = p - lr * g
        elif name == "momentum":
            # v <- mu v - lr g ;  p <- p + v
            mu = coeffs["momentum"]
            v = mu * v - lr * g
            p = p + v
        elif name == "nesterov":
            # v_prev <- v ; v <- mu v - lr g ; p <- p - mu v_prev + (1 + mu) v
            mu = coeffs["momentum"]
            v_prev = v
            v = mu * v - lr * g
            p = p - mu * v_prev + (1.0 + mu) * v
        elif name == "rmsprop":
            # s <- rho s + (1 - rho) g^2 ;  p <- p - lr g / (sqrt(s) + eps)
            rho, eps = coeffs["rho"], coeffs["eps"]
            s = rho * s + (1.0 - rho) * g * g
            p = p - lr * g / (np.sqrt(s) + eps)
        elif name == "adam":
            # m <- b1 m + (1-b1) g ; v <- b2 v + (1-b2) g^2 ; mhat = m/(1-b1^t) ; vhat = v/(1-b2^t)
            # p <- p - lr mhat / (sqrt(vhat) + eps)
            b1, b2, eps = coeffs["beta1"], coeffs["beta2"], coeffs["eps"]
            m = b1 * m + (1.0 - b1) * g
            v = b2 * v + (1.0 - b2) * g * g
            mhat = m / (1.0 - b1 ** t)
            vhat = v / (1.0 - b2 ** t)
            p = p - lr * mhat / (np.sqrt(vhat) + eps)
        else:
            raise ValueError(name)
        history.append(p.tolist())
    case = {"name": name, "id": case_id, "lr": lr}
    case.update(coeffs)
    case.update({"params0": p0.tolist(), "grads": [g.tolist() for g in grads], "params": history})
    return case


def make_optimizers():
    rng = np.random.default_rng(20240601)
    p0 = rng.normal(0.0, 1.0, size=7)
    grads = [rng.normal(0.0, 1.0, size=7) for _ in range(3)]
    cases = [
        optimizer_case("sgd", 0.1, {}, p0, grads, "sgd"),
        optimizer_case("momentum", 0.1, {"momentum": 0.9}, p0, grads, "momentum"),
        optimizer_case("nesterov", 0.1, {"momentum": 0.9}, p0, grads, "nesterov"),
        optimizer_case("rmsprop", 0.1, {"rho": 0.9, "eps": 1e-8}, p0, grads, "rmsprop"),
        optimizer_case("adam", 0.1, {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}, p0, grads, "adam"),
        optimizer_case("adam", 0.001, {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}, p0, grads, "adam_lr0.001"),
    ]
    write_json("optimizers.json", cases)


# ----------------------------------------------------------------------------------------------
# Networks. Samples are rows: X is (m x in). For one sample a column-vector z = W a + b becomes,
# for all rows at once, Z = A W^T + b.  Residual block: x' = x + W2 f(W1 x + b1).
# Flat order: dense -> W (row-major), b ; residual -> W1 (row-major), b1, W2 (row-major).
# ----------------------------------------------------------------------------------------------

def layer_shapes(spec):
    """List of (kind, activation, alpha, [param shapes]) per layer, in network order."""
    width = spec["input"]
    out = []
    for L in spec["layers"]:
        if L["type"] == "dense":
            n = L["units"]
            out.append(("dense", L["activation"], L.get("alpha", 0.0), [(n, width), (n,)]))
            width = n
        elif L["type"] == "residual":
            out.append(("residual", L["activation"], L.get("alpha", 0.0), [(width, width), (width,), (width, width)]))
        else:
            raise ValueError(L["type"])
    return out


def unflatten(spec, p):
    layers, k = [], 0
    for kind, f, alpha, shapes in layer_shapes(spec):
        arrs = []
        for sh in shapes:
            n = int(np.prod(sh))
            arrs.append(p[k:k + n].reshape(sh))   # C order == row-major
            k += n
        layers.append((kind, f, alpha, arrs))
    assert k == p.size
    return layers


def n_params(spec):
    return sum(int(np.prod(sh)) for _, _, _, shapes in layer_shapes(spec) for sh in shapes)


def weight_mask(spec):
    """1 for weight entries (dense W, residual W1 and W2), 0 for biases."""
    mask = []
    for kind, _, _, shapes in layer_shapes(spec):
        is_weight = [True, False] if kind == "dense" else [True, False, True]
        for sh, w in zip(shapes, is_weight):
            mask += [1.0 if w else 0.0] * int(np.prod(sh))
    return np.array(mask)


def forward(spec, p, X):
    """Returns output activations (m x out), final pre-activation, and a cache for backprop."""
    A = X
    cache = []
    for kind, f, alpha, arrs in unflatten(spec, p):
        if kind == "dense":
            W, b = arrs
            Z = A @ W.T + b                          # z = W a + b
            cache.append((kind, f, alpha, arrs, A, Z))
            A = act(f, Z, alpha)                     # a' = f(z)
        else:
            W1, b1, W2 = arrs
            Z = A @ W1.T + b1                        # u = W1 x + b1
            H = act(f, Z, alpha)                     # h = f(u)
            cache.append((kind, f, alpha, arrs, A, Z))
            A = A + H @ W2.T                         # x' = x + W2 h
    return A, cache


def data_loss(loss, A, Zlast, Y):
    """Mean over samples of the per-sample loss."""
    m = Y.shape[0]
    if loss == "mse":                    # 0.5 ||a - y||^2
        return 0.5 * np.sum((A - Y) ** 2) / m
    if loss == "cross_entropy":          # -sum_k y_k log softmax(z)_k, via stable log-softmax
        logsm = Zlast - Zlast.max(axis=1, keepdims=True)
        logsm = logsm - np.log(np.exp(logsm).sum(axis=1, keepdims=True))
        return -np.sum(Y * logsm) / m
    if loss == "binary_cross_entropy":   # -[y log s(z) + (1-y) log(1 - s(z))], log s(z) = -log(1+e^-z)
        log_s = -np.logaddexp(0.0, -Zlast)
        log_1ms = -np.logaddexp(0.0, Zlast)
        return -np.sum(Y * log_s + (1.0 - Y) * log_1ms) / m
    raise ValueError(loss)


def total_loss(spec, p, X, Y):
    A, cache = forward(spec, p, X)
    w = p[weight_mask(spec) == 1.0]
    reg = 0.5 * spec["l2"] * np.sum(w ** 2)             # (l2/2) sum W^2 over weights only
    if spec.get("l1", 0.0) > 0:
        reg += spec["l1"] * np.sum(np.abs(w))           # l1 sum |W| over weights only
    return data_loss(spec["loss"], A, cache[-1][5], Y) + reg, A


def backprop(spec, p, X, Y):
    """Analytic gradient of total_loss with respect to the flat parameters."""
    m = X.shape[0]
    A, cache = forward(spec, p, X)
    loss, last_f = spec["loss"], cache[-1][1]
    # dL/dz at the output (already divided by m for the mean):
    if loss == "cross_entropy":
        assert last_f == "softmax"
        dZ = (A - Y) / m                                 # softmax + CE: a - y
        dA = None
    elif loss == "binary_cross_entropy":
        assert last_f == "sigmoid"
        dZ = (A - Y) / m                                 # sigmoid + BCE: a - y
        dA = None
    else:
        dA = (A - Y) / m                                 # mse: dL/da = a - y
        dZ = None
    grads = []
    for idx in reversed(range(len(cache))):
        kind, f, alpha, arrs, Ain, Z = cache[idx]
        if kind == "dense":
            W, b = arrs
            if dZ is None:
                dZ = dA * act_deriv(f, Z, alpha)         # dL/dz = dL/da' * f'(z)
            dW = dZ.T @ Ain                               # dL/dW = dz a^T (summed over samples)
            db = dZ.sum(axis=0)                           # dL/db = dz
            dA = dZ @ W                                   # dL/da = W^T dz
            grads.append([dW, db])
        else:
            W1, b1, W2 = arrs
            H = act(f, Z, alpha)
            dW2 = dA.T @ H                                # dL/dW2 = dx' h^T
            dH = dA @ W2                                  # dL/dh = W2^T dx'
            dU = dH * act_deriv(f, Z, alpha)              # dL/du = dL/dh * f'(u)
            dW1 = dU.T @ Ain                              # dL/dW1 = du x^T
            db1 = dU.sum(axis=0)
            dA = dA + dU @ W1                             # dL/dx = dx' + W1^T du  (skip path)
            grads.append([dW1, db1, dW2])
        dZ = None
    flat = np.concatenate([g.ravel() for layer in reversed(grads) for g in layer])
    wm = weight_mask(spec)
    flat += spec["l2"] * p * wm                           # d/dW (l2/2) W^2 = l2 W
    if spec.get("l1", 0.0) > 0:
        flat += spec["l1"] * np.sign(p) * wm              # d/dW l1 |W| = l1 sign(W)
    return flat


def relu_margin(spec, p, X):
    """Smallest |z| feeding a relu/leaky_relu (or an l1 weight), to keep finite differences off kinks."""
    _, cache = forward(spec, p, X)
    margins = [np.abs(Z).min() for _, f, _, _, _, Z in cache if f in ("relu", "leaky_relu")]
    if spec.get("l1", 0.0) > 0:
        margins.append(np.abs(p[weight_mask(spec) == 1.0]).min())
    return min(margins) if margins else math.inf


def fd_check(spec, p, X, Y, grad, h=1e-5):
    """Central differences (L(p + h e_i) - L(p - h e_i)) / 2h; returns max_i |g_i - fd_i| / max(|g_i|, |fd_i|, 1e-8)."""
    fd = np.zeros_like(p)
    for i in range(p.size):
        e = np.zeros_like(p)
        e[i] = h
        fd[i] = (total_loss(spec, p + e, X, Y)[0] - total_loss(spec, p - e, X, Y)[0]) / (2 * h)
    rel = np.abs(grad - fd) / np.maximum(np.maximum(np.abs(grad), np.abs(fd)), 1e-8)
    return rel.max()


def network_case(name, spec, seed, m=5):
    rng = np.random.default_rng(seed)
    p = rng.normal(0.0, 0.5, size=n_params(spec))        # params ~ N(0, 0.5^2)
    X = rng.normal(0.0, 1.0, size=(m, spec["input"]))     # inputs ~ N(0, 1)
    out_dim = layer_shapes(spec)[-1][3][0][0] if layer_shapes(spec)[-1][0] == "dense" else None
    if spec["loss"] == "cross_entropy":
        Y = np.eye(out_dim)[rng.integers(0, out_dim, size=m)]         # one-hot targets
    elif spec["loss"] == "binary_cross_entropy":
        Y = np.array([[0.0], [1.0], [1.0], [0.0], [1.0]])[:m]        # both classes present
    else:
        Y = rng.normal(0.0, 1.0, size=(m, out_dim))
    margin = relu_margin(spec, p, X)
    assert margin > 1e-3, f"{name}: too close to a kink ({margin})"
    loss, A = total_loss(spec, p, X, Y)
    grad = backprop(spec, p, X, Y)
    err = fd_check(spec, p, X, Y, grad)
    print(f"  {name}: loss={loss:.12g}  max FD rel err={err:.3e}  (kink margin {margin:.3g})")
    assert err < 1e-6, f"{name}: gradient check failed ({err})"
    assert np.all(np.isfinite(A)) and np.isfinite(loss) and np.all(np.isfinite(grad))
    if spec["loss"] in ("cross_entropy", "binary_cross_entropy"):
        Yj = Y.astype(int).tolist()                        # exact 0/1 integers for labels
    else:
        Yj = Y.tolist()
    return {"name": name, "spec": spec, "params": p.tolist(), "X": X.tolist(), "Y": Yj,
            "output": A.tolist(), "loss": float(loss), "grad": grad.tolist(),
            "fd_max_rel_err": float(err)}


def make_spec(inp, layers, loss, l2=0.0, l1=0.0, seed=0):
    # "init" is only descriptive here: the fixtures give the parameters explicitly in "params".
    return {"input": inp, "layers": layers, "loss": loss, "l2": l2, "l1": l1,
            "init": {"scheme": "normal", "scale": 0.5, "seed": seed}}


def dense(units, activation, alpha=None):
    d = {"type": "dense", "units": units, "activation": activation}
    if alpha is not None:
        d["alpha"] = alpha
    return d


def residual(activation, alpha=None):
    d = {"type": "residual", "activation": activation}
    if alpha is not None:
        d["alpha"] = alpha
    return d


def make_networks():
    print("networks (gradient vs central finite differences, h=1e-5):")
    cases = [
        network_case("tanh_softmax",
                     make_spec(3, [dense(4, "tanh"), dense(3, "softmax")], "cross_entropy", seed=101), 101),
        network_case("sigmoid_mse_l2",
                     make_spec(2, [dense(3, "sigmoid"), dense(2, "sigmoid")], "mse", l2=0.1, seed=102), 102),
        network_case("residual_relu_bce",
                     make_spec(2, [dense(3, "relu"), residual("relu"), dense(1, "sigmoid")],
                               "binary_cross_entropy", l2=0.01, seed=103), 103),
        network_case("leaky_identity_mse",
                     make_spec(4, [dense(5, "leaky_relu", alpha=0.1), residual("tanh"), dense(2, "identity")],
                               "mse", l2=0.0, l1=0.05, seed=204), 204),
        network_case("deep_sigmoid_ce",
                     make_spec(5, [dense(6, "sigmoid"), dense(6, "tanh"), dense(6, "relu"), dense(4, "softmax")],
                               "cross_entropy", l2=0.001, seed=105), 105),
    ]
    write_json("networks.json", cases)


# ----------------------------------------------------------------------------------------------
# Metrics (sklearn as the reference).
# ----------------------------------------------------------------------------------------------

def make_metrics():
    rng = np.random.default_rng(7)
    labels = list(range(4))
    y_true = rng.integers(0, 4, size=40)
    y_true[:4] = labels                                  # every class occurs in y_true
    # predictions: correct 60% of the time, otherwise random; class 3 is never predicted
    y_pred = np.where(rng.random(40) < 0.6, y_true, rng.integers(0, 4, size=40))
    y_pred = np.where(y_pred == 3, rng.integers(0, 3, size=40), y_pred)
    assert 3 not in y_pred and 3 in y_true
    kw = dict(labels=labels, average=None, zero_division=0)
    r_true = rng.normal(2.0, 1.5, size=30)
    r_pred = r_true + rng.normal(0.0, 0.5, size=30)
    out = {
        "num_classes": 4,
        "y_true": y_true.tolist(),
        "y_pred": y_pred.tolist(),
        "confusion": confusion_matrix(y_true, y_pred, labels=labels).tolist(),   # rows true, cols pred
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "macro_f1": float(f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0)),
        "per_class_precision": precision_score(y_true, y_pred, **kw).tolist(),    # tp / (tp + fp), 0 if 0/0
        "per_class_recall": recall_score(y_true, y_pred, **kw).tolist(),          # tp / (tp + fn)
        "per_class_f1": f1_score(y_true, y_pred, **kw).tolist(),                  # 2PR/(P+R), 0 if 0/0
        "r_true": r_true.tolist(),
        "r_pred": r_pred.tolist(),
        "mse": float(np.mean((r_pred - r_true) ** 2)),                            # NOT halved
        "r2": float(r2_score(r_true, r_pred)),                                    # 1 - SS_res / SS_tot
    }
    print(f"metrics: accuracy={out['accuracy']} macro_f1={out['macro_f1']:.12g} mse={out['mse']:.12g} r2={out['r2']:.12g}")
    write_json("metrics.json", out)


# ----------------------------------------------------------------------------------------------
# PCA (sklearn as the reference), with the core's sign convention applied to sklearn's components.
# ----------------------------------------------------------------------------------------------

def pca_case(name, X, k):
    pca = PCA(n_components=k, svd_solver="full").fit(X)
    components = pca.components_.copy()
    projection = pca.transform(X)
    # the core's convention: each component's entry of largest magnitude (the first on ties) is positive
    for c in range(k):
        if components[c, np.argmax(np.abs(components[c]))] < 0:
            components[c] *= -1.0
            projection[:, c] *= -1.0
    return {
        "name": name, "components_count": k,
        "X": X.tolist(),                                            # one sample per row
        "mean": pca.mean_.tolist(),
        "components": components.tolist(),                          # k x d, one direction per row
        "explained_variance": pca.explained_variance_.tolist(),     # eigenvalues of the covariance (n - 1)
        "explained_variance_ratio": pca.explained_variance_ratio_.tolist(),
        "projection": projection.tolist(),                          # n x k
    }


def make_pca():
    rng = np.random.default_rng(11)
    # 4 correlated features (like iris): a random mixing of independent scales, shifted
    mixing = rng.normal(size=(4, 4))
    correlated = rng.normal(size=(60, 4)) * np.array([3.0, 1.5, 0.7, 0.2]) @ mixing + np.array([5.0, -2.0, 0.5, 10.0])
    # 3-D blobs (seed 002's blobs400 shape): three centres, sigma 1
    centres = rng.uniform(-10, 10, size=(3, 3))
    blobs = np.vstack([c + rng.normal(size=(20, 3)) for c in centres])
    # fewer samples than features
    wide = rng.normal(size=(5, 8)) * np.arange(1, 9)
    cases = [pca_case("correlated4", correlated, 2), pca_case("blobs3", blobs, 3), pca_case("wide8", wide, 2)]
    for case in cases:
        print(f"pca {case['name']}: ratio={case['explained_variance_ratio']}")
    write_json("pca.json", cases)


# ----------------------------------------------------------------------------------------------
# Hand-worked seed examples.
# ----------------------------------------------------------------------------------------------

def make_seed_examples():
    # seed001: 2-3-1 sigmoid net. Seed notation w is (in x out), so engine W = w^T.
    w1 = np.array([[0.4, 0.6, 0.2], [0.3, 0.9, 0.5]])
    W1, b1 = w1.T, np.array([1.0, 1.0, 1.0])
    w2 = np.array([[0.2], [0.2], [0.8]])
    W2, b2 = w2.T, np.array([0.5])
    x = np.array([1.0, 1.0])
    z1 = W1 @ x + b1
    a1 = sigmoid(z1)
    z2 = W2 @ a1 + b2
    a2 = sigmoid(z2)
    seed001 = {
        "spec": {"input": 2, "layers": [dense(3, "sigmoid"), dense(1, "sigmoid")], "loss": "mse",
                 "l2": 0.0, "l1": 0.0},
        "params": np.concatenate([W1.ravel(), b1, W2.ravel(), b2]).tolist(),
        "input": x.tolist(), "z1": z1.tolist(), "a1": a1.tolist(), "z2": z2.tolist(), "a2": a2.tolist(),
    }
    print(f"seed001: a2={a2[0]!r}")

    # seed004: 1-1-1 net, relu then identity, per-sample loss 0.5 (a2 - y)^2, plain SGD lr 0.01,
    # one step per sample in order (each step's "mean" is over that single sample).
    lr = 0.01
    w1, bb1, w2, bb2 = 1.0, 0.0, 1.0, 0.0
    samples = []
    for xs, ys in [(1.0, 3.0), (2.0, 4.0), (3.0, 5.0)]:
        z1s = w1 * xs + bb1
        a1s = z1s if z1s > 0 else 0.0            # relu
        z2s = w2 * a1s + bb2
        a2s = z2s
        loss = 0.5 * (a2s - ys) ** 2
        dz2 = a2s - ys                        # dL/dz2 (identity)
        dW2, db2 = dz2 * a1s, dz2
        dz1 = w2 * dz2 * (1.0 if z1s > 0 else 0.0)   # relu'(z1)
        dW1, db1 = dz1 * xs, dz1
        w1, bb1, w2, bb2 = w1 - lr * dW1, bb1 - lr * db1, w2 - lr * dW2, bb2 - lr * db2
        samples.append({"x": xs, "y": ys, "z1": z1s, "a1": a1s, "z2": z2s, "a2": a2s, "loss": loss,
                        "dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2,
                        "w1": w1, "b1": bb1, "w2": w2, "b2": bb2,
                        "params": [w1, bb1, w2, bb2]})
        print(f"seed004 after x={xs}: w1={w1!r} b1={bb1!r} w2={w2!r} b2={bb2!r}")
    seed004 = {
        "spec": {"input": 1, "layers": [dense(1, "relu"), dense(1, "identity")], "loss": "mse",
                 "l2": 0.0, "l1": 0.0},
        "lr": lr, "params0": [1.0, 0.0, 1.0, 0.0], "samples": samples,
    }
    write_json("seed_examples.json", {"seed001": seed001, "seed004": seed004})


if __name__ == "__main__":
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    make_optimizers()
    make_networks()
    make_metrics()
    make_pca()
    make_seed_examples()
