"""nnlab vs numpy-from-scratch vs PyTorch on the slides' MNIST MLP (and CNN), in one run: `./nnlab bench compare`.

Runs, one after the other and interleaved by thread count so that the machine's load hits all alike:
  nnlab    org.nnlab.bench.MnistBenchmark (float32), OMP_NUM_THREADS = t, GOMP_SPINCOUNT=10000 (as ./nnlab bench sets)
  nnlab@REV  with --before REV: the same benchmark built from git revision REV (exported with git archive
           into build/bench/rev-SHA and built there with Maven, once per revision), run right before the
           working tree's for each model and thread count, so that before/after share the machine and hour
  numpy    tools/bench/mlp_numpy.py with the project's venv, OPENBLAS_NUM_THREADS = OMP_NUM_THREADS = t
  pytorch  tools/bench/mnist_torch.py with --torch-python (default $NNLAB_BENCH_PYTHON or
           build/bench-venv/bin/python) when it can import torch, torch.set_num_threads(t)
for each t of --threads, then the CNN (nnlab and PyTorch) on --cnn-train-limit images per epoch.
Prints a Markdown table (seconds per epoch min / median and of the first epoch, test accuracy, GFLOPS
and % of peak, load average), the environment of each, and the ratios nnlab / best baseline (and, with --before,
nnlab / nnlab@REV). Writes the table also to --out (default build/bench/compare.md) and the raw results to
compare.json beside it.
"""
import argparse
import glob
import json
import os
import shlex
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


# OpenMP threads spin this many turns before they sleep (libgomp; nnlab's and PyTorch's threads), as ./nnlab bench sets
SPIN = os.environ.get("GOMP_SPINCOUNT", "10000")


def run(name, cmd, env_extra, log):
    env = dict(os.environ, **env_extra)
    shown = ["<classpath>" if len(c) > 300 else c for c in cmd]
    print(f"--- {name}: {' '.join(shown)}  "
          f"[{' '.join(f'{k}={v}' for k, v in env_extra.items())}]", flush=True)
    start = time.time()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    result = None
    for line in proc.stdout:
        log.write(line)
        if line.startswith("json "):
            result = json.loads(line[5:])
        elif line.startswith("epoch") or line.startswith("  epoch") or "error" in line.lower():
            print("    " + line.rstrip(), flush=True)
    proc.wait()
    if result is None:
        print(f"    {name} failed (exit {proc.returncode}); see the log", flush=True)
        return None
    result["name"] = name
    result["threads"] = env_extra.get("OMP_NUM_THREADS", "default")
    result["wall"] = time.time() - start
    return result


