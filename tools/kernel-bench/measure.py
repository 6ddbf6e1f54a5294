#!/usr/bin/env python3
"""Measure a Jupyter Java kernel (JJava or rapaio) for the nnlab notebooks.

Usage (from the repository root):

    .venv/bin/python tools/kernel-bench/measure.py --kernel jjava  --starts 30 --classpath-file build/kernel/classpath.txt
    .venv/bin/python tools/kernel-bench/measure.py --kernel rapaio --starts 30 --classpath-file build/kernel/classpath.txt \
        --rapaio-jar /tmp/kb/rapaio/rapaio-jupyter-kernel-3.0.1.jar

The script installs a temporary kernelspec into a private JUPYTER_PATH directory
(the user's kernels are not touched), then runs:

  starts    N cold starts with the full classpath (+ -ea + a start-up script with imports):
            start kernel -> wait_for_ready -> `System.out.println(1+1)` -> expect "2".
            Every failure keeps the kernel's stdout/stderr and the iopub messages in --out.
  interrupt `while (true) {}`, interrupt_kernel() after ~3 s, then `System.out.println("alive")`.
  features  first ND4J use, display/updateDisplay, PNG image, bare expression, error output
            (runtime exception + compile error), assert with -ea, start-up script, custom renderer.
  noea      a kernel without -ea: does `assert false` raise?

Results are written as JSON to <out>/<kernel>/results.json and summarised on stdout.
"""
import argparse
import json
import os
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import traceback

STARTUP_TIMEOUT = 180.0  # seconds, for a kernel to become ready and answer its first cell

DEFAULT_JJAVA_DIR = os.path.join(sys.prefix, "share", "jupyter", "kernels", "java")
DEFAULT_RAPAIO_JAR = "/tmp/kb/rapaio/rapaio-jupyter-kernel-3.0.1.jar"

STARTUP_SCRIPT = """\
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;
"""


# --------------------------------------------------------------------------- kernelspec

def read_classpath(path):
    with open(path) as f:
        text = f.read().strip()
    entries = [e for e in text.split(":") if e.strip()]
    missing = [e for e in entries if not os.path.exists(e)]
    if missing:
        raise SystemExit(f"classpath entries missing: {missing[:5]} ...")
    return entries


def make_kernelspec(kind, name, root, classpath, jvm_opts, startup_script, args):
    """Write <root>/kernels/<name>/kernel.json (+ jars + startup script); return the spec dict."""
    kdir = os.path.join(root, "kernels", name)
    os.makedirs(kdir, exist_ok=True)
    env = {}
    if kind == "jjava":
        for f in ("jjava.jar", "jjava-launcher.jar"):
            shutil.copy(os.path.join(args.jjava_dir, f), kdir)
        argv = ["java", "-jar", "{resource_dir}/jjava-launcher.jar",
                "{resource_dir}/jjava.jar", "{connection_file}"]
        env["JJAVA_CLASSPATH"] = ":".join(classpath)          # File.pathSeparator, globs allowed
        env["JJAVA_JVM_OPTS"] = " ".join(jvm_opts)            # split on whitespace by the launcher
        if startup_script:
            p = os.path.join(kdir, "startup.jshell")
            with open(p, "w") as f:
                f.write(startup_script)
            env["JJAVA_STARTUP_SCRIPTS_PATH"] = p
    elif kind == "rapaio":
        shutil.copy(args.rapaio_jar, os.path.join(kdir, "rapaio-jupyter-kernel.jar"))
        argv = ["java", *jvm_opts, "-jar", "{resource_dir}/rapaio-jupyter-kernel.jar",
                "{connection_file}"]
        env["RJK_CLASSPATH"] = ";".join(classpath)            # ';'-separated, globs allowed
        env["RJK_COMPILER_OPTIONS"] = ""
        env["RJK_TIMEOUT_MILLIS"] = "-1"
        if startup_script:
            p = os.path.join(kdir, "startup.jshell")
            with open(p, "w") as f:
                f.write(startup_script)
            env["RJK_INIT_SCRIPT"] = p
    else:
        raise ValueError(kind)
    spec = {"argv": argv, "display_name": f"bench {name}", "language": "java",
            "interrupt_mode": "message", "env": env, "metadata": {}}
    with open(os.path.join(kdir, "kernel.json"), "w") as f:
        json.dump(spec, f, indent=2)
    return spec


# --------------------------------------------------------------------------- kernel helpers

