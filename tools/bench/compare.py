"""nnlab vs numpy-from-scratch vs PyTorch on the slides' MNIST MLP (and CNN), in one run: `./nnlab bench compare`.

Runs, one after the other and interleaved by thread count so that the machine's load hits all alike:
  nnlab    org.nnlab.bench.MnistBenchmark (float32), OMP_NUM_THREADS = t, GOMP_SPINCOUNT=10000 (as ./nnlab bench sets)
  nnlab@REV  with --before REV: the same benchmark built from git revision REV (exported with git archive
           into build/bench/rev-SHA and built there with Maven, once per revision), run right before the
           working tree's for each model and thread count, so that before/after share the machine and hour
  numpy    tools/bench/mlp_numpy.py with the project's venv, OPENBLAS_NUM_THREADS = OMP_NUM_THREADS = t
  pytorch  tools/bench/mnist_torch.py with --torch-python (default $NNLAB_BENCH_PYTHON or
           build/bench-venv/bin/python) when it can import torch, torch.set_num_threads(t)
for each t of --threads, then the CNN (nnlab and PyTorch) on --cnn-train-limit images per epoch; with --rounds N
all of it N times, so that every implementation runs N times, alternated with the others.
The steady state of a run is its epochs after the first --warmup (default 2: nnlab's JVM is still compiling then);
the goal's ratios compare the medians of the steady-state epochs of all rounds, at each one's best thread count.
Prints a Markdown table (per implementation: the fastest and the median steady-state epoch, the first epoch, test
accuracy, GFLOPS and % of peak, load average), the environment of each, and the ratios nnlab / best baseline (and,
with --before, nnlab / nnlab@REV). Writes the table also to --out (default build/bench/compare.md) and the raw
results to compare.json beside it.
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


def count(text):
    """A whole number >= 1 for an option, or argparse's error naming what was received."""
    return _whole(text, 1)


def count_or_zero(text):
    """A whole number >= 0 for an option."""
    return _whole(text, 0)


def _whole(text, least):
    try:
        n = int(text)
    except ValueError:
        n = None
    if n is None or n < least:
        raise argparse.ArgumentTypeError(f"expected a whole number >= {least}, got {text!r} (e.g. 3)")
    return n


def run_round(a, builds, numpy_py, tpy, threads, log):
    """One round: for each thread count the MLP of each nnlab build, numpy and PyTorch, then the CNN likewise."""
    for t in threads:
        env = {"OMP_NUM_THREADS": t, "GOMP_SPINCOUNT": SPIN}
        limit = ["--train-limit", str(a.train_limit)]
        for name, cmd in builds:
            yield run(f"{name} mlp", cmd + ["mlp", "--epochs", str(a.epochs)] + limit, env, log)
        if not a.no_numpy:
            yield run("numpy mlp", [numpy_py, os.path.join(HERE, "mlp_numpy.py"), "--epochs", str(a.epochs)] + limit,
                      dict(env, OPENBLAS_NUM_THREADS=t), log)
        if tpy:
            yield run("pytorch mlp", [tpy, os.path.join(HERE, "mnist_torch.py"), "mlp", "--epochs", str(a.epochs),
                                      "--threads", t] + limit, env, log)
    if a.cnn_train_limit > 0:
        for t in threads:
            env = {"OMP_NUM_THREADS": t, "GOMP_SPINCOUNT": SPIN}
            limit = ["--train-limit", str(a.cnn_train_limit)]
            for name, cmd in builds:
                yield run(f"{name} cnn", cmd + ["cnn", "--epochs", str(a.cnn_epochs), "--test-limit", "2000"] + limit,
                          env, log)
            if tpy:
                yield run("pytorch cnn", [tpy, os.path.join(HERE, "mnist_torch.py"), "cnn", "--epochs",
                                          str(a.cnn_epochs), "--test-limit", "2000", "--threads", t] + limit, env, log)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--java", required=True)
    p.add_argument("--classpath", required=True)
    p.add_argument("--epochs", type=count, default=8, help="MLP epochs per run (each epoch is one repeat)")
    p.add_argument("--rounds", type=count, default=1,
                   help="runs of every implementation, alternated round by round; the steady state pools them")
    # nnlab's JVM compiles ND4J's Java code during its first 2 epochs (the first ~2 s slower, the second ~0.5 s),
    # which the "1st epoch" column shows; the steady state leaves them out of every run alike
    p.add_argument("--warmup", type=count_or_zero, default=2,
                   help="epochs at the start of each run that the steady state leaves out (default 2)")
    p.add_argument("--threads", default="1,2", help="thread counts to compare, e.g. 1,2")
    p.add_argument("--train-limit", type=count, default=60000, help="MLP training images")
    p.add_argument("--cnn-epochs", type=count, default=1)
    p.add_argument("--cnn-train-limit", type=count_or_zero, default=6000, help="CNN training images per epoch (0: skip the CNN)")
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
        for rnd in range(1, a.rounds + 1):
            if a.rounds > 1:
                print(f"=== round {rnd} of {a.rounds}", flush=True)
            for r in run_round(a, builds, numpy_py, tpy, threads, log):
                if r:
                    r["round"] = rnd
                    results.append(r)
    table = report(results, a)
    print("\n" + table, flush=True)
    with open(a.out, "w") as f:
        f.write(table)
    with open(os.path.splitext(a.out)[0] + ".json", "w") as f:
        json.dump(results, f, indent=1)
    print(f"(written to {a.out}; full output in {log_path})")


