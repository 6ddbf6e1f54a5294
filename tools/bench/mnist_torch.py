"""The slides' MNIST MLP and CNN in PyTorch (CPU): the optional baseline of `./nnlab bench compare`.

The same networks and optimisers as nnlab's Models.mlp / Models.cnn in the benchmark:
  mlp  784-512-512-10, ReLU, dropout 0.2, RmsProp (Keras defaults: lr 0.001, rho 0.9 (= alpha), eps 1e-7)
  cnn  conv 3x3 1-32, ReLU, conv 3x3 32-64, ReLU, maxpool 2, dropout 0.25, flatten, dense 9216-128, ReLU,
       dropout 0.5, dense 128-10; Adam lr 0.001
softmax cross-entropy on logits, batch 128, Glorot-uniform weights, zero biases, float32.

    python tools/bench/mnist_torch.py mlp|cnn [--epochs N] [--train-limit N] [--test-limit N] [--threads N]

PyTorch is not a project requirement: ./nnlab bench compare runs this with $NNLAB_BENCH_PYTHON or
build/bench-venv/bin/python when that Python can import torch. Prints one line per epoch and a final
line `json {...}`.
"""
import argparse
import json
import os
import time

import torch
from torch import nn

from mnist_idx import load, load_average


def build(model):
    if model == "mlp":
        net = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Dropout(0.2), nn.Linear(512, 512), nn.ReLU(),
                            nn.Dropout(0.2), nn.Linear(512, 10))
    else:
        net = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
                            nn.Dropout(0.25), nn.Flatten(), nn.Linear(9216, 128), nn.ReLU(), nn.Dropout(0.5),
                            nn.Linear(128, 10))
    for m in net.modules():
        if isinstance(m, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    return net


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("model", choices=["mlp", "cnn"])
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--train-limit", type=int, default=60000)
    p.add_argument("--test-limit", type=int, default=10000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--threads", type=int, default=0, help="torch.set_num_threads (0: PyTorch's default)")
    a = p.parse_args()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)

    x_train, y_train, x_test, y_test = load(a.train_limit, a.test_limit)
    shape = (-1, 784) if a.model == "mlp" else (-1, 1, 28, 28)
    x_train, x_test = torch.from_numpy(x_train).reshape(shape), torch.from_numpy(x_test).reshape(shape)
    y_train, y_test = torch.from_numpy(y_train.argmax(1)), torch.from_numpy(y_test.argmax(1))
    net = build(a.model)
    opt = (torch.optim.RMSprop(net.parameters(), lr=0.001, alpha=0.9, eps=1e-7) if a.model == "mlp"
           else torch.optim.Adam(net.parameters(), lr=0.001))
    loss_fn = nn.CrossEntropyLoss()

    seconds, accuracy, loads = [], [], []
    n = len(x_train)
    for epoch in range(1, a.epochs + 1):
        loads.append(load_average())
        net.train()
        start = time.perf_counter()   # an epoch: its shuffle and all its batches, as nnlab's Trainer times it
        order = torch.randperm(n)
        xs, ys = x_train[order], y_train[order]
        for s in range(0, n, a.batch):
            opt.zero_grad()
            loss = loss_fn(net(xs[s:s + a.batch]), ys[s:s + a.batch])
            loss.backward()
            opt.step()
        seconds.append(time.perf_counter() - start)
        net.eval()
        with torch.no_grad():
            correct = sum((net(x_test[s:s + a.batch]).argmax(1) == y_test[s:s + a.batch]).sum().item()
                          for s in range(0, len(x_test), a.batch))
        accuracy.append(correct / len(x_test))
        print(f"epoch {epoch:2d}/{a.epochs}  {seconds[-1]:6.1f} s  test acc {100 * accuracy[-1]:6.2f}%"
              f"  load {loads[-1]:.1f}", flush=True)
    env = (f"torch {torch.__version__}, {torch.get_num_threads()} threads, MKL {torch.backends.mkl.is_available()},"
           f" oneDNN {torch.backends.mkldnn.is_available()},"
           f" OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')},"
           f" OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', 'unset')}")
    print("json " + json.dumps({"impl": "pytorch", "model": a.model, "dtype": "float", "train": n,
                                "seconds": seconds, "test_accuracy": accuracy, "loads": loads,
                                "environment": env}), flush=True)


if __name__ == "__main__":
    main()