def load_avg():
    with open("/proc/loadavg") as f:
        return f.read().split()[:3]


class Session:
    """One kernel process + blocking client, with logs."""

    def __init__(self, name, logpath):
        from jupyter_client import KernelManager
        self.logpath = logpath
        self.logf = open(logpath, "w")
        self.km = KernelManager(kernel_name=name)
        self.kc = None
        self.pgid = None
        self.t0 = None

    def start(self, timeout=STARTUP_TIMEOUT):
        """Start the kernel and wait until it answers kernel_info. Returns seconds to ready."""
        self.t0 = time.monotonic()
        self.km.start_kernel(stdout=self.logf, stderr=subprocess.STDOUT)
        try:
            self.pgid = self.km.provisioner.pgid
        except Exception:
            self.pgid = None
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=timeout)   # raises RuntimeError on timeout / death
        return time.monotonic() - self.t0

    def elapsed(self):
        return time.monotonic() - self.t0

    def run(self, code, timeout, collect_after_idle=0.0):
        """Execute code; return dict(status, stdout, stderr, msgs, reply, seconds, timed_out)."""
        kc = self.kc
        t = time.monotonic()
        msg_id = kc.execute(code, store_history=True, allow_stdin=False)
        return self.collect(msg_id, t, timeout)

    def collect(self, msg_id, t, timeout):
        kc = self.kc
        out = {"msgs": [], "stdout": "", "stderr": "", "reply": None, "timed_out": False,
               "died": False}
        deadline = t + timeout
        idle = False
        while time.monotonic() < deadline:
            try:
                m = kc.get_iopub_msg(timeout=1.0)
            except queue.Empty:
                if not self.km.is_alive():
                    out["died"] = True
                    break
                continue
            if m.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            mt = m["msg_type"]
            out["msgs"].append({"msg_type": mt, "content": m["content"],
                                "t": round(time.monotonic() - t, 3)})
            if mt == "stream":
                out[m["content"]["name"]] += m["content"]["text"]
            if mt == "status" and m["content"]["execution_state"] == "idle":
                idle = True
                break
        if idle:
            try:
                while True:
                    r = kc.get_shell_msg(timeout=max(1.0, deadline - time.monotonic()))
                    if r.get("parent_header", {}).get("msg_id") == msg_id:
                        out["reply"] = r["content"]
                        break
            except queue.Empty:
                pass
        else:
            out["timed_out"] = not out["died"]
        out["seconds"] = round(time.monotonic() - t, 3)
        out["status"] = (out["reply"] or {}).get("status")
        return out

    def stop(self):
        try:
            if self.kc:
                self.kc.stop_channels()
        except Exception:
            pass
        try:
            if self.km.has_kernel:
                self.km.shutdown_kernel(now=False)
        except Exception:
            try:
                self.km.shutdown_kernel(now=True)
            except Exception:
                pass
        # JJava's launcher forks a second JVM; make sure nothing of this kernel's
        # process group (started by us, id recorded at start) survives.
        if self.pgid:
            try:
                os.killpg(self.pgid, signal.SIGKILL)
            except OSError:
                pass
        try:
            self.km.cleanup_resources()
        except Exception:
            pass
        self.logf.close()


def outputs_of(r, types):
    return [m for m in r["msgs"] if m["msg_type"] in types]


def short(r, n=600):
    """Compact, JSON-friendly view of a cell run for the results file."""
    keep = []
    for m in r["msgs"]:
        if m["msg_type"] in ("status", "execute_input"):
            continue
        c = dict(m["content"])
        if "data" in c:
            c["data"] = {k: (v[:n] if isinstance(v, str) else v) for k, v in c["data"].items()}
            if "image/png" in c["data"]:
                c["data"]["image/png"] = f"<{len(m['content']['data']['image/png'])} base64 chars>"
        if "traceback" in c:
            c["traceback"] = [re.sub(r"\x1b\[[0-9;]*m", "", x)[:n] for x in c["traceback"]][:6]
        keep.append({"msg_type": m["msg_type"], "content": c})
    return {"status": r["status"], "seconds": r["seconds"], "timed_out": r["timed_out"],
            "died": r["died"], "stdout": r["stdout"][:n], "stderr": r["stderr"][:n],
            "iopub": keep}


# --------------------------------------------------------------------------- measurements