def revision_sha(rev):
    """The full commit id of `rev` in the project's repository; exits with a message when it is not one."""
    r = subprocess.run(["git", "-C", ROOT, "rev-parse", "--verify", "--quiet", rev + "^{commit}"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"compare: --before expects a git revision of {ROOT} (e.g. HEAD~1, main, a commit id), got {rev!r}.\n"
                 f"Hint: git log --oneline lists the commits.")
    return r.stdout.strip()


def benchmark_module(tree):
    """Where a source tree keeps MnistBenchmark: its own module (bench) or, in older trees, the library (lib)."""
    return "bench" if os.path.exists(os.path.join(tree, "bench", "pom.xml")) else "lib"


def classpath_of_build(tree, module):
    """The class path that runs MnistBenchmark in a built tree: the module's jar, then its dependencies
    (the reactor's other jars included) as Maven listed them in cp.txt."""
    jars = [j for j in glob.glob(os.path.join(tree, module, "target", f"nnlab-{module}-*.jar")) if "-sources" not in j]
    with open(os.path.join(tree, "cp.txt")) as f:
        deps = f.read().strip()
    return os.pathsep.join(jars + [deps])


def build_revision(rev, maven):
    """The class path of MnistBenchmark built from git revision `rev`, exported (git archive: no worktree, no
    change to the repository) into build/bench/rev-SHA and built once; later runs reuse it."""
    sha = revision_sha(rev)
    tree = os.path.join(ROOT, "build", "bench", f"rev-{sha[:12]}")
    done = os.path.join(tree, "cp.txt")
    if not os.path.exists(done):
        print(f"--- building nnlab@{sha[:12]} ({rev}) in {tree} (once; a few minutes)", flush=True)
        os.makedirs(tree, exist_ok=True)
        with tempfile.TemporaryFile() as archive:
            subprocess.run(["git", "-C", ROOT, "archive", "--format=tar", sha], stdout=archive, check=True)
            archive.seek(0)
            with tarfile.open(fileobj=archive) as t:
                t.extractall(tree)
        module = benchmark_module(tree)
        # package, not install: the local repository's nnlab snapshots stay the working tree's
        cmd = shlex.split(maven) + ["-q", "-pl", module, "-am", "package", "dependency:build-classpath", "-DskipTests",
                                    "-DincludeScope=runtime", f"-Dmdep.outputFile={done}.part"]
        r = subprocess.run(cmd, cwd=tree)
        if r.returncode != 0:
            sys.exit(f"compare: building {rev} failed (exit {r.returncode}; the output is above); the tree is {tree}.")
        os.replace(done + ".part", done)
    return f"nnlab@{sha[:7]}", classpath_of_build(tree, benchmark_module(tree))


def torch_python(explicit):
    candidates = [explicit, os.environ.get("NNLAB_BENCH_PYTHON"), os.path.join(ROOT, "build", "bench-venv", "bin", "python")]
    for py in candidates:
        if py and os.path.exists(py):
            ok = subprocess.run([py, "-c", "import torch"], capture_output=True).returncode == 0
            if ok:
                return py
    return None


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--java", required=True)
    p.add_argument("--classpath", required=True)
    # the fastest epoch measures the steady state: nnlab's JVM compiles ND4J's Java code during the first
    # 2-3 epochs (epoch 1 ~1.8 s slower, epoch 2 ~0.5 s), which the "1st epoch" column shows
    p.add_argument("--epochs", type=int, default=8, help="MLP epochs per run (each epoch is one repeat)")
    p.add_argument("--threads", default="1,2", help="thread counts to compare, e.g. 1,2")
    p.add_argument("--train-limit", type=int, default=60000, help="MLP training images")
    p.add_argument("--cnn-epochs", type=int, default=1)
    p.add_argument("--cnn-train-limit", type=int, default=6000, help="CNN training images per epoch (0: skip the CNN)")
    p.add_argument("--torch-python", default=None)
    p.add_argument("--no-numpy", action="store_true")
    p.add_argument("--out", default=os.path.join(ROOT, "build", "bench", "compare.md"))
    p.add_argument("--before", metavar="REV", default=None,
                   help="also build git revision REV and run it before the working tree's nnlab, model by model")
    p.add_argument("--maven", default="mvn -B -ntp", help="the Maven command that builds --before's revision")
    a = p.parse_args()
    before = build_revision(a.before, a.maven) if a.before else None

    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    log_path = os.path.splitext(a.out)[0] + ".log"
    tpy = torch_python(a.torch_python)
    venv_py = os.path.join(ROOT, ".venv", "bin", "python")
    numpy_py = venv_py if os.path.exists(venv_py) else sys.executable
    threads = [t.strip() for t in a.threads.split(",") if t.strip()]
    java = [a.java, "-Xmx4g", "-cp", a.classpath, "org.nnlab.bench.MnistBenchmark"]
    # (name, command) of each nnlab build: the revision before, then the working tree's
    builds = ([(before[0], [a.java, "-Xmx4g", "-cp", before[1], "org.nnlab.bench.MnistBenchmark"])] if before else []) \
        + [("nnlab", java)]
    results = []
    with open(log_path, "w") as log:
        if tpy is None:
            print("PyTorch: not importable (set NNLAB_BENCH_PYTHON, or: python3 -m venv build/bench-venv &&"
                  " build/bench-venv/bin/pip install torch numpy); comparing with numpy only.", flush=True)
        for t in threads:
            env = {"OMP_NUM_THREADS": t, "GOMP_SPINCOUNT": SPIN}
            limit = ["--train-limit", str(a.train_limit)]
            for name, cmd in builds:
                results.append(run(f"{name} mlp", cmd + ["mlp", "--epochs", str(a.epochs)] + limit, env, log))
            if not a.no_numpy:
                results.append(run("numpy mlp", [numpy_py, os.path.join(HERE, "mlp_numpy.py"), "--epochs", str(a.epochs)]
                                   + limit, dict(env, OPENBLAS_NUM_THREADS=t), log))
            if tpy:
                results.append(run("pytorch mlp", [tpy, os.path.join(HERE, "mnist_torch.py"), "mlp", "--epochs",
                                                   str(a.epochs), "--threads", t] + limit, env, log))
        if a.cnn_train_limit > 0:
            for t in threads:
                env = {"OMP_NUM_THREADS": t, "GOMP_SPINCOUNT": SPIN}
                limit = ["--train-limit", str(a.cnn_train_limit)]
                for name, cmd in builds:
                    results.append(run(f"{name} cnn", cmd + ["cnn", "--epochs", str(a.cnn_epochs), "--test-limit",
                                                             "2000"] + limit, env, log))
                if tpy:
                    results.append(run("pytorch cnn", [tpy, os.path.join(HERE, "mnist_torch.py"), "cnn", "--epochs",
                                                       str(a.cnn_epochs), "--test-limit", "2000", "--threads", t]
                                       + limit, env, log))
    results = [r for r in results if r]
    table = report(results, a)
    print("\n" + table, flush=True)
    with open(a.out, "w") as f:
        f.write(table)
    with open(os.path.splitext(a.out)[0] + ".json", "w") as f:
        json.dump(results, f, indent=1)
    print(f"(written to {a.out}; full output in {log_path})")


def report(results, a):
    # the working tree's figure first: an older build may count the peak another way
    peak = next((r.get("peak_gflops") for r in sorted(results, key=lambda r: "@" in r["name"]) if r.get("peak_gflops")),
                None)
    flop = next((r.get("gflop_per_epoch") for r in results if r.get("gflop_per_epoch")), None)
    lines = [f"{os.cpu_count()} cores; seconds per epoch of 60,000 images (a run on fewer images is scaled up,"
             f" marked *).", "",
             "| implementation | threads | s/epoch min | s/epoch median | 1st epoch s | test acc (last) | GFLOPS (min) |"
             " % of peak | load avg |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in results:
        scale = 60000 / r["train"]
        secs = [s * scale for s in r["seconds"]]
        mark = "*" if scale != 1 else ""
        g = (flop / min(secs)) if (flop and r["model"] == "mlp") else None
        loads = r.get("loads") or []
        lines.append(f"| {r['name']} | {r['threads']} | {min(secs):.1f}{mark} | {statistics.median(secs):.1f}{mark} |"
                     f" {secs[0]:.1f}{mark} | {100 * r['test_accuracy'][-1]:.2f}% | {'' if g is None else f'{g:.1f}'} |"
                     f" {'' if g is None or not peak else f'{100 * g / peak:.0f}%'} |"
                     f" {r.get('load', '') or (f'{min(loads):.1f}-{max(loads):.1f}' if loads else 'see log')} |")
    lines.append("")

    def best(name):
        rs = [r for r in results if r["name"] == name]
        return min(((min(r["seconds"]) * 60000 / r["train"]), r["threads"]) for r in rs) if rs else None

    nn_mlp = best("nnlab mlp")
    baselines = [(best(n), n) for n in ("numpy mlp", "pytorch mlp") if best(n)]
    if nn_mlp and baselines:
        (b, bt), bn = min(baselines)
        lines.append(f"MLP: nnlab best {nn_mlp[0]:.1f} s/epoch ({nn_mlp[1]} threads), best baseline {bn}"
                     f" {b:.1f} s ({bt} threads): ratio nnlab / best baseline = {nn_mlp[0] / b:.2f} (goal <= 1.0)")
    nn_cnn, pt_cnn = best("nnlab cnn"), best("pytorch cnn")
    if nn_cnn and pt_cnn:
        lines.append(f"CNN: nnlab best {nn_cnn[0]:.0f} s/epoch ({nn_cnn[1]} threads), PyTorch {pt_cnn[0]:.0f} s"
                     f" ({pt_cnn[1]} threads): ratio {nn_cnn[0] / pt_cnn[0]:.2f} (goal <= 1.25)")
    for model in ("mlp", "cnn"):
        after = best(f"nnlab {model}")
        for name in sorted({r["name"] for r in results if r["name"].startswith("nnlab@") and r["model"] == model}):
            then = best(name)
            if after and then:
                lines.append(f"{model.upper()}: nnlab {after[0]:.1f} s/epoch ({after[1]} threads), {name.rsplit(' ', 1)[0]}"
                             f" {then[0]:.1f} s ({then[1]} threads): ratio after / before = {after[0] / then[0]:.2f}")
    if flop and peak:
        lines.append(f"MLP arithmetic: {flop:.1f} GFLOP per epoch (no gradient for the input images); peak {peak:.0f}"
                     f" GFLOPS float32 (cores x clock x float32 operations per cycle and core, from /proc/cpuinfo).")
    lines.append("")
    lines.append("Environments:")
    seen = set()
    for r in results:
        key = (r["name"].split()[0], r.get("environment", ""))
        if key not in seen:
            seen.add(key)
            lines.append(f"- {r['name'].split()[0]} ({r['threads']} threads): {r.get('environment', '?')}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