def scaled(r):
    """A run's seconds per epoch, scaled to 60,000 images (a run on fewer images is scaled up)."""
    return [s * 60000 / r["train"] for s in r["seconds"]]


def steady(r, warmup):
    """A run's steady-state epochs (scaled): those after its first `warmup`, or all when it has no more."""
    secs = scaled(r)
    return secs[warmup:] if len(secs) > warmup else secs


def sec(x):
    return f"{x:.2f}" if x < 10 else f"{x:.1f}"


def steady_words(results, warmup, rounds):
    """What "steady" means in this table, e.g. "steady: epochs 3-8 of each run, 3 runs alternated"."""
    longest = max((len(r["seconds"]) for r in results), default=0)
    epochs = f"epochs {warmup + 1}-{longest} of each run" if longest > warmup else "every epoch"
    if longest > warmup and any(len(r["seconds"]) <= warmup for r in results):
        epochs += f" (a run of {warmup} epochs or fewer: all of them)"
    return f"steady: {epochs}" + (f", {rounds} runs of each alternated" if rounds > 1 else "")


def best(results, name, warmup, rnd=None):
    """(steady-state median, threads) of implementation `name` at its best thread count, in round `rnd` or all."""
    by_threads = {}
    for r in results:
        if r["name"] == name and rnd in (None, r.get("round", 1)):
            by_threads.setdefault(r["threads"], []).extend(steady(r, warmup))
    return min((statistics.median(s), t) for t, s in by_threads.items()) if by_threads else None


def fastest(results, name, warmup):
    return min((s for r in results if r["name"] == name for s in steady(r, warmup)), default=None)