def cold_starts(name, n, outdir, budget=None):
    results = []
    t_begin = time.monotonic()
    for i in range(1, n + 1):
        if budget and time.monotonic() - t_begin > budget:
            print(f"  time budget of {budget} s used up after {i - 1} starts", flush=True)
            break
        log = os.path.join(outdir, f"start-{i:02d}.log")
        s = Session(name, log)
        rec = {"i": i, "load": load_avg(), "ok": False}
        try:
            try:
                rec["ready_s"] = round(s.start(STARTUP_TIMEOUT), 3)
            except Exception as e:  # timeout or kernel died before ready
                rec["error"] = f"not ready: {type(e).__name__}: {e}"
                raise
            remaining = STARTUP_TIMEOUT - s.elapsed()
            r = s.run("System.out.println(1+1)", timeout=max(remaining, 1.0))
            rec["first_result_s"] = round(s.elapsed(), 3)
            rec["cell"] = short(r)
            if r["timed_out"]:
                rec["error"] = "no answer to first cell within 180 s of start"
            elif r["died"]:
                rec["error"] = "kernel died during first cell"
            elif r["stdout"].strip() != "2":
                rec["error"] = f"wrong output {r['stdout']!r} status={r['status']}"
            else:
                rec["ok"] = True
        except Exception as e:
            rec.setdefault("error", f"{type(e).__name__}: {e}")
        finally:
            rec["alive_at_end"] = bool(s.km.has_kernel and s.km.is_alive())
            s.stop()
        if rec["ok"]:
            os.remove(log)
        else:
            with open(os.path.join(outdir, f"start-{i:02d}.json"), "w") as f:
                json.dump(rec, f, indent=2)
        results.append(rec)
        print(f"  start {i:2d}: {'ok  ' if rec['ok'] else 'FAIL'} "
              f"ready={rec.get('ready_s')} first={rec.get('first_result_s')} "
              f"load={rec['load'][0]} {rec.get('error', '')}", flush=True)
    return results


def interrupts(name, reps, outdir):
    res = []
    s = None
    for i in range(1, reps + 1):
        rec = {"i": i, "ok": False}
        try:
            if s is None:
                s = Session(name, os.path.join(outdir, f"interrupt-session-{i}.log"))
                s.start()
            t = time.monotonic()
            msg_id = s.kc.execute("while (true) {}")
            time.sleep(3.0)
            s.km.interrupt_kernel()
            loop = s.collect(msg_id, t, 3.0 + 20.0)   # 20 s after the interrupt
            rec["loop_reply"] = loop["status"]
            rec["loop_ended_s_after_interrupt"] = round(loop["seconds"] - 3.0, 3)
            rec["loop_iopub"] = short(loop)["iopub"]
            alive = s.run('System.out.println("alive")', timeout=20.0)
            rec["alive_stdout"] = alive["stdout"]
            rec["ok"] = (not loop["timed_out"]) and alive["stdout"].strip() == "alive"
        except Exception as e:
            rec["error"] = f"{type(e).__name__}: {e}"
        if not rec["ok"] and s is not None:
            s.stop()       # give the next repetition a fresh kernel
            s = None
        res.append(rec)
        print(f"  interrupt {i}: {'ok' if rec['ok'] else 'FAIL'} loop_reply={rec.get('loop_reply')} "
              f"alive={rec.get('alive_stdout', '').strip()!r} {rec.get('error', '')}", flush=True)
    if s is not None:
        s.stop()
    return res


def feature_cells(kind):
    """Kernel-specific code for the feature checks."""
    image = ("var img = new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);\n"
             "img.setRGB(1, 1, 0xff0000);\n"
             "display(img);")
    if kind == "jjava":
        return {
            "display": 'String did = display("<b>v1</b>", "text/html");\nSystem.out.println("id=" + did);',
            "update": 'updateDisplay(did, "<b>v2</b>", "text/html");',
            "image": image,
            "renderer": (
                "class Foo {}\n"
                "kernel().getRenderer().createRegistration(Foo.class)\n"
                "    .preferring(\"text/html\").supporting(\"text/html\")\n"
                "    .register((f, ctx) -> ctx.renderIfRequested(\n"
                "        org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML, () -> \"<i>foo</i>\"));\n"
                "new Foo()"),
        }
    return {
        "display": 'String did = display("text/html", "<b>v1</b>");\nSystem.out.println("id=" + did);',
        "update": 'updateDisplay(did, "text/html", "<b>v2</b>");',
        "image": image,
        # rapaio has no runtime registration API: renderers come from a ServiceLoader
        # (org.rapaio.jupyter.kernel.display.spi.DisplayProvider in META-INF/services).
        # A cell can still hand over ready-made DisplayData:
        "renderer": ("display(org.rapaio.jupyter.kernel.display.DisplayData.fromHtml(\"<i>foo</i>\"));\n"
                     "System.out.println(org.rapaio.jupyter.kernel.global.Global.displaySystem().getClass().getName());"),
    }


