"""The slides' MNIST MLP written from scratch in numpy: the baseline of `./nnlab bench compare`.

784-512-512-10, ReLU, dropout 0.2 (inverted), softmax cross-entropy on logits, RmsProp with Keras's
defaults (lr 0.001, rho 0.9, eps 1e-7), batch 128, Glorot-uniform weights, float32 — the same network,
optimiser and arithmetic as nnlab's Models.mlp(seed, FLOAT) with the benchmark's RmsProp. Like a student
would write it: each layer's forward and backward as numpy expressions (new arrays each time), which is
what "numpy from scratch" means here. It computes the same products as nnlab's Trainer (no gradient for
the input images).

    python tools/bench/mlp_numpy.py [--epochs N] [--train-limit N] [--test-limit N] [--seed S]

Prints one line per epoch and a final line `json {...}` that tools/bench/compare.py reads.
"""
import argparse
import json
import os
import time

import numpy as np

from mnist_idx import load, load_average


def glorot(rng, fan_in, fan_out):
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, (fan_in, fan_out)).astype(np.float32)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--train-limit", type=int, default=60000)
    p.add_argument("--test-limit", type=int, default=10000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--batch", type=int, default=128)
    a = p.parse_args()

    x_train, y_train, x_test, y_test = load(a.train_limit, a.test_limit)
    rng = np.random.default_rng(a.seed)
    sizes = [784, 512, 512, 10]
    W = [glorot(rng, i, o) for i, o in zip(sizes, sizes[1:])]
    b = [np.zeros((1, o), np.float32) for o in sizes[1:]]
    params = W + b
    mean_square = [np.zeros_like(q) for q in params]
    lr, rho, eps, drop = 0.001, 0.9, 1e-7, 0.2

    def forward(x, train):
        cache = []
        h = x
        for layer in range(3):
            z = h @ W[layer] + b[layer]
            cache.append(h)
            if layer == 2:
                return z, cache
            h = np.maximum(z, 0)
            mask = None
            if train:
                mask = (rng.random(h.shape, dtype=np.float32) >= drop).astype(np.float32) / (1 - drop)
                h = h * mask
            cache.append((z, mask))
        return h, cache

    def backward(g, cache):
        grads_w, grads_b = [None] * 3, [None] * 3
        for layer in (2, 1, 0):
            h = cache[2 * layer]
            grads_w[layer] = h.T @ g
            grads_b[layer] = g.sum(axis=0, keepdims=True)
            if layer == 0:
                break   # the input is the data: no gradient needed
            g = g @ W[layer].T
            z, mask = cache[2 * layer - 1]
            if mask is not None:
                g = g * mask
            g = g * (z > 0)
        return grads_w + grads_b

    def softmax_ce(z, y):
        shifted = z - z.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -(y * log_p).sum() / len(z)
        return loss, (np.exp(log_p) - y) / len(z)

    def evaluate(x, y):
        correct = 0
        for s in range(0, len(x), a.batch):
            z, _ = forward(x[s:s + a.batch], False)
            correct += (z.argmax(1) == y[s:s + a.batch].argmax(1)).sum()
        return correct / len(x)

    seconds, accuracy, loads = [], [], []
    n = len(x_train)
    for epoch in range(1, a.epochs + 1):
        loads.append(load_average())
        start = time.perf_counter()   # an epoch: its shuffle and all its batches, as nnlab's Trainer times it
        order = rng.permutation(n)
        xs, ys = x_train[order], y_train[order]
        for s in range(0, n, a.batch):
            z, cache = forward(xs[s:s + a.batch], True)
            _, g = softmax_ce(z, ys[s:s + a.batch])
            grads = backward(g, cache)
            for q, gq, ms in zip(params, grads, mean_square):
                ms *= rho
                ms += (1 - rho) * gq * gq
                q -= lr * gq / (np.sqrt(ms) + eps)
        seconds.append(time.perf_counter() - start)
        accuracy.append(float(evaluate(x_test, y_test)))
        print(f"epoch {epoch:2d}/{a.epochs}  {seconds[-1]:6.1f} s  test acc {100 * accuracy[-1]:6.2f}%"
              f"  load {loads[-1]:.1f}", flush=True)
    cfg = np.show_config(mode="dicts") if hasattr(np, "show_config") else {}
    blas = cfg.get("Build Dependencies", {}).get("blas", {}) if isinstance(cfg, dict) else {}
    env = (f"numpy {np.__version__}, BLAS {blas.get('name', '?')} {blas.get('version', '')},"
           f" OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')},"
           f" OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')},"
           f" OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', 'unset')}")
    print("json " + json.dumps({"impl": "numpy", "model": "mlp", "dtype": "float", "train": n, "seconds": seconds,
                                "test_accuracy": accuracy, "loads": loads, "environment": env}), flush=True)


if __name__ == "__main__":
    main()