def ratio_lines(results, warmup, rounds):
    """The goal's ratios on steady-state medians: nnlab / best baseline (MLP), nnlab / PyTorch (CNN), after / before."""
    lines = []
    nn_mlp = best(results, "nnlab mlp", warmup)
    baselines = [(b, n) for n in ("numpy mlp", "pytorch mlp") for b in [best(results, n, warmup)] if b]
    if nn_mlp and baselines:
        (b, bt), bn = min(baselines)
        lines.append(f"MLP: nnlab {sec(nn_mlp[0])} s/epoch ({nn_mlp[1]} threads), best baseline {bn} {sec(b)} s ({bt}"
                     f" threads): ratio nnlab / best baseline = {nn_mlp[0] / b:.2f} (goal <= 1.0; steady medians)")
        nn_fast, b_fast = fastest(results, "nnlab mlp", warmup), fastest(results, bn, warmup)
        lines.append(f"MLP, fastest steady epochs: nnlab {sec(nn_fast)} s, {bn} {sec(b_fast)} s: ratio {nn_fast / b_fast:.2f}")
        if len(rounds) > 1:
            lines.append("MLP, ratio nnlab / best baseline by round: " + ", ".join(
                round_ratio(results, warmup, k) for k in rounds))
    nn_cnn, pt_cnn = best(results, "nnlab cnn", warmup), best(results, "pytorch cnn", warmup)
    if nn_cnn and pt_cnn:
        lines.append(f"CNN: nnlab {nn_cnn[0]:.0f} s/epoch ({nn_cnn[1]} threads), PyTorch {pt_cnn[0]:.0f} s"
                     f" ({pt_cnn[1]} threads): ratio {nn_cnn[0] / pt_cnn[0]:.2f} (goal <= 1.25)")
    for model in ("mlp", "cnn"):
        after = best(results, f"nnlab {model}", warmup)
        for name in sorted({r["name"] for r in results if r["name"].startswith("nnlab@") and r["model"] == model}):
            then = best(results, name, warmup)
            if after and then:
                lines.append(f"{model.upper()}: nnlab {sec(after[0])} s/epoch ({after[1]} threads), {name.rsplit(' ', 1)[0]}"
                             f" {sec(then[0])} s ({then[1]} threads): ratio after / before = {after[0] / then[0]:.2f}")
    return lines


def round_ratio(results, warmup, rnd):
    nn = best(results, "nnlab mlp", warmup, rnd)
    bs = [b for b in (best(results, n, warmup, rnd) for n in ("numpy mlp", "pytorch mlp")) if b]
    return f"{nn[0] / min(bs)[0]:.2f}" if nn and bs else "-"


def report(results, a):
    warmup = getattr(a, "warmup", 2)
    # the working tree's figure first: an older build may count the peak another way
    peak = next((r.get("peak_gflops") for r in sorted(results, key=lambda r: "@" in r["name"]) if r.get("peak_gflops")),
                None)
    flop = next((r.get("gflop_per_epoch") for r in results if r.get("gflop_per_epoch")), None)
    groups = {}   # (name, threads) -> its runs, round by round
    for r in results:
        groups.setdefault((r["name"], r["threads"]), []).append(r)
    rounds = sorted({r.get("round", 1) for r in results})
    lines = [f"{os.cpu_count()} cores; seconds per epoch of 60,000 images (a run on fewer images is scaled up,"
             f" marked *); {steady_words(results, warmup, len(rounds))}.", "",
             "| implementation | threads | runs | steady min | steady median | 1st epoch s | test acc (last) |"
             " GFLOPS (fastest) | % of peak | load avg |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for (name, threads), runs in groups.items():
        secs = [s for r in runs for s in steady(r, warmup)]
        mark = "*" if any(r["train"] != 60000 for r in runs) else ""
        g = (flop / min(secs)) if (flop and runs[0]["model"] == "mlp") else None
        loads = [x for r in runs for x in (r.get("loads") or [])]
        lines.append(f"| {name} | {threads} | {len(runs)} | {sec(min(secs))}{mark} | {sec(statistics.median(secs))}{mark} |"
                     f" {sec(statistics.median(scaled(r)[0] for r in runs))}{mark} |"
                     f" {100 * runs[-1]['test_accuracy'][-1]:.2f}% | {'' if g is None else f'{g:.1f}'} |"
                     f" {'' if g is None or not peak else f'{100 * g / peak:.0f}%'} |"
                     f" {runs[-1].get('load', '') or (f'{min(loads):.1f}-{max(loads):.1f}' if loads else 'see log')} |")
    lines.append("")
    lines += ratio_lines(results, warmup, rounds)
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
