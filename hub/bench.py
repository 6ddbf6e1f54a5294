"""The course server's load test: N simulated students at once on a hub started for the test.

    ./nnlab hub bench --users 8

Starts `./nnlab hub start --users dummy` on free loopback ports with fresh home folders and a copy of the
course repository, then N students (hub/student.py) at the same moment: log in, start their server, get
their notebooks (nbgitpuller), write their answers into 01-rectangle's exercises, open it and run every
cell over the kernel's websocket. Prints per student: seconds to log in, to get a running server, to pull,
from opening the notebook to its first output, to run all of 01; the kernel's resident memory (now and
peak) and CPU seconds, the server's memory; failures; then the projection to --project students
(300 by default) with its assumptions. Stops the hub and every server and kernel it started.
"""
import argparse
import concurrent.futures
import os
import pathlib
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

import requests

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import student as st  # noqa: E402

ROOT = HERE.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hub:
    """A hub of dummy users on free loopback ports in a temporary folder; a context manager."""

    def __init__(self, nnlab=ROOT / "nnlab", password="nnlab-test", keep=None):
        self.nnlab, self.password = str(nnlab), password
        self.dir = pathlib.Path(keep or tempfile.mkdtemp(prefix="nnlab-hub-"))
        self.dir.mkdir(parents=True, exist_ok=True)
        self.homes, self.state, self.course = self.dir / "homes", self.dir / "state", self.dir / "course"
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = None
        self.log_path = self.dir / "hub.log"

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def start(self, timeout=300):
        env = {**os.environ, "NNLAB_HUB_PASSWORD": self.password, "NNLAB_HUB_STATE": str(self.state),
               "NNLAB_HUB_COURSE": str(self.course), "NNLAB_HUB_API_PORT": str(free_port()),
               "NNLAB_HUB_PROXY_API_PORT": str(free_port()), "NNLAB_HUB_ADMINS": ""}
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen([self.nnlab, "hub", "start", "--users", "dummy", "--homes", str(self.homes),
                                      "--ip", "127.0.0.1", "--port", str(self.port)],
                                     stdout=self.log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the hub exited with status {self.proc.returncode}:\n{self.tail()}")
            try:
                if requests.get(self.base + "/hub/api", timeout=5).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"the hub did not answer on {self.base} within {timeout} s:\n{self.tail()}")

    def tail(self, n=40):
        self.log.flush()
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])

    def stop(self, timeout=60):
        """SIGTERM to the hub's process group (JupyterHub then stops every server it spawned), SIGKILL
        after `timeout` s; returns the pids of this hub's processes still alive afterwards (none expected)."""
        if not self.proc:
            return []
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        left = self.leftovers()
        self.left_commands = {p: self._cmdline(p) for p in left}
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        self.log.close()
        self.proc = None
        subprocess.run([str(HERE / "kernel-limits"), "--cleanup"], check=False)
        return left

    def leftovers(self, wait=15):
        """pids of processes still running from this hub's folder (servers, kernels, the proxy)."""
        deadline = time.time() + wait
        while True:
            left = [p for p in self._pids_under() if p != os.getpid()]
            if not left or time.time() > deadline:
                return left
            time.sleep(0.5)

    @staticmethod
    def _cmdline(pid):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                return f.read().replace(b"\0", b" ").decode(errors="replace")[:200]
        except OSError:
            return "?"

    def _pids_under(self):
        marker = b"NNLAB_HUB_STATE=" + str(self.state).encode()
        found = []
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open(f"/proc/{pid}/environ", "rb") as f:
                    environ = f.read()
            except OSError:
                continue
            if marker in environ.split(b"\0"):
                found.append(int(pid))
        return found

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def one_student(hub, name, answers, log):
    s = st.Student(hub.base, name, hub.password, str(hub.course))
    row = {"student": name, "problems": []}
    t0 = time.perf_counter()
    try:
        s.timed("login", s.login)
        s.timed("server", s.start_server)
        s.timed("pull", s.pull)
        s.answer(answers)
        results = s.run()
        row["problems"] = st.check(results)
        row["kernel_rss"], row["kernel_peak"], row["kernel_cpu"] = s.kernel_memory()
        row["server_rss"] = s.server_memory()
    except Exception as e:  # a failure of one student is a result of the load test, not its end
        row["problems"].append(f"{type(e).__name__}: {e}")
    row.update(s.times)
    row["total"] = time.perf_counter() - t0
    try:
        s.stop()
    except Exception as e:
        row["problems"].append(f"stopping the server: {type(e).__name__}: {e}")
    log(f"  {name}: {'ok' if not row['problems'] else 'FAILED: ' + row['problems'][0]} after {row['total']:.0f} s")
    return row