def features(kind, name, outdir):
    res = {}
    cells = feature_cells(kind)
    s = Session(name, os.path.join(outdir, "features.log"))
    try:
        res["ready_s"] = round(s.start(), 3)
        res["load"] = load_avg()
        # 5. first ND4J use (first cell of a fresh kernel)
        r = s.run("System.out.println(org.nd4j.linalg.factory.Nd4j.ones(2,2)"
                  ".mmul(org.nd4j.linalg.factory.Nd4j.ones(2,2)));", timeout=300)
        nums = re.findall(r"-?\d+(?:\.\d+)?", r["stdout"])
        res["nd4j_first"] = {**short(r, 2000),
                             "correct": len(nums) == 4 and all(float(x) == 2.0 for x in nums)}
        r = s.run("System.out.println(org.nd4j.linalg.factory.Nd4j.ones(2,2)"
                  ".mmul(org.nd4j.linalg.factory.Nd4j.ones(2,2)));", timeout=60)
        res["nd4j_second_s"] = r["seconds"]
        # 7a. start-up script imports visible? (Nd4j / INDArray imported only by the script)
        r = s.run("INDArray a = Nd4j.zeros(1, 3);\nSystem.out.println(a.length());", timeout=60)
        res["startup_script"] = {**short(r), "ok": r["stdout"].strip() == "3"}
        # 8a. bare final expression
        r = s.run("int q = 40;\nq + 2", timeout=60)
        res["bare_expression"] = short(r)
        # 3. display + update
        r1 = s.run(cells["display"], timeout=60)
        r2 = s.run(cells["update"], timeout=60)
        d = outputs_of(r1, ("display_data",))
        u = outputs_of(r2, ("update_display_data",))
        did = d[0]["content"].get("transient", {}).get("display_id") if d else None
        uid = u[0]["content"].get("transient", {}).get("display_id") if u else None
        res["display"] = {"display": short(r1), "update": short(r2),
                          "ok": bool(d and u and did and did == uid)}
        # 4. image
        r = s.run(cells["image"], timeout=60)
        imgs = [m for m in outputs_of(r, ("display_data", "execute_result"))
                if "image/png" in m["content"].get("data", {})]
        res["image"] = {**short(r), "ok": bool(imgs)}
        # 6. assert (this kernel runs with -ea)
        r = s.run('assert false : "x";', timeout=60)
        res["assert_with_ea"] = {**short(r), "raised": bool(outputs_of(r, ("error",))) or r["status"] == "error"}
        # 7b. error output: runtime exception and compile error
        r = s.run('throw new IllegalStateException("boom");', timeout=60)
        e = outputs_of(r, ("error",))
        res["error_runtime"] = {**short(r), "iopub_error": bool(e),
                                "has_fields": bool(e and all(k in e[0]["content"] for k in ("ename", "evalue", "traceback")))}
        r = s.run('int z = "not an int";', timeout=60)
        e = outputs_of(r, ("error",))
        res["error_compile"] = {**short(r), "iopub_error": bool(e),
                                "has_fields": bool(e and all(k in e[0]["content"] for k in ("ename", "evalue", "traceback")))}
        r = s.run("System.out.println(\"after error\");", timeout=60)
        res["after_error"] = r["stdout"].strip()
        # stderr
        r = s.run('System.err.println("to-stderr");', timeout=60)
        res["stderr_stream"] = short(r)
        # 8b. custom renderer
        r = s.run(cells["renderer"], timeout=60)
        res["renderer"] = short(r)
    except Exception as e:
        res["exception"] = f"{type(e).__name__}: {e}\n{traceback.format_exc()}"
    finally:
        s.stop()
    return res


def noea(name, outdir):
    s = Session(name, os.path.join(outdir, "noea.log"))
    try:
        s.start()
        r = s.run('assert false : "x";\nSystem.out.println("no-assert");', timeout=60)
        return {**short(r), "raised": bool(outputs_of(r, ("error",))) or r["status"] == "error"}
    except Exception as e:
        return {"exception": f"{type(e).__name__}: {e}"}
    finally:
        s.stop()


