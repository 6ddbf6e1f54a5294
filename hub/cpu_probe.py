"""What limits a kernel's CPU on this machine: the course kernel and the plain one run the same cell,
two Java threads spinning for SECONDS (a student's parallel stream or two ND4J threads), and this prints
the cores each used (CPU seconds / wall seconds, from /proc) and the cgroup's throttling.

    .venv/bin/python hub/cpu_probe.py [--seconds 10] [--cpus 0.25]     (./nnlab hub bench --cpu-probe ...)
"""
import argparse
import json
import os
import pathlib
import subprocess
import tempfile
import sys
import time

from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hub"))
SPIN = """
long until = System.nanoTime() + {ms}L * 1_000_000L;
Runnable spin = () -> {{ double x = 0; while (System.nanoTime() < until) x += Math.sqrt(x + 1); }};
Thread t1 = new Thread(spin), t2 = new Thread(spin);
t1.start(); t2.start(); t1.join(); t2.join();
"spun"
"""


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(kernel_dirs, seconds, label):
    km = KernelManager(kernel_name="java-nnlab", kernel_spec_manager=KernelSpecManager(kernel_dirs=kernel_dirs))
    log = tempfile.NamedTemporaryFile("w+", suffix=".log")
    km.start_kernel(stdout=log, stderr=subprocess.STDOUT)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=300)
        pid = km.provisioner.process.pid
        quiet = lambda msg: None
        kc.execute_interactive("1 + 1", timeout=300, output_hook=quiet)
        c0, t0 = cpu_seconds(pid), time.perf_counter()
        kc.execute_interactive(SPIN.format(ms=int(seconds * 1000)), timeout=seconds * 10 + 60, output_hook=quiet)
        cores = (cpu_seconds(pid) - c0) / (time.perf_counter() - t0)
        cgroup = open(f"/proc/{pid}/cgroup").read()
        throttled = ""
        for line in cgroup.splitlines():
            h, ctl, path = line.split(":", 2)
            if "nnlab-kernel" in path and ctl in ("cpu", "cpu,cpuacct", ""):
                stat = pathlib.Path(f"/sys/fs/cgroup/{'cpu' if ctl else ''}{path}/cpu.stat").read_text()
                throttled = " ".join(stat.split()[:6])
        log.seek(0)
        said = [l.strip() for l in log if l.startswith("kernel-limits:")]
        print(f"{label}: {cores:.2f} cores while 2 threads spun for {seconds:.0f} s"
              f"{'; ' + said[0] if said else ''}{'; cpu.stat ' + throttled if throttled else ''}", flush=True)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seconds", type=float, default=10)
    p.add_argument("--cpus", type=float, default=None,
                   help="also run a course kernel with this CPU limit (e.g. 0.25: below what a loaded machine gives it)")
    a = p.parse_args(argv)
    print(f"load average before: {' '.join(open('/proc/loadavg').read().split()[:3])}; cores: {os.cpu_count()}")
    limits = json.loads((ROOT / "hub/limits.json").read_text())
    run([str(ROOT / "build/hub/share/jupyter/kernels")], a.seconds, f"course kernel (limit {limits['kernel']['cpus']} core)")
    if a.cpus:
        import course_kernelspec
        share = pathlib.Path(tempfile.mkdtemp(prefix="nnlab-cpu-probe-"))
        limits["kernel"]["cpus"] = a.cpus
        course_kernelspec.write(share, limits)
        try:
            run([str(share / "kernels")], a.seconds, f"course kernel with a limit of {a.cpus} core")
        finally:
            subprocess.run(["chmod", "-R", "u+w", str(share)])
            subprocess.run(["rm", "-rf", str(share)])
    venv_kernels = ROOT / ".venv/share/jupyter/kernels"
    run([str(venv_kernels)], a.seconds, "plain kernel (./nnlab lab's, no limit)")


if __name__ == "__main__":
    main()
