"""The resident memory of a notebook kernel, cell by cell:
`.venv/bin/python tools/bench/kernel_memory.py [--notebook solutions/notebooks/07-mnist.ipynb]`.

Starts the "Java (nnlab)" kernel through the Jupyter protocol (as JupyterLab does), runs the notebook's
code cells in order, and after each one prints the kernel's resident set size (VmRSS of the kernel's
process and its children, from /proc) and its peak so far (VmHWM). A cell that fails stops the run.
--lib PATH puts another build of the library (a jar or a classes folder) in place of the kernel's, and
--startup FILE another start-up script, to compare two builds on the same machine.
"""
import argparse
import json
import os
import subprocess
import sys
import time

from jupyter_client import KernelManager

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def memory_mb(pid):
    """(rss, peak) in MB of pid and its children, from /proc."""
    rss = peak = 0
    pids = [pid]
    try:
        pids += [int(c) for c in open(f"/proc/{pid}/task/{pid}/children").read().split()]
    except OSError:
        pass
    for p in pids:
        try:
            for line in open(f"/proc/{p}/status"):
                if line.startswith("VmRSS:"):
                    rss += int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    peak += int(line.split()[1])
        except OSError:
            pass
    return rss / 1024, peak / 1024


def kernel_spec_dir(explicit):
    if explicit:
        return explicit
    return os.path.join(ROOT, ".venv", "share", "jupyter", "kernels", "java-nnlab")


def patched_spec(spec_dir, lib, startup, extra_env, java_opts, tmp):
    """A copy of the kernelspec with another library build, start-up script, environment or JVM options."""
    spec = json.load(open(os.path.join(spec_dir, "kernel.json")))
    env = spec.setdefault("env", {})
    env.update(dict(kv.split("=", 1) for kv in extra_env))
    at = spec["argv"].index("--add-opens") if "--add-opens" in spec["argv"] else 1
    spec["argv"][at:at] = java_opts   # after the kernel's own options, so that they override them
    if lib:
        cp = env["JJAVA_CLASSPATH"].split(":")
        env["JJAVA_CLASSPATH"] = ":".join(lib if "nnlab-lib" in c else c for c in cp)
    if startup:
        env["JJAVA_STARTUP_SCRIPTS_PATH"] = os.path.abspath(startup)
    kdir = os.path.join(tmp, "kernels", "java-nnlab-memory")
    os.makedirs(kdir, exist_ok=True)
    json.dump(spec, open(os.path.join(kdir, "kernel.json"), "w"))
    return os.path.join(tmp, "kernels")


def run_cell(kc, code, timeout):
    msg_id = kc.execute(code, store_history=True)
    error = None
    deadline = time.time() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "error":
            error = msg["content"]["ename"] + ": " + msg["content"]["evalue"]
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return error


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--notebook", default=os.path.join(ROOT, "solutions", "notebooks", "07-mnist.ipynb"))
    p.add_argument("--kernel-dir", default=None, help="the kernelspec folder (default: the project's .venv)")
    p.add_argument("--lib", default=None, help="a library jar or classes folder in place of the kernel's")
    p.add_argument("--startup", default=None, help="a start-up script in place of the kernel's")
    p.add_argument("--env", action="append", default=[], help="KEY=VALUE for the kernel's environment (repeatable)")
    p.add_argument("--java-opt", action="append", default=[], help="an extra JVM option for the kernel (repeatable), after the kernel's own: "
                   "-XX:TrimNativeHeapInterval=0 turns the kernel's trimming of the C heap off")
    p.add_argument("--timeout", type=float, default=1800, help="seconds per cell")
    a = p.parse_args()

    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        kernels = patched_spec(kernel_spec_dir(a.kernel_dir), a.lib, a.startup, a.env, a.java_opt, tmp)
        os.environ["JUPYTER_PATH"] = os.path.dirname(kernels)
        km = KernelManager(kernel_name="java-nnlab-memory")
        km.kernel_spec_manager.kernel_dirs = [kernels]
        km.start_kernel(cwd=os.path.dirname(os.path.abspath(a.notebook)))
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=180)
            pid = km.provisioner.process.pid
            cells = [c for c in json.load(open(a.notebook))["cells"] if c["cell_type"] == "code"]
            print(f"{'cell':>4}  {'RSS MB':>7}  {'peak MB':>7}  {'s':>6}  first line", flush=True)
            for i, cell in enumerate(cells, 1):
                code = "".join(cell["source"])
                start = time.time()
                error = run_cell(kc, code, a.timeout)
                rss, peak = memory_mb(pid)
                first = next((l for l in code.splitlines() if l.strip() and not l.strip().startswith("//")), "")
                print(f"{i:>4}  {rss:7.0f}  {peak:7.0f}  {time.time() - start:6.1f}  {first[:70]}", flush=True)
                if error:
                    print(f"cell {i} failed: {error}", flush=True)
                    return 1
            heap = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True).stdout
            print("the kernel's Java heap (jcmd GC.heap_info):\n" + heap.strip(), flush=True)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