def summarize(starts):
    ok = [r for r in starts if r["ok"]]
    times = sorted(r["first_result_s"] for r in ok)
    ready = sorted(r["ready_s"] for r in ok)
    loads = [float(r["load"][0]) for r in starts]
    out = {"n": len(starts), "ok": len(ok), "failed": len(starts) - len(ok),
           "failures": [{"i": r["i"], "error": r.get("error")} for r in starts if not r["ok"]]}
    if times:
        out.update(first_result_min=times[0], first_result_median=round(statistics.median(times), 3),
                   first_result_max=times[-1], ready_median=round(statistics.median(ready), 3))
    if loads:
        out.update(load1_min=min(loads), load1_max=max(loads))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kernel", choices=["jjava", "rapaio"], required=True)
    ap.add_argument("--starts", type=int, default=30)
    ap.add_argument("--interrupts", type=int, default=5)
    ap.add_argument("--classpath-file", required=True)
    ap.add_argument("--jjava-dir", default=DEFAULT_JJAVA_DIR)
    ap.add_argument("--rapaio-jar", default=DEFAULT_RAPAIO_JAR)
    ap.add_argument("--out", default="/tmp/kb/results")
    ap.add_argument("--time-budget", type=float, default=None,
                    help="stop launching new cold starts after this many seconds (reported)")
    ap.add_argument("--skip", default="", help="comma list of: starts,interrupt,features,noea")
    ap.add_argument("--jvm-opts", default="-ea",
                    help="JVM options of the measured kernel (whitespace-separated), default -ea")
    ap.add_argument("--startup-script", default=None,
                    help="file with the start-up snippets (default: imports of Nd4j and INDArray)")
    ap.add_argument("--no-startup-script", action="store_true",
                    help="cold starts without the start-up script (classpath + -ea only)")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))

    classpath = read_classpath(args.classpath_file)
    outdir = os.path.join(args.out, args.kernel)
    os.makedirs(outdir, exist_ok=True)

    jpath = tempfile.mkdtemp(prefix="kb-jupyter-")
    os.environ["JUPYTER_PATH"] = jpath   # private kernelspec dir, read by KernelSpecManager
    name = f"kb-{args.kernel}"
    script = STARTUP_SCRIPT
    if args.startup_script:
        with open(args.startup_script) as f:
            script = f.read()
    jvm_opts = args.jvm_opts.split()
    spec = make_kernelspec(args.kernel, name, jpath, classpath, jvm_opts,
                           None if args.no_startup_script else script, args)
    spec_noea = make_kernelspec(args.kernel, name + "-noea", jpath, classpath,
                                [o for o in jvm_opts if o not in ("-ea", "-enableassertions")], script, args)

    java_version = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    results = {"kernel": args.kernel, "classpath_jars": len(classpath), "java": java_version,
               "kernelspec": spec, "started": time.strftime("%Y-%m-%d %H:%M:%S"),
               "load_before": load_avg(), "nproc": os.cpu_count()}
    print(f"{args.kernel}: {len(classpath)} jars, {java_version}, load {results['load_before']}", flush=True)
    try:
        if "starts" not in skip and args.starts > 0:
            print(f"cold starts x{args.starts}", flush=True)
            results["starts"] = cold_starts(name, args.starts, outdir, args.time_budget)
            results["starts_summary"] = summarize(results["starts"])
        if "interrupt" not in skip:
            print("interrupts", flush=True)
            results["interrupts"] = interrupts(name, args.interrupts, outdir)
        if "features" not in skip:
            print("features", flush=True)
            results["features"] = features(args.kernel, name, outdir)
        if "noea" not in skip:
            print("assert without -ea", flush=True)
            results["noea"] = noea(name + "-noea", outdir)
    finally:
        results["load_after"] = load_avg()
        results["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
        with open(os.path.join(outdir, "results.json"), "w") as f:
            json.dump(results, f, indent=2)
        shutil.rmtree(jpath, ignore_errors=True)
    if "starts_summary" in results:
        print(json.dumps(results["starts_summary"], indent=2))
    if "interrupts" in results:
        print("interrupts ok:", sum(r["ok"] for r in results["interrupts"]), "/", len(results["interrupts"]))
    print("results:", os.path.join(outdir, "results.json"))


if __name__ == "__main__":
    main()
