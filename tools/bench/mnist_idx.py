"""Reads MNIST from the IDX files that ./nnlab setup fetched ($NNLAB_DATA/mnist), for the baselines.

Same data and the same scaling as nnlab's org.nnlab.data.Mnist: pixels / 255 as float32, one-hot labels.
"""
import os
import struct
import sys

import numpy as np


def data_dir():
    root = os.environ.get("NNLAB_DATA") or os.path.join(os.path.dirname(__file__), "..", "..", "data")
    return os.path.join(root, "mnist")


def _read(path, magic):
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        sys.exit(f"error: expected the MNIST file {path} but it could not be read ({e.strerror}).\n"
                 f"Hint: run ./nnlab setup (it fetches MNIST into $NNLAB_DATA/mnist).")
    found = struct.unpack(">I", raw[:4])[0]
    if found != magic:
        sys.exit(f"error: expected magic number {magic} in {path} but was {found}.\nHint: re-run ./nnlab setup.")
    if magic == 2051:
        n, rows, cols = struct.unpack(">III", raw[4:16])
        return np.frombuffer(raw, np.uint8, offset=16).reshape(n, rows * cols)
    (n,) = struct.unpack(">I", raw[4:8])
    return np.frombuffer(raw, np.uint8, offset=8)[:n]


def load(train_limit=60000, test_limit=10000):
    """(x_train [n, 784], y_train one-hot [n, 10], x_test, y_test), float32 in [0, 1]."""
    d = data_dir()
    xs = []
    for images, labels, limit in (("train-images-idx3-ubyte", "train-labels-idx1-ubyte", train_limit),
                                  ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", test_limit)):
        x = _read(os.path.join(d, images), 2051)[:limit].astype(np.float32) / 255.0
        y = _read(os.path.join(d, labels), 2049)[:limit]
        xs += [x, np.eye(10, dtype=np.float32)[y]]
    return tuple(xs)


def load_average():
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")
