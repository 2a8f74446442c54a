#!/usr/bin/env python3
"""Checks a Step-through "Download for NumPy" .npz with NumPy alone (issue 18, item 5).

Run by hand, never by the tests: python3 scripts/check_npz_export.py step.npz
For a network of dense layers it recomputes the forward pass from X and the weights, the output
delta, every dW and db from the deltas, and the plain-SGD update, and prints the largest
difference from the lab's arrays for each.
"""
import json
import sys

import numpy as np

ACTIVATIONS = {
    "identity": lambda z: z,
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "tanh": np.tanh,
    "relu": lambda z: np.maximum(z, 0),
}


def softmax(z):
    e = np.exp(z - z.max(axis=0))
    return e / e.sum(axis=0)


def main(path):
    d = np.load(path)
    spec = json.loads(d["spec"].item())
    if any(layer.get("type", "dense") != "dense" for layer in spec["layers"]):
        sys.exit("check_npz_export: only networks of dense layers are recomputed here")
    worst = 0.0

    def report(name, mine):
        nonlocal worst
        diff = float(np.abs(mine - d[name]).max())
        worst = max(worst, diff)
        print(f"{name:10s} {diff:.3g}")

    a = d["X"]
    inputs = [a]
    for k, layer in enumerate(spec["layers"], start=1):
        z = d[f"W{k}"] @ a + d[f"b{k}"]
        report(f"z{k}", z)
        a = softmax(z) if layer["activation"] == "softmax" else ACTIVATIONS[layer["activation"]](z)
        report(f"a{k}", a)
        inputs.append(a)
    batch = d["X"].shape[1]
    l2 = spec.get("l2", 0.0)
    for k in range(1, len(spec["layers"]) + 1):
        delta = d[f"delta{k}"]
        report(f"dW{k}", delta @ inputs[k - 1].T + l2 * d[f"W{k}"])
        report(f"db{k}", delta.sum(axis=1, keepdims=True))
        report(f"W{k}_new", d[f"W{k}"] - d["learning_rate"] * d[f"dW{k}"])
    if spec["loss"] == "mse":
        report("loss_data", 0.5 * ((a - d["Y"]) ** 2).sum() / batch)
    elif spec["loss"] == "cross_entropy":
        report("loss_data", -(d["Y"] * np.log(a)).sum() / batch)
    print(f"largest difference {worst:.3g}")


if __name__ == "__main__":
    main(sys.argv[1])