def run_students(hub, n, log=print, prefix="student"):
    answers = st.solutions(ROOT / "solutions" / "notebooks" / "01-rectangle.ipynb")
    with concurrent.futures.ThreadPoolExecutor(n) as pool:
        rows = list(pool.map(lambda i: one_student(hub, f"{prefix}{i + 1:02d}", answers, log), range(n)))
    return rows


def fmt(v, spec=".1f"):
    return "-" if v is None else format(v, spec)


def report(rows, load_before, load_after, project, wall):
    cols = [("login", "login s"), ("server", "server s"), ("pull", "pull s"), ("first result", "1st result s"),
            ("run 01", "run 01 s"), ("kernel_rss", "kernel MB"), ("kernel_peak", "peak MB"),
            ("kernel_cpu", "kernel CPU s"), ("server_rss", "server MB")]
    print("| student | " + " | ".join(h for _, h in cols) + " | result |")
    print("|" + " --- |" * (len(cols) + 2))
    for r in rows:
        print(f"| {r['student']} | " + " | ".join(fmt(r.get(k), ".0f" if "MB" in h else ".1f") for k, h in cols)
              + f" | {'ok' if not r['problems'] else 'FAILED'} |")
    ok = [r for r in rows if not r["problems"]]
    print()
    for r in rows:
        for p in r["problems"][:5]:
            print(f"FAILED {r['student']}: {p}")
    n = len(rows)
    print(f"{len(ok)} of {n} students got correct outputs; {n - len(ok)} failed. Wall time {wall:.0f} s.")
    print(f"load average (1, 5, 15 min) before: {load_before}, after: {load_after}; cores: {os.cpu_count()}")
    if not ok:
        return
    med = {k: statistics.median(r[k] for r in ok if r.get(k) is not None) for k, _ in cols if all(r.get(k) is not None for r in ok)}
    print("medians: " + ", ".join(f"{h} {med[k]:.1f}" for k, h in cols if k in med))
    # projection: memory is per student held while their kernel lives; CPU is the work of running 01
    mem = max(r["kernel_peak"] for r in ok) + max(r["server_rss"] for r in ok)
    cpu = med["kernel_cpu"]
    print()
    print(f"Projection to {project} students (assumptions: each student has one running kernel at a time, as")
    print(f"measured here with 01-rectangle; memory per student = the largest kernel peak + the largest server")
    print(f"= {mem:.0f} MB; CPU per student = the median kernel CPU seconds to run 01 = {cpu:.1f} s):")
    for active, window in ((1.0, 60), (1.0, 600), (0.3, 600)):
        users = project * active
        cores = users * cpu / window
        print(f"  {active:.0%} of them run 01 within {window // 60:>2} min: {users * mem / 1024:.0f} GB of memory,"
              f" {cores:.1f} cores busy on average")
    lim = st.json.load(open(ROOT / "hub" / "limits.json"))
    print(f"  with the hard limit per kernel ({lim['kernel']['memory_limit_mb']} MB) as the worst case: "
          f"{project * lim['kernel']['memory_limit_mb'] / 1024:.0f} GB if every kernel used all of it at once")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--users", type=int, default=8, help="simulated students at once (default 8)")
    p.add_argument("--project", type=int, default=300, help="class size to project to (default 300)")
    p.add_argument("--nnlab", default=str(ROOT / "nnlab"))
    p.add_argument("--keep", help="keep the hub's folder (homes, logs) here instead of a temporary one")
    a = p.parse_args(argv)
    if a.users < 1:
        p.error(f"--users expects at least 1 student, got {a.users}")
    hub = Hub(a.nnlab, keep=a.keep)
    print(f"starting a hub on {hub.base} (folder {hub.dir})", flush=True)
    hub.start()
    try:
        load_before = " ".join(open("/proc/loadavg").read().split()[:3])
        t0 = time.perf_counter()
        print(f"{a.users} students at once: log in, start a server, pull, answer, run 01-rectangle", flush=True)
        rows = run_students(hub, a.users, log=lambda m: print(m, flush=True))
        wall = time.perf_counter() - t0
        load_after = " ".join(open("/proc/loadavg").read().split()[:3])
    finally:
        left = hub.stop()
    report(rows, load_before, load_after, a.project, wall)
    if left:
        print(f"warning: processes of the hub still running after it stopped (killed): {hub.left_commands}")
    if not a.keep:
        hub.cleanup()
    return 0 if all(not r["problems"] for r in rows) and not left else 1


if __name__ == "__main__":
    sys.exit(main())
