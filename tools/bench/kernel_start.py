"""Notebook start-up: seconds from starting the "Java (nnlab)" kernel to its first ND4J result.

    .venv/bin/python tools/bench/kernel_start.py [--starts N] [--variant NAME=JVM_OPTS ...]

Each start: launch the kernel (the installed kernelspec, or a temporary copy whose JVM options get the
variant's options added, in a private JUPYTER_PATH), wait until ready (the start-up script has run), then
execute `Nd4j.ones(2, 2).sumNumber()` and wait for "4.0". Prints per variant: ready, first ND4J result
(both from the launch) and the 1-minute load average; min and median over the starts. Variants run
interleaved (start 1 of each, start 2 of each, ...), so that the load hits them alike.
Example variants: nocds="!-XX:SharedArchiveFile" (a leading ! drops the kernel's own options with that
prefix) c1="-XX:TieredStopAtLevel=1" noext="env:JJAVA_LOAD_EXTENSIONS=0" (env: sets a variable).
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time

from jupyter_client import KernelManager

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "kernel"))
import kernelspec  # noqa: E402  (tools/kernel/kernelspec.py)

CELL = "Nd4j.ones(2, 2).sumNumber()"


def variant_path(tmp, name, opts):
    """A JUPYTER_PATH holding kernels/java-nnlab whose argv has `opts` after the java executable;
    "!PREFIX" drops the kernel's own options that start with PREFIX (e.g. !-XX:SharedArchiveFile),
    "env:NAME=VALUE" sets an environment variable of the kernel (e.g. env:JJAVA_LOAD_EXTENSIONS=0)."""
    words = opts.split()
    return kernelspec.copy_installed(os.path.join(tmp, name),
                                     add=[o for o in words if not o.startswith(("!", "env:"))],
                                     drop=[o[1:] for o in words if o.startswith("!")],
                                     env=dict(o[4:].split("=", 1) for o in words if o.startswith("env:")))


def one_start(jupyter_path):
    os.environ["JUPYTER_PATH"] = jupyter_path
    km = KernelManager(kernel_name="java-nnlab")
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=180)
        ready = time.perf_counter() - t0
        msg_id = kc.execute(CELL)
        result = None
        while True:
            msg = kc.get_iopub_msg(timeout=180)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "execute_result":
                result = msg["content"]["data"].get("text/plain")
            if msg["msg_type"] == "error":
                result = "error: " + msg["content"].get("evalue", "")
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        first = time.perf_counter() - t0
        return ready, first, result, load
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--starts", type=int, default=3)
    p.add_argument("--variant", action="append", default=[],
                   help="NAME=JVM options added to the kernel's; !PREFIX drops the kernel's options with that prefix")
    a = p.parse_args()
    tmp = tempfile.mkdtemp(prefix="nnlab-kstart-")
    variants = [("default", "")] + [tuple(v.split("=", 1)) for v in a.variant]
    paths = {name: variant_path(tmp, name, opts) for name, opts in variants}
    results = {name: [] for name, _ in variants}
    try:
        for i in range(a.starts):
            for name, _ in variants:
                ready, first, value, load = one_start(paths[name])
                results[name].append((ready, first, load))
                print(f"start {i + 1} {name:10s} ready {ready:5.2f} s, first ND4J result {first:5.2f} s"
                      f" ({value}), load {load:.1f}", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("\n| variant | JVM options added | ready min / median (s) | first ND4J result min / median (s) | load |")
    print("| --- | --- | ---: | ---: | --- |")
    for name, opts in variants:
        r = results[name]
        ready, first, load = [x[0] for x in r], [x[1] for x in r], [x[2] for x in r]
        print(f"| {name} | {opts or '(none)'} | {min(ready):.2f} / {statistics.median(ready):.2f} |"
              f" {min(first):.2f} / {statistics.median(first):.2f} | {min(load):.1f}-{max(load):.1f} |")


if __name__ == "__main__":
    main()
