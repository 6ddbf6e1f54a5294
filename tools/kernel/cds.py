"""Creates the class-data-sharing archive (AppCDS) that makes the "Java (nnlab)" kernel start faster.

    .venv/bin/python tools/kernel/cds.py --archive build/kernel/kernel.jsa

Starts the installed kernelspec once with -XX:ArchiveClassesAtExit=ARCHIVE (in a private JUPYTER_PATH,
the installed one is not touched), runs the cells a notebook's first minute runs (the start-up imports,
a first ND4J result, a layer's forward and backward, a table and a figure), then shuts the kernel down
politely so that the JVM exits normally and writes the archive of every class it loaded: JShell's and
javac's (the bulk of a kernel start), JJava's, ND4J's and the library's. The kernel then maps these
classes from the archive instead of reading, verifying and parsing them from jars at every start.

An archive belongs to one JVM and one class path; ./nnlab setup makes a new one when either changes
and passes it to the kernel with -XX:SharedArchiveFile. A JVM that cannot use an archive (another Java,
a changed jar) starts as before, only without the saving. Measured in docs/performance.md.
"""
import argparse
import os
import shutil
import signal
import sys
import tempfile
import time

from jupyter_client import KernelManager

import kernelspec   # beside this file

KERNEL = "java-nnlab"

# What a notebook's first cells load: keep in step with tools/kernel/startup.jshell and the notebooks.
WARM_UP = [
    "Nd4j.ones(2, 2).sumNumber()",
    "var net = Sequential.of(new Linear(9, 2, Init.glorotUniform(1)), new Sigmoid(), new Linear(2, 1, Init.glorotUniform(2)), new Sigmoid());\n"
    "var loss = new SquaredError();\n"
    "INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 9);\n"
    "loss.forward(net.forward(x), Nd4j.zeros(DataType.DOUBLE, 4, 1));\n"
    "net.backward(loss.backward());\n"
    "net.summary(9)",
    "Tables.summary(net, 9)",
    "Plots.probabilities(new double[] {0.1, 0.2, 0.7})",
]


def run(cell, kc, timeout):
    """Executes one cell; returns the error text or None."""
    msg_id = kc.execute(cell)
    error = None
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "error":
            error = msg["content"].get("ename", "") + ": " + msg["content"].get("evalue", "")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return error


def stop(km, timeout):
    """Ends the kernel so that its JVM exits normally (and so writes the archive), never by SIGKILL.

    JJava answers a shutdown request, but its idle execution thread keeps the JVM alive for another
    minute; SIGTERM then runs the JVM's normal exit, which writes the archive."""
    km.request_shutdown()
    deadline = time.time() + 1
    while km.is_alive() and time.time() < deadline:
        time.sleep(0.1)
    if km.is_alive():
        km.signal_kernel(signal.SIGTERM)
    deadline = time.time() + timeout
    while km.is_alive() and time.time() < deadline:
        time.sleep(0.1)
    km.cleanup_resources()


def create(archive, timeout=300):
    archive = os.path.abspath(archive)
    os.makedirs(os.path.dirname(archive), exist_ok=True)
    partial = archive + ".partial"
    for f in (archive, partial):
        if os.path.exists(f):
            os.remove(f)
    tmp = tempfile.mkdtemp(prefix="nnlab-cds-")
    try:
        # without the archive the spec already uses: a JVM dumps a new one only from the jars
        os.environ["JUPYTER_PATH"] = kernelspec.copy_installed(
            tmp, add=["-XX:ArchiveClassesAtExit=" + partial, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"],
            drop=["-XX:SharedArchiveFile="], name=KERNEL)
        km = KernelManager(kernel_name=KERNEL)
        t0 = time.perf_counter()
        with open(archive + ".kernel.log", "w") as log:
            km.start_kernel(stdout=log, stderr=log)
            kc = km.client()
            kc.start_channels()
            try:
                kc.wait_for_ready(timeout=timeout)
                print(f"kernel ready after {time.perf_counter() - t0:.1f} s", flush=True)
                for cell in WARM_UP:
                    error = run(cell, kc, timeout)
                    if error:
                        raise RuntimeError(f"the warm-up cell failed: {error}\n{cell}")
                print(f"warm-up cells run after {time.perf_counter() - t0:.1f} s", flush=True)
            finally:
                kc.stop_channels()
                stop(km, timeout)
        print(f"kernel exited after {time.perf_counter() - t0:.1f} s", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if not os.path.exists(partial) or os.path.getsize(partial) == 0:
        sys.exit(f"cds.py: expected the kernel to write {partial} when it shut down, but it did not"
                 f" (the kernel's output is in {archive}.kernel.log).\n"
                 "Hint: the kernel still starts without it, about 0.5 s slower; run ./nnlab setup again to retry.")
    os.replace(partial, archive)
    return archive


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--archive", required=True, help="where to write the archive (.jsa)")
    p.add_argument("--timeout", type=int, default=300, help="seconds for the kernel to start and each cell")
    a = p.parse_args(argv)
    t0 = time.perf_counter()
    path = create(a.archive, a.timeout)
    print(f"{path}: {os.path.getsize(path) / 1e6:.0f} MB in {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
